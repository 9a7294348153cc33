export * from './app-error';
export * from './board-port';
export * from './map-channel';
export * from './map-messages';
export * from './map-records';
export * from './map-runs';
export * from './map-service';
export * from './record-chunks';
