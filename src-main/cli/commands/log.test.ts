import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed';
import { openStationCore } from '../../station';
import { openDatabase } from '../../store/database';
import { parseCheckpoint } from '../../store/log-checkpoints';
import { runCli } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/temp-dir';

const dir = tempDir();
const dataDir = join(dir.path, 'station');
const heldFile = join(dir.path, 'head-office.json');

/** SQL on the station file as an attacker would run it: append-only triggers dropped first. */
function tamper(sql: string): void {
  const db = openDatabase(join(dataDir, 'station.db'));
  db.exec(`DROP TRIGGER IF EXISTS events_append_only_update;
    DROP TRIGGER IF EXISTS events_append_only_delete;
    DROP TRIGGER IF EXISTS log_checkpoints_append_only_update;
    DROP TRIGGER IF EXISTS log_checkpoints_append_only_delete;`);
  db.exec(sql);
  db.close();
}

const checkpointCount = () => {
  const db = openDatabase(join(dataDir, 'station.db'), { readonly: true });
  const n = db.prepare('SELECT count(*) FROM log_checkpoints').pluck().get();
  db.close();
  return n;
};

beforeAll(() => {
  const core = openStationCore(dataDir);
  seedDemo(core.log, core.repos, '2026-11-25');
  core.close();
});
afterAll(() => dir.cleanup());

describe('qcs log checkpoint and qcs log verify --checkpoint', () => {
  it('prints the latest signed checkpoint as JSON, and writes it with --out', () => {
    const printed = runCli(['log', 'checkpoint', '--data-dir', dataDir]);
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    const checkpoint = parseCheckpoint(printed.stdout);
    expect(checkpoint).toMatchObject({ kind: 'qcs.log-checkpoint', number: 1, headSeq: 205 });

    const written = runCli(['log', 'checkpoint', '--data-dir', dataDir, '--out', heldFile]);
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(
      /^Checkpoint 1 \(events 1–205, head [0-9a-f]{16}…\) written to /,
    );
    expect(parseCheckpoint(readFileSync(heldFile, 'utf8'))).toEqual(checkpoint);
  });

  it('verifies the log against the checkpoint held elsewhere', () => {
    const r = runCli(['log', 'verify', '--data-dir', dataDir, '--checkpoint', heldFile]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Log verified: 205 events.*2 checkpoint\(s\) match the log\./);
  });

  it('refuses an unreadable or malformed checkpoint file as a usage mistake (exit 2, one line)', () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, '{"kind":"qcs.log-checkpoint"}');
    for (const file of [join(dir.path, 'missing.json'), bad]) {
      const r = runCli(['log', 'verify', '--data-dir', dataDir, '--checkpoint', file]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exits 1 on a forged checkpoint file', () => {
    const held = parseCheckpoint(readFileSync(heldFile, 'utf8'));
    const forged = join(dir.path, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...held, headSeq: 150, logSize: 150 }));
    const r = runCli(['log', 'verify', '--data-dir', dataDir, '--checkpoint', forged]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/signature that does not verify/);
  });

  it('exits 1 on a log cut short with its checkpoints, which only the held checkpoint reveals', () => {
    // Event 1 is the last signed one before the demo's single append: the cut leaves a log
    // whose own chain, signatures and (no) checkpoints are all consistent.
    tamper('DELETE FROM events WHERE seq > 1; DELETE FROM log_checkpoints;');
    const alone = runCli(['log', 'verify', '--data-dir', dataDir]);
    expect(alone.status).toBe(0);
    const r = runCli(['log', 'verify', '--data-dir', dataDir, '--checkpoint', heldFile]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Log verification failed at seq 2: .*truncated\)\n$/);
    const json = runCli([
      'log',
      'verify',
      '--json',
      '--data-dir',
      dataDir,
      '--checkpoint',
      heldFile,
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBadSeq: 2, checked: 1 });
    // Reading the log signed nothing new over the cut.
    expect(checkpointCount()).toBe(0);
    const none = runCli(['log', 'checkpoint', '--data-dir', dataDir]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/No checkpoint yet/);
  });
});
