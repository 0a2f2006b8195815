import { readdirSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { BackupSettings } from '../../src-shared/api/domain-backup';

const DAY_MS = 86_400_000;
/** Written under this suffix and renamed only once verified: a crash never leaves a "backup". */
export const PARTIAL_SUFFIX = '.partial';

export function backupFolder(dataDir: string, settings: Pick<BackupSettings, 'folder'>): string {
  if (!settings.folder) return join(dataDir, 'backups');
  return isAbsolute(settings.folder) ? settings.folder : resolve(dataDir, settings.folder);
}

/** `qcs-backup-ST-XXXX-20250314T020000123Z.db`: whose, and when (UTC, sortable). */
export function backupFileName(stationId: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `qcs-backup-${stationId}-${stamp}.db`;
}

const NAME = /^qcs-backup-(.+)-(\d{8}T\d{9}Z)\.db$/;

/** When a backup file of this station was made, from its name (null: not one of ours). */
export function backupTime(fileName: string, stationId: string): number | null {
  const m = NAME.exec(fileName);
  if (!m || m[1] !== stationId || !m[2]) return null;
  const s = m[2];
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

export interface BackupFile {
  name: string;
  path: string;
  at: number;
  bytes: number;
}

/** This station's finished backups in `folder`, newest first (other files are never touched). */
export function listBackups(folder: string, stationId: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const at = backupTime(name, stationId);
    if (at === null) continue;
    const path = join(folder, name);
    try {
      out.push({ name, path, at, bytes: statSync(path).size });
    } catch {
      // Deleted meanwhile (another retention run, a person): not a backup any more.
    }
  }
  return out.sort((a, b) => b.at - a.at);
}

/**
 * Which backups retention deletes: those beyond the newest `keepCopies`, and those older than
 * `keepDays` days. The newest is always kept — only verified copies get a final name, so the
 * newest is the newest good one, whatever the settings say.
 */
export function expiredBackups(
  backups: readonly BackupFile[],
  settings: Pick<BackupSettings, 'keepDays' | 'keepCopies'>,
  now: number,
): BackupFile[] {
  return backups.filter(
    (b, i) => i > 0 && (i >= settings.keepCopies || now - b.at > settings.keepDays * DAY_MS),
  );
}

/** Leftovers of a backup that a crash or a kill interrupted (never a finished backup). */
export function removePartials(folder: string, stationId: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    if (backupTime(name.slice(0, -PARTIAL_SUFFIX.length), stationId) === null) continue;
    rmSync(join(folder, name), { force: true });
  }
}

/**
 * When the next daily backup is due: at `hour` o'clock local time, or right away when the most
 * recent such hour has passed without a backup (the station was off at 2 a.m.).
 */
export function nextDueAt(lastAt: number | null, hour: number, now: number): number {
  const slot = new Date(now);
  slot.setHours(hour, 0, 0, 0);
  if (slot.getTime() > now) slot.setDate(slot.getDate() - 1);
  const recentSlot = slot.getTime();
  if (lastAt === null || lastAt < recentSlot) return now;
  slot.setDate(slot.getDate() + 1);
  return slot.getTime();
}
