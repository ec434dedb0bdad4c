/**
 * Whether a driver error is a unique-index violation, on MariaDB/MySQL (`ER_DUP_ENTRY`) or SQLite
 * (`SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY`). A check-then-insert can still lose a race to a
 * concurrent request; the index is the final word, and this turns its refusal into a 409.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
