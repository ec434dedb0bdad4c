// The public face of the offices library: everything the app and other libraries use.
export * from './known-office.interceptor';
export * from './office-calendars';
export * from './office-changes';
export * from './office-directory.adapter';
export * from './office-error';
export * from './office.entity';
export * from './offices.controller';
export * from './offices.dto';
export * from './offices.module';
export * from './offices.service';
export * from './position.entity';
export * from './positions.controller';
export * from './positions.service';
export * from './time-zone';
