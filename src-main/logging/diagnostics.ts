/**
 * "Collect diagnostics": one zip a support engineer can read without access to the station —
 * the log files, versions (app, Electron/Node/Chromium, SQLite, schema, OS), the settings and
 * the log-verify summary. Built for the API call `system.diagnostics`, the Electron menu and
 * `qcs diagnostics`, from the same function.
 *
 * No personal data goes in: no users (names, badges, PIN hashes), no suppliers, no events'
 * payloads, no host or account names. Settings hold policy only; the one field that identifies
 * hardware (the camera's device id) is reduced to "set"/"default". The log files are written
 * by logger.ts, whose callers log call names and error messages, never people.
 */
import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { arch, cpus, homedir, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { StationSettings } from '../../src-shared/api/domain-settings';
import type { VerifyResult } from '../store/log-verify';
import { SOFTWARE_VERSION } from '../version';
import { logsDir } from './logger';

/** Newest log files first, until this many bytes: a zip that still goes through IPC and e-mail. */
export const DIAGNOSTICS_LOG_BUDGET = 20 * 1_048_576;

export interface DiagnosticsInput {
  dataDir: string;
  stationId: string;
  mode: 'electron' | 'browser' | 'cli';
  schemaVersion: number;
  eventCount: number;
  sqliteVersion: string;
  settings: StationSettings;
  logVerify: VerifyResult;
  now: Date;
  /** process.versions by default (under Electron it names Electron and Chromium too). */
  versions?: NodeJS.ProcessVersions;
}

export interface Diagnostics {
  fileName: string;
  zip: Buffer;
  /** What went in, for the UI to say and the tests to check. */
  entries: string[];
}

/** Replaces the home directory in every string (a path such as /home/li.wei/backups names a person). */
function withoutHome(value: unknown, home: string): unknown {
  if (typeof value === 'string')
    return home.length > 1 && value.startsWith(home) ? `~${value.slice(home.length)}` : value;
  if (Array.isArray(value)) return value.map((v) => withoutHome(v, home));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutHome(v, home)]));
  return value;
}

/**
 * Settings as they are, except: the camera id (a per-machine hardware identifier) reduced to
 * set/default, and the home directory in paths replaced by "~".
 */
export function diagnosticsSettings(settings: StationSettings, home = homedir()): unknown {
  return withoutHome(
    {
      ...settings,
      camera: {
        ...settings.camera,
        deviceId: settings.camera.deviceId === null ? 'default' : 'set',
      },
    },
    home,
  );
}

function logFiles(dataDir: string): { name: string; path: string }[] {
  const dir = logsDir(dataDir);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((name) => ({ name, path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const picked: { name: string; path: string }[] = [];
  let total = 0;
  for (const f of files) {
    const size = statSync(f.path).size;
    if (picked.length > 0 && total + size > DIAGNOSTICS_LOG_BUDGET) break;
    picked.push({ name: f.name, path: f.path });
    total += size;
  }
  return picked;
}

export async function buildDiagnostics(input: DiagnosticsInput): Promise<Diagnostics> {
  const v = input.versions ?? process.versions;
  const zip = new JSZip();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const stamp = input.now.toISOString().replace(/[:.]/g, '-');
  zip.file(
    'versions.json',
    json({
      app: SOFTWARE_VERSION,
      electron: v.electron ?? null,
      chrome: v.chrome ?? null,
      node: v.node,
      v8: v.v8,
      nodeModuleAbi: v.modules,
      sqlite: input.sqliteVersion,
      schemaVersion: input.schemaVersion,
      os: { platform: platform(), release: release(), arch: arch() },
      cpus: cpus().length,
      memoryMiB: Math.round(totalmem() / 1_048_576),
    }),
  );
  zip.file(
    'station.json',
    json({
      stationId: input.stationId,
      mode: input.mode,
      eventCount: input.eventCount,
      collectedAt: input.now.toISOString(),
    }),
  );
  zip.file('settings.json', json(diagnosticsSettings(input.settings)));
  zip.file('log-verify.json', json(input.logVerify));
  for (const f of logFiles(input.dataDir)) zip.file(`logs/${f.name}`, readFileSync(f.path));
  zip.file(
    'README.txt',
    [
      'Intake QC Station diagnostics',
      '',
      'versions.json    app, Electron/Node/Chromium, SQLite, schema and OS versions',
      'station.json     station id, mode, number of events in the log',
      'settings.json    station settings (policy only; the camera id is not included)',
      'log-verify.json  result of checking the tamper-evident event log',
      'logs/            the station log files, newest first until 20 MiB',
      '',
      'No users, badges, PINs, suppliers or event contents are included.',
      '',
    ].join('\n'),
  );
  const entries = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const buffer = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return { fileName: `qcs-diagnostics-${input.stationId}-${stamp}.zip`, zip: buffer, entries };
}
