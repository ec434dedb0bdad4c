export * from './lib/auth';
export * from './lib/catalog';
export * from './lib/health';
export * from './lib/problem';
export * from './lib/calendar';
export * from './lib/tickets';
export * from './lib/mail';
