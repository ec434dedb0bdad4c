// The public face of the catalog library: everything the app and other libraries use.
export * from './catalog-error';
export * from './catalog-service.entity';
export * from './catalog.controller';
export * from './catalog.module';
export * from './catalog.service';
export * from './check-standard';
export * from './import.controller';
export * from './import.service';
export * from './seed-loader.service';
export * from './service-standard.dto';
export * from './service-version.entity';
export * from './standards-port';
export * from './to-standard';
export * from './working-day';
