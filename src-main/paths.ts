import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR_NAME = 'intake-qc-station';

/**
 * The package root (where resources/, native-models/ and out/ live). This module runs from
 * src-main/ under vitest/tsx and from out/main/ once bundled: both are two levels down, and we
 * walk up to the nearest package.json to be safe either way.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('Cannot find the application root (package.json + resources/)');
}

export function resourcePath(...parts: string[]): string {
  return join(appRoot(), 'resources', ...parts);
}

/** Browser mode's default data directory: $XDG_DATA_HOME (or the platform's equivalent). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  const xdg =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/')
      ? env.XDG_DATA_HOME
      : join(homedir(), '.local', 'share');
  return join(xdg, APP_DIR_NAME);
}

export function resolveDataDir(dataDir: string | undefined): string {
  return resolve(dataDir ?? defaultDataDir());
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'station.db');
}
