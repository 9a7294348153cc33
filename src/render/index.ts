export * from './render-scene-svg';
