/** A path segment this long and opaque is a credential (tokens are 20+ random characters). */
const SECRET_SEGMENT = /^[A-Za-z0-9._~-]{20,}$/;
/** Ticket numbers and ids are long too, but not secret: BALI-2026-000123, UUIDs. */
const NOT_SECRET =
  /^([A-Z0-9]{2,12}-\d{4}-\d{6}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The path without its query string, and with credential-looking segments masked: tracking,
 * survey and sign-in links carry their token in the path, and logs must not.
 */
export function safePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0].split('#')[0];
  return path
    .split('/')
    .map((segment) =>
      SECRET_SEGMENT.test(segment) && !NOT_SECRET.test(segment) ? ':secret' : segment,
    )
    .join('/')
    .slice(0, 300);
}
