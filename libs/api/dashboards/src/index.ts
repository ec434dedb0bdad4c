// The public face of the dashboards library: everything the app and other libraries use.
export * from './access';
export * from './change-figures';
export * from './dashboard-error';
export * from './dashboard-facts';
export * from './dashboard-refresh.service';
export * from './dashboard-rollups';
export * from './dashboard.dto';
export * from './dashboards.controller';
export * from './dashboards.module';
export * from './dashboards.service';
export * from './export';
export * from './figures';
export * from './incident-figures';
export * from './kind-figures';
export * from './rollup-deltas';
