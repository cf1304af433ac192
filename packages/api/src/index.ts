export * from './common';
export * from './identity';
export * from './route-spec';
export * from './routes';
