import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * `<data dir>/station.lock`: which process runs the station on this data directory. It is a
 * marker, not a mutex — the running station (serve, Electron) writes it and removes it on
 * close; a crashed station leaves it behind, so a reader also checks that the process lives.
 * `qcs db restore` refuses while it names a live process.
 */
export function stationLockFile(dataDir: string): string {
  return join(dataDir, 'station.lock');
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: number;
  token: string;
}

function readLock(dataDir: string): LockContent | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(stationLockFile(dataDir), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const c = parsed as Partial<LockContent>;
    if (typeof c.pid !== 'number' || typeof c.host !== 'string') return null;
    return {
      pid: c.pid,
      host: c.host,
      startedAt: typeof c.startedAt === 'number' ? c.startedAt : 0,
      token: typeof c.token === 'string' ? c.token : '',
    };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks the data directory as in use by this process; returns the release. */
export function markStationRunning(dataDir: string, clock: () => number = Date.now): () => void {
  const token = randomUUID();
  const content: LockContent = { pid: process.pid, host: hostname(), startedAt: clock(), token };
  try {
    writeFileSync(stationLockFile(dataDir), JSON.stringify(content));
  } catch {
    // A marker we cannot write (full disk) only weakens restore's check; the station runs on.
    return () => undefined;
  }
  return () => {
    // Only our own marker: a second station started on the same directory keeps its own.
    if (readLock(dataDir)?.token === token) rmSync(stationLockFile(dataDir), { force: true });
  };
}

/**
 * The station process running on this data directory, if any. A marker from another host (a
 * data directory on a share) cannot be checked and counts as running.
 */
export function runningStation(dataDir: string): { pid: number; host: string } | null {
  const lock = readLock(dataDir);
  if (!lock) return null;
  if (lock.host !== hostname()) return { pid: lock.pid, host: lock.host };
  return alive(lock.pid) ? { pid: lock.pid, host: lock.host } : null;
}
