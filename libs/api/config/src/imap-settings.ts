/**
 * IMAP mailboxes polled for inbound mail, defined in configuration (`SIGAP_IMAP_MAILBOXES`, a
 * JSON array). Passwords are never written in that JSON: each mailbox names the environment
 * variable holding its password (`passwordEnv`), so the secret lives where the other secrets do.
 */

export interface ImapMailboxSettings {
  /** Short unique name, used in the API and the logs (`[a-z0-9-]`). */
  name: string;
  /** Office code the mailbox belongs to. */
  office: string;
  host: string;
  port: number;
  /**
   * TLS from the first byte (IMAPS, usually 993); false means STARTTLS (143), demanded before
   * LOGIN unless `SIGAP_IMAP_TLS=off` allows plain text to a local test server.
   */
  secure: boolean;
  user: string;
  /** Name of the environment variable holding the password. */
  passwordEnv: string;
  password: string;
  /** Folder to read, default `INBOX`. */
  folder: string;
  /** Where processed messages are moved; null marks them \Seen instead. */
  processedFolder: string | null;
  enabled: boolean;
  /** Seconds between polls when the server has no IDLE (and the IDLE refresh otherwise). */
  pollSeconds: number;
  /** Refuse servers whose TLS certificate does not verify. */
  tlsRejectUnauthorized: boolean;
  /** Use IMAP IDLE when the server offers it (default); false polls every `pollSeconds`. */
  useIdle?: boolean;
}

type Env = Record<string, string | undefined>;

const KEYS = new Set([
  'name',
  'office',
  'host',
  'port',
  'secure',
  'user',
  'passwordEnv',
  'folder',
  'processedFolder',
  'enabled',
  'pollSeconds',
  'tlsRejectUnauthorized',
]);

/**
 * Parses `SIGAP_IMAP_MAILBOXES`. Throws an `Error` whose message names the mailbox and the field
 * that is wrong (the caller turns it into a start-up configuration error).
 */
export function parseImapMailboxes(raw: string | null, env: Env): ImapMailboxSettings[] {
  if (raw === null || raw.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`SIGAP_IMAP_MAILBOXES bukan JSON yang valid: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) {
    throw new Error('SIGAP_IMAP_MAILBOXES harus berupa larik JSON: [{"name": …}, …]');
  }
  const names = new Set<string>();
  return data.map((item, index) => {
    const where = `SIGAP_IMAP_MAILBOXES[${index}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new Error(`${where} harus berupa objek`);
    }
    const o = item as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (key === 'password') {
        throw new Error(
          `${where}.password tidak diizinkan: simpan sandi di variabel lingkungan dan sebut namanya di passwordEnv`,
        );
      }
      if (!KEYS.has(key)) throw new Error(`${where}: kolom "${key}" tidak dikenal`);
    }
    const text = (key: string, fallback?: string): string => {
      const value = o[key] ?? fallback;
      if (typeof value !== 'string' || value.trim() === '') {
        throw new Error(`${where}.${key} wajib diisi (teks)`);
      }
      return value.trim();
    };
    const flag = (key: string, fallback: boolean): boolean => {
      const value = o[key] ?? fallback;
      if (typeof value !== 'boolean') throw new Error(`${where}.${key} harus true atau false`);
      return value;
    };
    const integer = (key: string, fallback: number, min: number, max: number): number => {
      const value = o[key] ?? fallback;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new Error(`${where}.${key} harus bilangan bulat ${min}–${max}`);
      }
      return value;
    };
    const name = text('name');
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(name)) {
      throw new Error(`${where}.name "${name}" hanya boleh huruf kecil, angka dan tanda minus`);
    }
    if (names.has(name)) throw new Error(`${where}.name "${name}" dipakai lebih dari sekali`);
    names.add(name);
    const secure = flag('secure', true);
    const passwordEnv = text('passwordEnv');
    if (!/^[A-Z_][A-Z0-9_]*$/.test(passwordEnv)) {
      throw new Error(`${where}.passwordEnv "${passwordEnv}" bukan nama variabel lingkungan`);
    }
    const password = env[passwordEnv];
    if (password === undefined || password === '') {
      throw new Error(`${where}: variabel ${passwordEnv} (sandi kotak surat "${name}") kosong`);
    }
    const processed = o['processedFolder'];
    if (processed !== undefined && processed !== null && typeof processed !== 'string') {
      throw new Error(`${where}.processedFolder harus teks atau null`);
    }
    return {
      name,
      office: text('office'),
      host: text('host'),
      port: integer('port', secure ? 993 : 143, 1, 65535),
      secure,
      user: text('user'),
      passwordEnv,
      password,
      folder: text('folder', 'INBOX'),
      processedFolder: typeof processed === 'string' && processed.trim() ? processed.trim() : null,
      enabled: flag('enabled', true),
      pollSeconds: integer('pollSeconds', 60, 1, 3600),
      tlsRejectUnauthorized: flag('tlsRejectUnauthorized', true),
    };
  });
}
