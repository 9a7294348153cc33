export * from './scene';
export * from './scene-keys';
export * from './style-palette';
export * from './measure-text';
export * from './host-metrics';
export * from './smooth-path';
export * from './layout-journey';
export * from './map-labels';
