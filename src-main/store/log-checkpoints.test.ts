import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projections, openStationCore, type StationCore } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { EventValidationError, type NewEvent } from './event-log';
import {
  checkpointSignatureHolds,
  parseCheckpoint,
  storedCheckpoints,
  type LogCheckpoint,
} from './log-checkpoints';
import { verifyLog, type VerifyResult } from './log-verify';
import { createProjector, rebuildProjections } from './projections';
import { publicKeyFromPem } from './station-identity';

let dir: ReturnType<typeof tempDir>;
let core: StationCore;
let now = Date.UTC(2026, 10, 25, 9);

const open = (checkpointEvery = 10) =>
  openStationCore(dir.path, { clock: () => (now += 1000), checkpointEvery });

const supplier = (id: string, contact = ''): NewEvent<'supplier.upserted'> => ({
  type: 'supplier.upserted',
  payload: {
    supplierId: id,
    code: id.toUpperCase(),
    name: `Supplier ${id}`,
    standing: 'approved',
    contact,
    cumulativeSalesCny: 0,
    documents: [],
    audits: [],
  },
  actor: 'usr-1',
  subjects: [`supplier:${id}`],
});

const verify = (options: { checkpoint?: LogCheckpoint } = {}) =>
  verifyLog(core.db, publicKeyFromPem(core.keys.publicKeyPem), core.stationId, options);
const failsAt = (result: VerifyResult, seq: number, problem: RegExp) => {
  expect(result).toMatchObject({ ok: false, firstBadSeq: seq });
  expect(result.problem).toMatch(problem);
};
const heads = () => storedCheckpoints(core.db).map((c) => [c.number, c.headSeq]);
/** What an attacker with the file does first. */
const dropTriggers = () =>
  core.db.exec(`DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;
    DROP TRIGGER log_checkpoints_append_only_update; DROP TRIGGER log_checkpoints_append_only_delete;`);

beforeEach(() => {
  dir = tempDir();
  core = open();
});
afterEach(() => {
  try {
    core.close();
  } catch {
    // already closed by the test
  }
  dir.cleanup();
});

