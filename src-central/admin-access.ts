import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCentralDb, type CentralDb } from './db';
import { migrateCentral } from './migrate';

/** Written by `qcs central serve` (mode 0600) so that the admin commands can reach it. */
export interface AdminFile {
  url: string;
  pid: number;
  token: string;
}

export const adminFilePath = (dataDir: string) => join(dataDir, 'central-admin.json');

export function writeAdminFile(dataDir: string, content: AdminFile): void {
  const file = adminFilePath(dataDir);
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  // The mode of writeFileSync applies only to a new file: make sure of it for an old one too.
  chmodSync(file, 0o600);
}

export function removeAdminFile(dataDir: string, pid: number): void {
  // Only the server that wrote the file removes it (a newer server may have replaced it).
  if (readAdminFile(dataDir)?.pid === pid) rmSync(adminFilePath(dataDir), { force: true });
}

export function readAdminFile(dataDir: string): AdminFile | null {
  const file = adminFilePath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<AdminFile>;
    if (
      typeof data.url === 'string' &&
      typeof data.token === 'string' &&
      typeof data.pid === 'number'
    ) {
      return { url: data.url, token: data.token, pid: data.pid };
    }
  } catch {
    // Unreadable: treated like a stale file.
  }
  return null;
}

/** The running server named by the admin file, if it answers with that token. */
export async function liveServer(dataDir: string): Promise<AdminFile | 'stale' | null> {
  const admin = readAdminFile(dataDir);
  if (!admin) return existsSync(adminFilePath(dataDir)) ? 'stale' : null;
  try {
    const res = await fetch(`${admin.url}/admin/stats`, {
      headers: { authorization: `Bearer ${admin.token}` },
      signal: AbortSignal.timeout(3000),
    });
    return res.ok ? admin : 'stale';
  } catch {
    return 'stale';
  }
}

export async function adminCall<T>(
  admin: AdminFile,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${admin.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${admin.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T & { message?: string };
  if (!res.ok)
    throw new Error(`head office answered ${res.status}: ${json.message ?? 'no reason given'}`);
  return json;
}

/** Opens the database of a data directory (or DATABASE_URL), migrated, for one command. */
export async function openCentralForCommand(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<CentralDb> {
  const db = await openCentralDb({ dataDir, databaseUrl });
  try {
    await migrateCentral(db);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
