/**
 * SerialScanners over real serial I/O: a socat pty pair, `serialport` on one end and the scanner
 * emulator on the other. Unplugs are played by killing socat, which destroys both ptys.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../test-support/run-cli';
import { tempDir } from '../test-support/temp-dir';
import { openSerialSink, writeScans, type SerialSink } from './scanner-emulator';
import {
  findSocat,
  PtyPair,
  reportMissingSocat,
  SOCAT_MISSING,
  waitFor,
} from './pty-pair.test-helper';
import { SerialScanners, type ScannerStatus, type ScannerWarning } from './serial-scanners';

const RECONNECT_LIMIT_MS = 5000;
const socat = findSocat();

/** Distinct scans, so that a lost or doubled one shows: GS1-128 and DataMatrix with FNC1 as GS,
 * EAN-13 with its AIM id, an ISO/IEC 15434 envelope with RS and EOT. */
function batch(name: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const k = `${name}${String(i).padStart(3, '0')}`;
    switch (i % 4) {
      case 0:
        return `]C1010950600013435210${k}\x1d17261231`;
      case 1:
        return `]d2010950600013435217261231\x1d10${k}\x1d21SN${i}`;
      case 2:
        return `]E0400638133393${i % 10}`;
      default:
        return `[)>\x1e06\x1dP${k}\x1dQ${i}\x1e\x04`;
    }
  });
}

