export * from './content-hash';
export * from './item-identity';
export * from './host-port';
export * from './diff-scene';
export * from './merge-board-edits';
export * from './merge-journeys';
export * from './regenerate-map';
