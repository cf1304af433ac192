export * from './common';
export * from './identity';
export * from './licensing';
export * from './route-spec';
export * from './routes';
export * from './renewal';
export * from './hard-copy';
