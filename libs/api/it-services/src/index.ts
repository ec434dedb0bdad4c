// The public face of the IT services library: everything the app and other libraries use.
export * from './access';
export * from './it-service-error';
export * from './it-service.dto';
export * from './it-service.entity';
export * from './it-services-seed.service';
export * from './it-services.controller';
export * from './it-services.module';
export * from './it-services.service';
export * from './priority';
export * from './priority-matrix.service';