describe('serial scanners over a socat pty pair', () => {
  if (!socat) {
    if (process.env.CI) {
      it('needs socat', () => {
        throw new Error(`${SOCAT_MISSING} CI must have it.`);
      });
    } else {
      reportMissingSocat();
      // Only off CI, on a developer machine without socat: reported above and shown as skipped,
      // never silently passed; under CI the branch above fails instead.
      it.skip(`needs socat: ${SOCAT_MISSING}`, () => undefined);
    }
    return;
  }

  let dir: ReturnType<typeof tempDir>;
  let pair: PtyPair;
  let manager: SerialScanners;
  let host: SerialSink | null = null;
  const frames: string[] = [];
  const sent: string[] = [];
  const statuses: Array<ScannerStatus & { at: number }> = [];
  const warnings: ScannerWarning[] = [];
  const reconnectTimes: string[] = [];

  async function send(scans: string[]): Promise<void> {
    host ??= await openSerialSink(pair.hostPath);
    await writeScans(host, scans, { rate: 200, terminator: 'CR' });
    sent.push(...scans);
  }

  async function closeHost(): Promise<void> {
    await host?.close();
    host = null;
  }

  const framesArrived = (what: string) =>
    waitFor(`${what}: ${sent.length} scans (got ${frames.length})`, () => {
      return frames.length >= sent.length;
    });

  /** Destroys the pair, re-creates it, and checks the manager went down and came back. */
  async function unplugAndReplug(signal: NodeJS.Signals, waitForDisconnect: boolean) {
    await closeHost();
    const mark = statuses.length;
    const killedAt = Date.now();
    await pair.kill(signal);
    const downSince = () => statuses.slice(mark).findIndex((s) => s.state === 'disconnected');
    if (waitForDisconnect) await waitFor('disconnected', () => downSince() >= 0);
    const recreatedAt = await pair.start();
    await waitFor(
      `connected again after ${signal} (statuses: ${JSON.stringify(statuses.slice(mark))})`,
      () => {
        const down = downSince();
        return down >= 0 && statuses.slice(mark + down).some((s) => s.state === 'connected');
      },
      RECONNECT_LIMIT_MS + 5000,
    );
    const after = statuses.slice(mark);
    const down = after.findIndex((s) => s.state === 'disconnected');
    const up = after.findIndex((s, i) => i > down && s.state === 'connected');
    expect(down).toBeGreaterThanOrEqual(0);
    expect(up).toBeGreaterThan(down);
    const took = Math.max(0, after[up]!.at - recreatedAt);
    reconnectTimes.push(
      `${signal}: disconnected ${after[down]!.at - killedAt} ms after the kill, connected ${took} ms after re-creation`,
    );
    expect(took).toBeLessThan(RECONNECT_LIMIT_MS);
  }

  beforeAll(async () => {
    dir = tempDir('qcs-serial-');
    pair = new PtyPair(dir.path);
    await pair.start();
    manager = new SerialScanners({
      scanners: [{ id: 'dock-1', path: pair.scannerPath, terminator: 'CR' }],
      // A throw in here would only reach the manager's error log: record, assert later.
      onFrame: (f) => frames.push(f.device === 'dock-1' ? f.data : `from ${f.device}: ${f.data}`),
      onStatus: (s) => statuses.push({ ...s, at: Date.now() }),
      onWarning: (w) => warnings.push(w),
    });
    await manager.start();
  });

  afterAll(async () => {
    await manager?.stop();
    await closeHost().catch(() => undefined);
    await pair?.kill('SIGKILL');
    dir?.cleanup();
    if (reconnectTimes.length > 0) {
      console.log(`serial reconnects: ${reconnectTimes.join('; ')}`);
    }
  });

  it('connects and delivers scans intact: GS, RS, EOT and AIM ids included', async () => {
    expect(manager.status()[0]).toMatchObject({ state: 'connected' });
    await send(batch('A', 40));
    await framesArrived('first batch');
    expect(frames).toEqual(sent);
    expect(frames[0]).toContain('\x1d');
    expect(frames[0]?.startsWith(']C1')).toBe(true);
    expect(frames[3]?.startsWith('[)>\x1e06\x1d')).toBe(true);
    expect(frames[3]?.endsWith('\x1e\x04')).toBe(true);
  });

  it('warns about garbage on the line and still takes the next good scan', async () => {
    host ??= await openSerialSink(pair.hostPath);
    await host.write(Buffer.concat([Buffer.alloc(3000, '7'), Buffer.from('\r')]));
    await waitFor('frame-too-long warning', () => warnings.length >= 1);
    await host.write(Uint8Array.from([0x41, 0x00, 0xff, 0x42, 0x0d]));
    await waitFor('invalid-bytes warning', () => warnings.length >= 2);
    await host.write(Buffer.from('PARTIAL-NEVER-ENDED'));
    await waitFor('partial-frame-timeout warning', () => warnings.length >= 3);
    expect(warnings.map((w) => [w.code, w.bytes])).toEqual([
      ['frame-too-long', 3000],
      ['invalid-bytes', 4],
      ['partial-frame-timeout', 19],
    ]);
    expect(warnings[0]?.message).toBe(
      "Scanner 'dock-1' sent a 3,000-byte frame; discarded (limit 2,000)",
    );
    await send(batch('G', 4));
    await framesArrived('scans after garbage');
    expect(frames).toEqual(sent);
  });

  it(`reconnects within ${RECONNECT_LIMIT_MS / 1000} s when the pty pair is destroyed and re-created`, async () => {
    await unplugAndReplug('SIGTERM', true);
    // The scans of this batch go through the real `qcs scanner emulate` (the bundled CLI).
    const scans = batch('B', 12);
    const file = join(dir.path, 'scans.txt');
    writeFileSync(
      file,
      `# written by the serial integration test\n\n${scans.map((s) => s.replaceAll('\x1d', '<GS>')).join('\n')}\n`,
    );
    const r = await runCliAsync([
      'scanner',
      'emulate',
      '--port',
      pair.hostPath,
      '--file',
      file,
      '--rate',
      '100',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 12 scans to /);
    sent.push(...scans);
    await framesArrived('scans from qcs scanner emulate');
    expect(frames).toEqual(sent);
  });

  it('reconnects after a SIGKILL and an immediate re-creation (faster than a poll)', async () => {
    await unplugAndReplug('SIGKILL', false);
    await send(batch('C', 40));
    await framesArrived('batch after SIGKILL');
    expect(frames).toEqual(sent);
  });

  it('delivered every scan sent while connected exactly once, and no stray warnings', () => {
    expect(frames).toHaveLength(sent.length);
    expect(frames).toEqual(sent);
    expect(warnings).toHaveLength(3);
    expect(statuses.filter((s) => s.state === 'error')).toEqual([]);
    expect(manager.status()[0]).toMatchObject({ state: 'connected' });
  });
});
