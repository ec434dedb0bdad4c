// The public face of the incidents library: everything the app and other libraries use.
export * from './incident-error';
export * from './incident-kind';
export * from './incident-priority.service';
export * from './incident-public-notice.service';
export * from './incident-rows';
export * from './incident-standard';
export * from './incident.dto';
export * from './incident.entity';
export * from './incidents.controller';
export * from './incidents.module';
export * from './incidents.service';
