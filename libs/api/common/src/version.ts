// The root package.json is the product's version source; webpack inlines it at build time.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { version } from '../../../../package.json';

/** The product version, from the workspace's package.json. */
export const APP_VERSION: string = version;
