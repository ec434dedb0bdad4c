import { SetMetadata } from '@nestjs/common';

/** Metadata key the authentication guard reads to let a route through without sign-in. */
export const PUBLIC_KEY = 'sigap:public';

/**
 * The route needs no sign-in (health, login, metrics). Kept below identity so folders under it
 * (observability) can mark their routes; identity re-exports it with its other decorators.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
