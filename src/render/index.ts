export * from './render-scene-svg';
export * from './render-slides';
