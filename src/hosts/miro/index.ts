export * from './miro-host';
export * from './miro-drawers';
export * from './miro-html';
export * from './miro-sticky-colors';
export * from './miro-errors';
export * from './call-pacer';
export * from './run-with-concurrency';
