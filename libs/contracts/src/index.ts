export * from './lib/auth';
export * from './lib/catalog';
export * from './lib/health';
export * from './lib/problem';
