// The public face of the clock library: everything the app and other libraries use.
export * from './clock';
