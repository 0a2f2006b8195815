import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/api/domain-settings';
import { demoSuppliers, demoUsers } from '../demo/demo-data';
import { openStation, type Station } from '../station';
import { latestSchemaVersion } from '../store/migrate';
import { SOFTWARE_VERSION } from '../version';
import { callAs } from '../test-support/station-calls';
import { tempDir } from '../test-support/temp-dir';
import { diagnosticsSettings } from './diagnostics';
import { createLogger, logsDir } from './logger';

let dir: ReturnType<typeof tempDir>;
let station: Station;

beforeEach(() => {
  dir = tempDir();
  station = openStation({ dataDir: dir.path, mode: 'browser', demo: true, validateOutput: true });
});
afterEach(() => {
  station?.close();
  dir.cleanup();
});

interface DiagnosticsReply {
  fileName: string;
  bytes: number;
  zipBase64: string;
  entries: string[];
}

async function collect(): Promise<{ reply: DiagnosticsReply; files: Map<string, string> }> {
  const r = await callAs<DiagnosticsReply>(station, 'qc-manager', 'system.diagnostics', {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const zip = await JSZip.loadAsync(Buffer.from(r.value.zipBase64, 'base64'));
  const files = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) files.set(name, await entry.async('string'));
  }
  return { reply: r.value, files };
}

describe('collect diagnostics', () => {
  it('zips logs, versions, settings and the log-verify summary', async () => {
    const log = createLogger({ dir: logsDir(dir.path), maxBytes: 400, keep: 3 });
    for (let i = 0; i < 20; i += 1) log.info(`station started ${i}`, { mode: 'browser' });
    log.close();
    await callAs(station, 'inspector', 'settings.update', {
      camera: { ...defaultSettings.camera, deviceId: 'usb-0c45:6366-serial-ABC123' },
    });

    const { reply, files } = await collect();
    expect(reply.fileName).toMatch(/^qcs-diagnostics-ST-[0-9A-Z]+-.*\.zip$/);
    expect(reply.bytes).toBe(Buffer.from(reply.zipBase64, 'base64').length);
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'log-verify.json',
        'logs/station.1.log',
        'logs/station.2.log',
        'logs/station.3.log',
        'logs/station.log',
        'settings.json',
        'station.json',
        'versions.json',
      ].sort(),
    );
    expect(reply.entries.sort()).toEqual([...files.keys()].sort());
    expect(files.get('logs/station.log')).toContain('station started 19');

    const versions = JSON.parse(files.get('versions.json') ?? '') as Record<string, unknown>;
    expect(versions).toMatchObject({
      app: SOFTWARE_VERSION,
      node: process.versions.node,
      electron: null,
      schemaVersion: latestSchemaVersion(),
      os: { platform: process.platform, arch: process.arch },
    });
    expect(String(versions.sqlite)).toMatch(/^3\.\d+/);
    expect(Object.keys(versions)).not.toContain('hostname');
    expect(JSON.parse(files.get('log-verify.json') ?? '')).toMatchObject({
      ok: true,
      checked: station.repos.events.count(),
    });
    const settings = JSON.parse(files.get('settings.json') ?? '') as typeof defaultSettings;
    expect(settings.language).toBe('en');
    expect(settings.camera.deviceId).toBe('set');
  });

  it('holds no personal data: no user names, badges or PIN hashes, no suppliers', async () => {
    // Signing in and failing a sign-in both happen before collecting: nothing of it may leak.
    await station.registry.dispatch(
      'auth.signIn',
      { badge: 'QCS-INSP-0001', pin: '0000' },
      { clientId: 'screen-x', transport: 'test' },
    );
    const { files } = await collect();
    const everything = [...files.values()].join('\n');
    const forbidden = [
      ...demoUsers.flatMap((u) => [
        u.name,
        // The Latin and the Chinese spelling on their own ("Li Wei", "李伟").
        u.name.split(' ').slice(0, -1).join(' '),
        u.name.split(' ').at(-1) ?? u.name,
        u.badge,
        u.pinHash,
        u.id,
      ]),
      ...demoSuppliers.flatMap((s) => [s.name, s.code, s.contact, s.id]),
    ].filter((s) => s.length >= 3);
    expect(forbidden.length).toBeGreaterThan(20);
    for (const text of forbidden) expect(everything, text).not.toContain(text);
  });

  it('is for QC managers and admins only', async () => {
    expect(await callAs(station, 'inspector', 'system.diagnostics', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await callAs(station, 'admin', 'system.diagnostics', {})).toMatchObject({ ok: true });
  });

  it('replaces the home directory in settings paths', () => {
    const out = diagnosticsSettings(
      { ...defaultSettings, wedgePrefix: '/home/li.wei/x' },
      '/home/li.wei',
    ) as { wedgePrefix: string };
    expect(out.wedgePrefix).toBe('~/x');
  });
});
