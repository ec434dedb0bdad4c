import type { Connection, RowDataPacket } from 'mysql2/promise';

/**
 * Gives the server the buffer pool the run needs (`megabytes`; 0 leaves it as it is): MariaDB's
 * default 128 MiB holds an eighth of a million tickets, and every request would then read and
 * evict pages of them. A deployment sets `innodb_buffer_pool_size` in the
 * server's configuration (README, "Benchmarks"); here it is raised at run time (MariaDB 10.11
 * and MySQL 8 resize it online), printed, and put back at the end.
 */
export async function sizeBufferPool(
  admin: Connection,
  megabytes: number,
): Promise<{ text: string; restore: () => Promise<void> }> {
  const current = async () =>
    Number(
      (await admin.query<RowDataPacket[]>('SELECT @@GLOBAL.innodb_buffer_pool_size AS b'))[0][0][
        'b'
      ],
    );
  const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;
  const before = await current();
  const wanted = megabytes * 1048576;
  const keep = { text: `${mib(before)} (as configured)`, restore: async () => undefined };
  if (!megabytes || before >= wanted) return keep;
  try {
    await admin.query('SET GLOBAL innodb_buffer_pool_size = ?', [wanted]);
  } catch (error) {
    keep.text += `; raising it to ${mib(wanted)} failed: ${(error as Error).message}`;
    return keep;
  }
  // The resize runs in the background: wait until the server reports the new size.
  for (let i = 0; i < 300 && (await current()) < wanted; i++)
    await new Promise((r) => setTimeout(r, 100));
  return {
    text: `${mib(await current())} (raised from ${mib(before)} for this run by SET GLOBAL, put back at the end)`,
    restore: async () => {
      await admin.query('SET GLOBAL innodb_buffer_pool_size = ?', [before]);
    },
  };
}