describe('signed log checkpoints', () => {
  it('writes one every N events and one on close, numbered without gaps and signed', () => {
    for (let i = 0; i < 24; i += 1) core.log.append(supplier(`s${i}`));
    expect(heads()).toEqual([
      [1, 10],
      [2, 20],
    ]);
    core.close();
    core = open();
    expect(heads()).toEqual([
      [1, 10],
      [2, 20],
      [3, 25],
    ]);
    const key = publicKeyFromPem(core.keys.publicKeyPem);
    for (const c of storedCheckpoints(core.db)) {
      expect(c).toMatchObject({ stationId: core.stationId, logSize: c.headSeq });
      expect(checkpointSignatureHolds(key, c)).toBe(true);
    }
    expect(verify()).toMatchObject({ ok: true, checked: 25, checkpoints: 3 });
  });

  it('covers a batch that crosses the boundary with one checkpoint at its end', () => {
    core.log.appendMany(Array.from({ length: 23 }, (_, i) => supplier(`s${i}`)));
    expect(heads()).toEqual([[1, 24]]);
  });

  it('signs nothing when the station only read the log', () => {
    core.close();
    core = open();
    const before = heads();
    expect(before).toEqual([[1, 1]]);
    core.close();
    core = open();
    expect(heads()).toEqual(before);
  });

  it('keeps the checkpoints through a rebuild of the projections (they are not one)', () => {
    for (let i = 0; i < 12; i += 1) core.log.append(supplier(`s${i}`));
    const before = storedCheckpoints(core.db);
    rebuildProjections(core.db, createProjector(core.repos, projections));
    expect(storedCheckpoints(core.db)).toEqual(before);
    expect(verify().ok).toBe(true);
  });

  it('does not fail a committed append when its checkpoint cannot be written, and catches up', () => {
    core.db.exec(`CREATE TRIGGER no_checkpoints BEFORE INSERT ON log_checkpoints
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    for (let i = 0; i < 12; i += 1) core.log.append(supplier(`s${i}`));
    expect(core.repos.events.count()).toBe(13);
    expect(heads()).toEqual([]);
    core.db.exec('DROP TRIGGER no_checkpoints');
    core.log.append(supplier('late'));
    expect(heads()).toEqual([[1, 14]]);
  });

  it('reads a checkpoint back from the JSON head office holds, and refuses a malformed one', () => {
    core.close();
    core = open();
    const [c] = storedCheckpoints(core.db);
    expect(parseCheckpoint(JSON.stringify(c, null, 2))).toEqual(c);
    expect(() => parseCheckpoint('{')).toThrow(/not JSON/);
    expect(() => parseCheckpoint(JSON.stringify({ ...c, headSeq: 'x' }))).toThrow(/headSeq/);
    expect(() => parseCheckpoint(JSON.stringify({ ...c, extra: 1 }))).toThrow(/malformed/);
  });
});

describe('log verify with checkpoints', () => {
  /** 30 events in appends of three, closed: checkpoints at 10, 22 (every 10) and 31 (close). */
  const build = (): LogCheckpoint => {
    for (let i = 0; i < 10; i += 1)
      core.log.appendMany([supplier(`a${i}`), supplier(`b${i}`), supplier(`c${i}`)]);
    core.close();
    core = open();
    const last = storedCheckpoints(core.db).at(-1);
    if (!last) throw new Error('no checkpoint');
    return last;
  };

  it('names a truncation the station’s own checkpoints still cover', () => {
    build();
    dropTriggers();
    core.db.prepare('DELETE FROM events WHERE seq > 25').run();
    failsAt(verify(), 26, /ends at event 25 but checkpoint 3 covers up to event 31.*truncated/);
  });

  it('needs the checkpoint held elsewhere when the tail went with its checkpoints', () => {
    const held = build();
    dropTriggers();
    core.db.prepare('DELETE FROM events WHERE seq > 22').run();
    core.db.prepare('DELETE FROM log_checkpoints WHERE head_seq > 22').run();
    expect(verify()).toMatchObject({ ok: true, checked: 22 });
    failsAt(verify({ checkpoint: held }), 23, /held elsewhere.*up to event 31.*truncated/);
  });

  it('names a dropped checkpoint: a hole, or the newest one that head office holds', () => {
    const held = build();
    dropTriggers();
    core.db.prepare('DELETE FROM log_checkpoints WHERE number = 3').run();
    expect(verify().ok).toBe(true);
    expect(verify({ checkpoint: held }).problem).toMatch(/not number 3.*dropped/);
    core.db.prepare('DELETE FROM log_checkpoints WHERE number = 1').run();
    expect(verify().problem).toMatch(/checkpoint 1 is missing/);
  });

  it('refuses a checkpoint that is forged, altered or from another station', () => {
    const held = build();
    expect(verify({ checkpoint: { ...held, headSeq: 30, logSize: 30 } }).problem).toMatch(
      /signature that does not verify/,
    );
    expect(verify({ checkpoint: { ...held, stationId: 'ST-OTHER' } }).problem).toMatch(
      /belongs to station ST-OTHER/,
    );
    dropTriggers();
    core.db
      .prepare('UPDATE log_checkpoints SET created_at = created_at + 1 WHERE number = 2')
      .run();
    expect(verify()).toMatchObject({
      ok: false,
      firstBadSeq: 22,
      problem: 'checkpoint 2 has a signature that does not verify with the station key',
    });
  });

  it('names a log cut back and written on again, against the checkpoint held elsewhere', () => {
    const held = build();
    dropTriggers();
    core.db.prepare('DELETE FROM events WHERE seq > 28').run();
    core.db.prepare('DELETE FROM log_checkpoints WHERE head_seq > 28').run();
    core.close();
    // The station goes on from the cut with its own key: its log is consistent again.
    core = open();
    core.log.appendMany([supplier('x'), supplier('y'), supplier('z')]);
    core.close();
    core = open();
    expect(verify()).toMatchObject({ ok: true, checked: 31 });
    failsAt(
      verify({ checkpoint: held }),
      31,
      /event 31 is not the one the checkpoint held elsewhere.*rewritten/,
    );
  });
});

describe('corrections', () => {
  it('are new events naming what they correct; verify accepts them', () => {
    const original = core.log.append(supplier('s', 'typo'));
    const fix = core.log.append({
      ...supplier('s', 'fixed'),
      reason: 'contact mistyped',
      corrects: original.id,
    });
    expect(fix.subjects).toEqual(['supplier:s', `corrects:${original.id}`]);
    expect(core.repos.suppliers.byId('s')?.contact).toBe('fixed');
    expect(
      core.db.prepare('SELECT payload FROM events WHERE seq = ?').pluck().get(original.seq),
    ).toContain('typo');
    expect(verify().ok).toBe(true);
  });

  it('must name an event that is in the log', () => {
    expect(() => core.log.append({ ...supplier('s'), corrects: 'no-such-event' })).toThrow(
      EventValidationError,
    );
  });

  it('are refused by verify when they name an event that is not before them', () => {
    const e = core.log.append({ ...supplier('s'), subjects: ['corrects:0000-not-there'] });
    failsAt(verify(), e.seq, /corrects event 0000-not-there, which is not before it/);
  });
});
