import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { openStationCore } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { quickCheck } from './database';
import { verifyLog } from './log-verify';
import { publicKeyFromPem } from './station-identity';

const KILLS = 50;
let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

/** Starts the writer, lets it append for a random while, SIGKILLs it; returns the seqs it reported. */
function runAndKill(dataDir: string, runMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      join(appRoot(), 'out/test/append-forever.fixture.mjs'),
      dataDir,
    ]);
    let buffered = '';
    const acknowledged: number[] = [];
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acknowledged.push(...line.split(' ').map(Number));
      // Start the clock at the first acknowledged append, so every run kills mid-stream.
      timer ??= setTimeout(() => child.kill('SIGKILL'), runMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

describe('power-cut safety of the event log', () => {
  it(`loses no acknowledged event across ${KILLS} SIGKILLs mid-append; quick_check and log verify pass after each`, async () => {
    const dataDir = join(dir.path, 'station');
    openStationCore(dataDir).close();
    let total = 0;
    for (let i = 0; i < KILLS; i += 1) {
      const acknowledged = await runAndKill(dataDir, 20 + ((i * 37) % 150));
      const core = openStationCore(dataDir);
      try {
        expect(quickCheck(core.db)).toBeNull();
        const verdict = verifyLog(
          core.db,
          publicKeyFromPem(core.keys.publicKeyPem),
          core.stationId,
        );
        expect(verdict.problem).toBeNull();
        const head = core.log.head().seq;
        const last = acknowledged.at(-1) ?? 0;
        expect(head).toBeGreaterThanOrEqual(last);
        const present = core.db
          .prepare<[number], { n: number }>('SELECT count(*) AS n FROM events WHERE seq <= ?')
          .get(last);
        expect(present?.n).toBe(last);
        total += acknowledged.length;
      } finally {
        core.close();
      }
    }
    console.log(`crash test: ${KILLS} SIGKILLs, ${total} acknowledged events, none lost`);
  }, 300_000);
});
