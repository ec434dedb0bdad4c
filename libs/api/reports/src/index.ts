// The public face of the reports library: everything the app and other libraries use.
export * from './evaluation-pdf';
export * from './evaluation-texts';
export * from './evidence-pack-pdf';
export * from './evidence-pack-sheets';
export * from './evidence-pack.dto';
export * from './evidence-pack.service';
export * from './pdf-layout';
export * from './pdf-fonts';
export * from './pdf-text';
export * from './report-error';
export * from './report.dto';
export * from './reports.controller';
export * from './reports.module';
export * from './reports.service';
