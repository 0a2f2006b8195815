import { rmSync } from 'node:fs';
import { openDatabase, quickCheck, type Db } from './database';

/**
 * SQLite's online backup API: a consistent copy while the station keeps writing. The copy is
 * checked with quick_check before we call it a backup; a bad copy is deleted, not kept.
 */
export async function backupDatabase(db: Db, target: string): Promise<{ pages: number }> {
  const { totalPages } = await db.backup(target);
  const copy = openDatabase(target, { readonly: true });
  try {
    const damage = quickCheck(copy);
    if (damage) throw new Error(`the backup failed its integrity check (${damage})`);
  } catch (err) {
    copy.close();
    rmSync(target, { force: true });
    throw err;
  }
  copy.close();
  return { pages: totalPages };
}
