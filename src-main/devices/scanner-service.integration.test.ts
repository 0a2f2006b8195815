import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';
import {
  findSocat,
  PtyPair,
  reportMissingSocat,
  SOCAT_MISSING,
  waitFor,
} from './pty-pair.test-helper';
import { emulateScanner } from './scanner-emulator';

const socat = findSocat();
if (!socat && process.env.CI) throw new Error(SOCAT_MISSING);
if (!socat) reportMissingSocat();

let dir: ReturnType<typeof tempDir>;
let pair: PtyPair;
let station: Station;

beforeAll(async () => {
  if (!socat) return;
  dir = tempDir();
  pair = new PtyPair(dir.path);
  await pair.start();
  station = openStation({ dataDir: `${dir.path}/station`, mode: 'browser', demo: true });
  station.sessions.signIn('screen-1', {
    userId: 'usr-inspector-1',
    name: 'Li Wei',
    role: 'inspector',
  });
  station.settings.update(
    {
      serialScanners: [{ id: 'dock-1', path: pair.scannerPath, baudRate: 9600, terminator: 'CR' }],
    },
    'usr-admin-1',
  );
  await waitFor('the scanner to connect', () =>
    station.devices.status().some((s) => s.state === 'connected'),
  );
});
afterAll(async () => {
  if (!socat) return;
  await station.devices.stop();
  station.close();
  await pair.kill();
  dir.cleanup();
});

describe.skipIf(!socat)('serial scanners feed the one scan pipeline', () => {
  it('records serial scans (GS intact) as events, attributed to the signed-in inspector', async () => {
    const results: { outcome: string; source: string }[] = [];
    station.bus.subscribe((event, payload) => {
      if (event === 'scan.result') results.push(payload as { outcome: string; source: string });
    });
    await emulateScanner({
      path: pair.hostPath,
      scans: [`]C100${demoSscc(101)}`, `]C101${caseGtin('692000100001')}17300517${'10'}L1\x1d21S1`],
      rate: 20,
    });
    await waitFor('two serial scans', () => results.length >= 2);
    expect(results.map((r) => [r.source, r.outcome])).toEqual([
      ['serial', 'opened-delivery'],
      ['serial', 'counted'],
    ]);
    const last = station.db
      .prepare<[], { actor: string; payload: string }>(
        "SELECT actor, payload FROM events WHERE type = 'scan.recorded' ORDER BY seq DESC LIMIT 1",
      )
      .get();
    expect(last?.actor).toBe('usr-inspector-1');
    const payload = JSON.parse(last?.payload ?? '{}') as {
      device: string;
      serial: string;
      data: string;
    };
    expect(payload).toMatchObject({ device: 'dock-1', serial: 'S1' });
    expect(payload.data).toContain('\x1d21S1');
  });

  it('reports the scanner gone and back when its cable is pulled and plugged in again', async () => {
    const states: string[] = [];
    station.bus.subscribe((event, payload) => {
      if (event === 'device.status') states.push((payload as { state: string }).state);
    });
    await pair.kill();
    await waitFor('disconnected', () => states.includes('disconnected'));
    await pair.start();
    await waitFor('connected again', () => states.at(-1) === 'connected', 5_000);
  });

  it('stops the scanners when the settings no longer list them', async () => {
    station.settings.update({ serialScanners: [] }, 'usr-admin-1');
    await waitFor('no scanners', () => station.devices.status().length === 0);
  });
});
