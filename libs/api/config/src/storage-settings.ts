/**
 * Where attachment bytes are kept (`SIGAP_STORAGE_URL`): the local data folder (the default, which
 * may be a shared mount) or an S3-compatible bucket, `s3://bucket[/prefix]`, reached with the
 * `SIGAP_S3_*` settings. The secret key is kept here for the S3 client and never printed.
 */

export type StorageSettings =
  | { driver: 'local' }
  | {
      driver: 's3';
      bucket: string;
      /** Key prefix inside the bucket, without slashes at either end ('' for none). */
      prefix: string;
      /** Endpoint of an S3-compatible server; null for AWS itself (chosen by region). */
      endpoint: string | null;
      region: string;
      /** Null: the SDK's own credential chain (instance role, shared files). */
      accessKeyId: string | null;
      secretAccessKey: string | null;
      /** `bucket` in the path rather than the host name (most self-hosted servers need it). */
      forcePathStyle: boolean;
    };

type Env = Record<string, string | undefined>;

/** S3 bucket naming rules: 3-63 lower-case letters, digits, dots and dashes. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function value(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

export function parseStorageSettings(env: Env): StorageSettings {
  const url = value(env, 'SIGAP_STORAGE_URL');
  if (!url || url === 'local') return { driver: 'local' };
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match) {
    throw new Error(
      `SIGAP_STORAGE_URL harus "local" atau s3://bucket[/prefix], bukan "${url.slice(0, 80)}"`,
    );
  }
  const bucket = match[1] ?? '';
  if (!BUCKET.test(bucket)) {
    throw new Error(`SIGAP_STORAGE_URL: nama bucket "${bucket}" tidak sah`);
  }
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error('SIGAP_STORAGE_URL: prefix tidak boleh memuat "." atau ".."');
  }
  const endpoint = value(env, 'SIGAP_S3_ENDPOINT');
  if (endpoint) {
    let parsed: URL;
    try {
      parsed = new URL(endpoint);
    } catch {
      throw new Error('SIGAP_S3_ENDPOINT harus URL http(s)://host[:port]');
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password) {
      throw new Error('SIGAP_S3_ENDPOINT harus URL http(s)://host[:port] tanpa kredensial');
    }
  }
  const accessKeyId = value(env, 'SIGAP_S3_ACCESS_KEY_ID');
  const secretAccessKey = value(env, 'SIGAP_S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('SIGAP_S3_ACCESS_KEY_ID dan SIGAP_S3_SECRET_ACCESS_KEY harus diisi bersama');
  }
  const style = value(env, 'SIGAP_S3_FORCE_PATH_STYLE')?.toLowerCase();
  if (style && !['true', 'false', '1', '0'].includes(style)) {
    throw new Error(`SIGAP_S3_FORCE_PATH_STYLE harus true atau false, bukan "${style}"`);
  }
  return {
    driver: 's3',
    bucket,
    prefix,
    endpoint: endpoint ? endpoint.replace(/\/+$/, '') : null,
    region: value(env, 'SIGAP_S3_REGION') ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    // A custom endpoint is usually a self-hosted server without per-bucket host names.
    forcePathStyle: style ? style === 'true' || style === '1' : Boolean(endpoint),
  };
}

/** The storage in one line for logs: never the credentials. */
export function describeStorage(settings: StorageSettings, dataDir: string): string {
  if (settings.driver === 'local') return `${dataDir}/attachments`;
  const where = settings.prefix ? `${settings.bucket}/${settings.prefix}` : settings.bucket;
  return `s3://${where}${settings.endpoint ? ` (${settings.endpoint})` : ''}`;
}
