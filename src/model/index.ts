export * from './journey';
export * from './emotion-scale';
export * from './parse-result';
export * from './journey-schema';
export * from './journey-file';
export * from './templates/online-store-template';
