import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, logsDir } from './logger';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'qcs-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('rotating station log', () => {
  it('writes JSON lines with level, message, fields and errors with their stack', () => {
    const dir = logsDir(tempDir());
    const log = createLogger({ dir, clock: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    log.info('station started', { mode: 'browser' });
    log.error('call failed', { call: 'intake.scan', err: new Error('disk full') });
    log.close();
    const lines = readFileSync(join(dir, 'station.log'), 'utf8').trim().split('\n');
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      msg: 'station started',
      mode: 'browser',
    });
    expect(second).toMatchObject({
      level: 'error',
      call: 'intake.scan',
      err: { message: 'disk full' },
    });
    expect(String((second?.err as { stack: string }).stack)).toContain('logger.test.ts');
  });

  it('rotates by size, keeps the newest files and never lets one grow past the limit', () => {
    const dir = tempDir();
    const log = createLogger({ dir, maxBytes: 1_000, keep: 2 });
    for (let i = 0; i < 100; i += 1) log.info(`line ${i}`, { pad: 'x'.repeat(40) });
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['station.1.log', 'station.2.log', 'station.log']);
    for (const f of readdirSync(dir))
      expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(1_000);
    const newest = readFileSync(join(dir, 'station.log'), 'utf8');
    expect(newest).toContain('"line 99"');
    // The oldest lines were dropped with the file that fell off the end.
    const all = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    expect(all).not.toContain('"line 0"');
  });

  it('appends to the existing file after a restart', () => {
    const dir = tempDir();
    const first = createLogger({ dir });
    first.info('first run');
    first.close();
    const again = createLogger({ dir });
    again.info('second run');
    again.close();
    expect(readFileSync(join(dir, 'station.log'), 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
