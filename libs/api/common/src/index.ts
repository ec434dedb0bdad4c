// The public face of the common library: everything the app and other libraries use.
export * from './console-static';
export * from './domain-error';
export * from './json-body';
export * from './periodic-job';
export * from './problem.filter';
export * from './problem';
export * from './public-route';
export * from './readiness';
export * from './safe-path';
export * from './shared-rate-limit';
export * from './validation-errors';
export * from './validators';
export * from './version';
export * from './openapi';
