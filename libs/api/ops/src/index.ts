// The public face of the ops library: everything the app and other libraries use.
export * from './ops-cli';
export * from './snapshot';
