// The public face of the survey library: everything the app and other libraries use.
export * from './ikm-report.service';
export * from './respondent-profile';
export * from './survey-error';
export * from './survey-limiter';
export * from './survey-ticket-hook';
export * from './survey-token';
export * from './survey.controller';
export * from './survey.dto';
export * from './survey.entities';
export * from './survey.module';
export * from './survey.service';
