/** A problem found in a catalog or office file, at a field path ("steps[3].executors[0]"). */
export interface CatalogIssue {
  path: string;
  /** Bahasa Indonesia. */
  message: string;
}

/** Thrown by the catalog-file readers; `issues` names every problem found, not just the first. */
export class CatalogFileError extends Error {
  constructor(
    readonly issues: CatalogIssue[],
    what = 'berkas katalog',
  ) {
    super(
      `${what} tidak valid (${issues.length} masalah): ` +
        issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
    );
    this.name = 'CatalogFileError';
  }
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

type Obj = Record<string, unknown>;

/**
 * Reads fields of an untrusted object, recording an issue for each field that is missing or of
 * the wrong type, and for each field it does not know.
 */
export class FieldReader {
  private readonly seen = new Set<string>();
  constructor(
    private readonly obj: Obj,
    readonly path: string,
    private readonly issues: CatalogIssue[],
  ) {}

  static of(value: unknown, path: string, issues: CatalogIssue[]): FieldReader | null {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({
        path,
        message: `harus berupa objek (pasangan kunci: nilai), bukan ${describe(value)}`,
      });
      return null;
    }
    return new FieldReader(value as Obj, path, issues);
  }

  private at(key: string): string {
    return joinPath(this.path, key);
  }
  private raw(key: string): unknown {
    this.seen.add(key);
    return this.obj[key];
  }
  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }
  problem(key: string, message: string): void {
    this.issues.push({ path: this.at(key), message });
  }

  string(key: string): string {
    const v = this.raw(key);
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(
        key,
        v === undefined
          ? 'wajib diisi'
          : `harus berupa teks yang tidak kosong, bukan ${describe(v)}`,
      );
      return '';
    }
    return v;
  }
  /** Text or null; `undefined` when absent and `keepAbsent` is set. */
  nullableString(key: string): string | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') {
      this.problem(key, `harus berupa teks atau null, bukan ${describe(v)}`);
      return null;
    }
    return v;
  }
  boolean(key: string, fallback?: boolean): boolean {
    const v = this.raw(key);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'boolean') {
      this.problem(
        key,
        v === undefined
          ? 'wajib diisi (true/false)'
          : `harus true atau false, bukan ${describe(v)}`,
      );
      return fallback ?? false;
    }
    return v;
  }
  integer(key: string): number {
    const v = this.raw(key);
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.problem(
        key,
        v === undefined ? 'wajib diisi' : `harus bilangan bulat, bukan ${describe(v)}`,
      );
      return 0;
    }
    return v;
  }
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.raw(key);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.problem(
        key,
        `${v === undefined ? 'wajib diisi' : `nilai "${String(v)}" tidak dikenal`}; pilihan: ${allowed.join(', ')}`,
      );
      return fallback ?? allowed[0];
    }
    return v as T;
  }
  /** A list; absent gives [] when `optional`, else an issue. */
  list<T>(key: string, item: (value: unknown, path: string) => T, optional = false): T[] {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (!optional) this.problem(key, 'wajib diisi (daftar)');
      return [];
    }
    if (!Array.isArray(v)) {
      this.problem(key, `harus berupa daftar, bukan ${describe(v)}`);
      return [];
    }
    return v.map((x, i) => item(x, joinPath(this.at(key), i)));
  }
  stringList(key: string, optional = false): string[] {
    return this.list(key, (x, p) => textItem(x, p, this.issues), optional);
  }
  object(key: string, optional = false): FieldReader | null {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      if (!optional) this.problem(key, 'wajib diisi');
      return null;
    }
    return FieldReader.of(v, this.at(key), this.issues);
  }
  /** Records an issue for each key the reader never asked about. */
  rejectUnknown(): void {
    for (const key of Object.keys(this.obj)) {
      if (!this.seen.has(key)) this.problem(key, 'kolom tidak dikenal');
    }
  }
}

export function textItem(x: unknown, path: string, issues: CatalogIssue[]): string {
  if (typeof x === 'number') return String(x);
  if (typeof x !== 'string' || x.trim() === '') {
    issues.push({ path, message: `harus berupa teks yang tidak kosong, bukan ${describe(x)}` });
    return '';
  }
  return x;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'kosong';
  if (Array.isArray(v)) return 'daftar';
  if (typeof v === 'object') return 'objek';
  if (typeof v === 'string') return `teks "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v === 'number' ? 'angka' : typeof v} ${String(v)}`;
}
