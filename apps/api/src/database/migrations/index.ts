import { InitialSchema1763900000000 } from './1763900000000-initial-schema';

/** All migrations in order; listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [InitialSchema1763900000000];
