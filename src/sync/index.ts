export * from './content-hash';
export * from './item-identity';
export * from './host-port';
export * from './diff-scene';
export * from './generate-map';
