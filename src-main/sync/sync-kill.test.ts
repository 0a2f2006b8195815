import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openCentralDb, type CentralDb } from '../../src-central/db';
import { migrateCentral } from '../../src-central/migrate';
import { createEnrollCode } from '../../src-central/store/enrollment';
import { POSTGRES_URL } from '../../src-central/test-support/central-harness';
import { databaseFile } from '../paths';
import { openStationCore } from '../station';
import { openDatabase } from '../store/database';
import { verifyLog } from '../store/log-verify';
import { prng } from '../test-support/fault-proxy';
import { QCS_BIN, runCliAsync } from '../test-support/run-cli';
import { tempDir } from '../test-support/temp-dir';

const CYCLES = 12;
const INITIAL = 6000;
const PER_CYCLE = 6000;
const SEED = Number(process.env.QCS_FAULT_SEED ?? 7);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** Appends `n` scan-like events to the station (closed again: the CLI is the one that syncs). */
function appendEvents(dataDir: string, n: number, random: () => number): void {
  const core = openStationCore(dataDir);
  try {
    for (let left = n; left > 0;) {
      const size = Math.min(left, 1 + Math.floor(random() * 30));
      core.log.appendMany(
        Array.from({ length: size }, (_, i) => ({
          type: 'demo.seeded' as const,
          payload: { version: left - i },
          actor: 'usr-dock',
          subjects: [`lot:lot-${(left - i) % 113}`],
        })),
      );
      left -= size;
    }
  } finally {
    core.close();
  }
}

/**
 * The central service is a real `qcs central serve` process on a real PostgreSQL server (what
 * head office runs; a SIGKILL there aborts the open transaction), and the station is a real
 * `qcs sync once` process on its SQLite file. Either is killed with SIGKILL mid-round, over and
 * over; then rounds run undisturbed, and head office must hold exactly the station's log.
 */
describe('sync survives SIGKILL of the station and of the central service', () => {
  const stationDir = tempDir('qcs-kill-station-');
  const centralDir = tempDir('qcs-kill-central-');
  const dbName = `qcs_kill_${process.pid}_${Date.now()}`;
  const dbUrl = new URL(POSTGRES_URL);
  dbUrl.pathname = `/${dbName}`;
  let db: CentralDb;
  let port = 0;
  let central: ChildProcess | null = null;

  const startCentral = async () => {
    central = spawn(
      process.execPath,
      [QCS_BIN, 'central', 'serve', '--port', String(port), '--data-dir', centralDir.path],
      { env: { ...process.env, DATABASE_URL: dbUrl.toString() }, stdio: 'ignore' },
    );
    for (let i = 0; i < 200; i += 1) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/v1/time`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the central service did not start');
  };
  const headSeq = () => {
    const file = openDatabase(databaseFile(stationDir.path), { readonly: true });
    try {
      return file.prepare<[], { s: number }>('SELECT max(seq) AS s FROM events').get()?.s ?? 0;
    } finally {
      file.close();
    }
  };
  const ackedAtCentral = async () => {
    const rows = await db.query<{ s: unknown }>('SELECT acked_seq AS s FROM stations LIMIT 1');
    return Number(rows[0]?.s ?? 0);
  };
  const killCentral = async () => {
    const child = central;
    central = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    db = await openCentralDb({ databaseUrl: dbUrl.toString() });
    await migrateCentral(db);
    port = await freePort();
    await startCentral();
  });
  afterAll(async () => {
    await killCentral();
    await db.close();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    stationDir.cleanup();
    centralDir.cleanup();
  });

  it(`${CYCLES} kills mid-round, then the next rounds converge with nothing lost or doubled`, async () => {
    const random = prng(SEED);
    appendEvents(stationDir.path, INITIAL, random);
    const code = (await createEnrollCode(db, new Date())).code;
    const enrolled = await runCliAsync([
      'station',
      'enroll',
      '--central',
      `http://127.0.0.1:${port}`,
      '--code',
      code,
      '--data-dir',
      stationDir.path,
    ]);
    expect(enrolled.stderr).toBe('');
    expect(enrolled.status).toBe(0);

    const kills = { station: 0, central: 0 };
    let midRound = 0;
    const acked: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      appendEvents(stationDir.path, PER_CYCLE, random);
      const round = spawn(process.execPath, [
        QCS_BIN,
        'sync',
        'once',
        '--json',
        '--data-dir',
        stationDir.path,
      ]);
      const exited = new Promise((r) => round.once('exit', r));
      // Wait until the upload is under way (head office's mark moves), then kill at a random
      // moment within the next batches: mid-request, mid-commit, or between two batches.
      const before = await ackedAtCentral();
      for (let i = 0; i < 250 && (await ackedAtCentral()) === before; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, Math.floor(random() * 80)));
      const markAtKill = await ackedAtCentral();
      const stillRunning = round.exitCode === null;
      if (cycle % 2 === 0) {
        round.kill('SIGKILL');
        kills.station += 1;
      } else {
        await killCentral();
        kills.central += 1;
        // Head office comes back at once: the station's round retries and carries on.
        await startCentral();
      }
      await exited;
      // Mid-round: the round was still running and head office did not yet hold the whole log.
      if (stillRunning && markAtKill < headSeq()) midRound += 1;
      if (!central) await startCentral();
      const rows = await db.query<{ s: unknown }>('SELECT acked_seq AS s FROM stations LIMIT 1');
      acked.push(Number(rows[0]?.s ?? 0));
    }

    // Undisturbed rounds: the first may still find what a killed round left half done.
    let last = null;
    for (let i = 0; i < 5; i += 1) {
      last = await runCliAsync(['sync', 'once', '--json', '--data-dir', stationDir.path]);
      const r = JSON.parse(last.stdout) as { errors: string[]; ackedSeq: number };
      if (r.errors.length === 0) break;
    }
    expect(last?.status).toBe(0);

    const core = openStationCore(stationDir.path);
    try {
      expect(verifyLog(core.db, core.keys.publicKey, core.stationId).ok).toBe(true);
      const local = core.db
        .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq')
        .all();
      const held = await db.query<{ seq: unknown; hash: string }>(
        'SELECT seq, hash FROM events WHERE station_id = $1 ORDER BY seq',
        [core.stationId],
      );
      expect(held.map((r) => ({ seq: Number(r.seq), hash: r.hash }))).toEqual(local);
      console.log(
        `sync kills: ${local.length} events, ${kills.station} station and ${kills.central} central SIGKILLs (${midRound} mid-round); head office's mark after each: ${acked.join(', ')}`,
      );
    } finally {
      core.close();
    }
    // The kills landed while a round was running (not after it had finished).
    expect(midRound).toBeGreaterThanOrEqual(CYCLES - 2);
  }, 600_000);
});
