export * from './api-answers';
export * from './api-coverage';
export * from './api-document';
