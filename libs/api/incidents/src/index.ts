// The public face of the incidents library: everything the app and other libraries use.
export * from './incident-error';
export * from './incident-kind';
export * from './incident-priority.service';
export * from './incident-rows';
export * from './incident-standard';
export * from './incident.dto';
export * from './incident.entity';
export * from './incidents.controller';
export * from './incidents.module';
export * from './incidents.service';
export * from './incident-links';
export * from './major-incident-cascade';
export * from './major-incidents.service';
export * from './problem.dto';
export * from './problem.entity';
export * from './problems.controller';
export * from './problems.service';
