import { stat } from 'node:fs/promises';
import type { ObjectStore } from './object-store';

/** How many checksums one look at the database asks about. */
const BATCH = 200;

/**
 * Deletes the objects of `store` stored before `cutoff` that `kept` does not claim: the bucket's
 * side of the attachments' orphan cleanup and of the inbound mail retention. `kept` answers,
 * among the checksums it is given, those whose objects must stay. Right before each delete the
 * object is looked at once more (stored again meanwhile, or claimed by now?), so a sweep never
 * takes bytes that a new row is being written for.
 */
export async function sweepStore(
  store: ObjectStore,
  cutoff: number,
  kept: (checksums: string[]) => Promise<Set<string>>,
): Promise<{ checked: number; removed: number }> {
  let checked = 0;
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const keep = await kept(batch);
    for (const sha256 of batch) {
      if (keep.has(sha256)) continue;
      const now = await store.stat(sha256);
      if (!now || now.modifiedMs >= cutoff) continue;
      if ((await kept([sha256])).size > 0) continue;
      await store.delete(sha256);
      removed++;
    }
    batch = [];
  };
  for await (const item of store.list()) {
    if (item.modifiedMs >= cutoff) continue;
    checked++;
    batch.push(item.sha256);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  return { checked, removed };
}

/**
 * Whether the file was last written (`mtimeMs`), or last changed at all, renames included
 * (`ctimeMs`), before `cutoff`; false when it is gone.
 */
export async function fileOlderThan(
  path: string,
  cutoff: number,
  time: 'mtimeMs' | 'ctimeMs' = 'mtimeMs',
): Promise<boolean> {
  try {
    return (await stat(path))[time] < cutoff;
  } catch {
    return false;
  }
}
