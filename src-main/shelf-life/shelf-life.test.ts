import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LotShelfLifeView, ShelfBoard } from '../../src-shared/api/domain-shelf-life';
import { addDays } from '../../src-shared/util/dates';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { callAs, valueOf, type TestRole } from '../test-support/station-calls';

const TODAY = '2026-11-25';
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let station: Station;
const INSPECTOR = 'usr-inspector-1';
const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');

beforeEach(() => {
  dir = tempDir();
  now = Date.parse(`${TODAY}T09:00:00`);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
});
afterEach(() => {
  station.close();
  dir.cleanup();
});

const scan = (data: string) => {
  now += 1000;
  return station.scans.submit({ data, source: 'wedge', device: 'w', actor: INSPECTOR });
};
const call = <T>(name: string, input: unknown, role: TestRole = 'inspector') =>
  callAs<T>(station, role, name, input);
const ok = valueOf;

/** Salted Cashews (300 days) from Crunch Fox, whose delivery is expected today. */
const CASHEWS = caseGtin('692000300001');

describe('shelf life at the dock', () => {
  it('proposes a lot with too little life left for rejection, with the reason', async () => {
    scan(`]C100${demoSscc(102)}`);
    const r = scan(`]C101${CASHEWS}17${yymmdd(addDays(TODAY, 192))}10SHORT1`);
    expect(r.severity).toBe('warning');
    expect(r.message).toContain(
      'Shelf life too short: 192 days left, 200 required (2/3 of 300). Proposed for rejection.',
    );
    expect(r.messageZh).toContain('建议拒收');
    const lotId = r.lotId ?? '';
    const v = await ok(call<LotShelfLifeView>('shelfLife.ofLot', { lotId }));
    expect(v).toMatchObject({
      state: 'evaluated',
      acceptable: false,
      totalDays: 300,
      removalWindowDays: 60,
      minRemainingDays: 200,
      remainingDays: 192,
      dateSource: 'barcode',
      expiryBasis: 'stated',
    });
    const need = await ok(
      call<{ proposal: string; needsSignOff: boolean; why: string }>('inspection.signOffNeeded', {
        lotId,
        decision: 'accept',
      }),
    );
    expect(need.proposal).toBe('reject');
    expect(need.needsSignOff).toBe(true);
    expect(need.why).toContain('Shelf life too short');
    // Accepting outright is refused even with a manager: only a conditional acceptance.
    const plain = await call('inspection.decide', {
      lotId,
      decision: 'accept',
      reason: 'Promotion next week',
      signOff: { badge: 'QCS-MGR-0001', pin: '5678' },
    });
    expect(plain.ok).toBe(false);
    expect(plain.error.message).toContain('only be accepted conditionally');
    const cond = await ok(
      call('inspection.decide', {
        lotId,
        decision: 'accept',
        conditional: true,
        reason: 'Sold this week on promotion',
        signOff: { badge: 'QCS-MGR-0001', pin: '5678' },
      }),
    );
    expect(cond).toMatchObject({ decision: 'accept' });
    expect(station.repos.lots.lastDecision(lotId)).toMatchObject({
      conditional: 1,
      proposal: 'reject',
      override: 1,
    });
  });

  it('lets the inspector reject a short-dated lot without inspecting it', async () => {
    scan(`]C100${demoSscc(102)}`);
    const r = scan(`]C101${CASHEWS}17${yymmdd(addDays(TODAY, 30))}10SHORT2`);
    const lotId = r.lotId ?? '';
    const need = await ok(
      call<{ needsSignOff: boolean }>('inspection.signOffNeeded', { lotId, decision: 'reject' }),
    );
    expect(need.needsSignOff).toBe(false);
    await ok(call('inspection.decide', { lotId, decision: 'reject' }));
    expect(station.repos.lots.byId(lotId)?.status).toBe('rejected');
    const skip = await call('inspection.skip', { lotId });
    expect(skip.ok).toBe(false);
  });

  it('computes the expiry from a production date (AI 11) and the SKU shelf life', async () => {
    scan(`]C100${demoSscc(102)}`);
    const production = addDays(TODAY, -20);
    const r = scan(`]C101${CASHEWS}11${yymmdd(production)}10PROD1`);
    expect(r.severity).toBe('ok');
    const v = await ok(call<LotShelfLifeView>('shelfLife.ofLot', { lotId: r.lotId }));
    expect(v).toMatchObject({
      expiry: addDays(production, 300),
      production,
      expiryBasis: 'production-plus-shelf-life',
      totalDays: 300,
      removalDate: addDays(production, 240),
      alertDate: addDays(production, 226),
      remainingDays: 280,
      acceptable: true,
    });
  });

  it('reads a GS1 day 00 as the last day of the month (leap February)', async () => {
    scan(`]C100${demoSscc(102)}`);
    const r = scan(`]C101${CASHEWS}17280200${'10'}LEAP`);
    const v = await ok(call<LotShelfLifeView>('shelfLife.ofLot', { lotId: r.lotId }));
    expect(v).toMatchObject({ expiry: '2028-02-29', removalDate: '2027-12-31' });
  });

  it('asks for the date when the barcode has none, and takes a month-only date', async () => {
    scan(`]C100${demoSscc(102)}`);
    const r = scan(`]C101${CASHEWS}10NODATE`);
    expect(r.promptDates).toBe(true);
    expect(r.message).toContain('No date in the barcode');
    const lotId = r.lotId ?? '';
    expect((await ok(call<LotShelfLifeView>('shelfLife.ofLot', { lotId }))).state).toBe(
      'dates-missing',
    );
    const bad = await call('shelfLife.enterDates', { lotId, expiry: '31/02/2027' });
    expect(bad.ok).toBe(false);
    const v = await ok(
      call<LotShelfLifeView>('shelfLife.enterDates', { lotId, expiry: '09/2027' }),
    );
    expect(v).toMatchObject({ expiry: '2027-09-30', dateSource: 'manual', state: 'evaluated' });
    // A second scan of the same lot does not ask again.
    expect(scan(`]C101${CASHEWS}10NODATE`).promptDates).toBe(false);
  });

  it('uses the category override from the settings', async () => {
    const settings = await ok(call<{ shelfLife: unknown }>('settings.get', {}));
    await ok(
      call(
        'settings.update',
        {
          shelfLife: {
            ...(settings.shelfLife as object),
            categories: {
              snacks: { acceptance: { minRemainingFraction: { num: 1, den: 2 } } },
            },
          },
        },
        'qc-manager',
      ),
    );
    scan(`]C100${demoSscc(102)}`);
    const r = scan(`]C101${CASHEWS}17${yymmdd(addDays(TODAY, 192))}10HALF`);
    expect(r.severity).toBe('ok');
    const v = await ok(call<LotShelfLifeView>('shelfLife.ofLot', { lotId: r.lotId }));
    expect(v).toMatchObject({ acceptable: true, minRemainingDays: 150 });
    const denied = await call('settings.update', { shelfLife: settings.shelfLife });
    expect(denied.ok).toBe(false);
  });
});

describe('the shelf-life board', () => {
  it('groups lots in stock by removal date, with FEFO hints and category counts', async () => {
    const board = await ok(call<ShelfBoard>('shelfLife.board', {}));
    expect(board.today).toBe(TODAY);
    expect(board.counts).toMatchObject({ overdue: 2, thisWeek: 4, next30Days: 5 });
    expect(board.rows.map((r) => r.removalDate)).toEqual(
      [...board.rows.map((r) => r.removalDate)].sort(),
    );
    const cashews = board.rows.filter((r) => r.skuName === 'Salted Cashews 180 g');
    expect(cashews.map((r) => [r.daysToRemoval, r.issueFirst])).toEqual([
      [2, true],
      [12, false],
    ]);
    expect(board.rows.find((r) => r.daysToRemoval === -3)).toMatchObject({
      group: 'overdue',
      locationNote: 'Chiller 2, bay 4',
      alerting: true,
    });
    const snacks = board.byCategory.find((c) => c.category === 'snacks');
    expect(snacks).toEqual({ category: 'snacks', overdue: 1, thisWeek: 1, next30Days: 2 });
  });

  it('marks lots pulled, sold out or moved, each an event', async () => {
    const board = await ok(call<ShelfBoard>('shelfLife.board', {}));
    const [first, second] = board.rows;
    if (!first || !second) throw new Error('demo stock missing');
    const moved = await call('shelfLife.mark', { lotId: first.lotId, status: 'moved' });
    expect(moved.ok).toBe(false);
    await ok(call('shelfLife.mark', { lotId: first.lotId, status: 'pulled', note: 'Bin 3' }));
    await ok(
      call('shelfLife.mark', {
        lotId: second.lotId,
        status: 'moved',
        locationNote: 'Clearance cage',
      }),
    );
    const again = await call('shelfLife.mark', { lotId: first.lotId, status: 'pulled' });
    expect(again.ok).toBe(false);
    const after = await ok(call<ShelfBoard>('shelfLife.board', {}));
    expect(after.rows.map((r) => r.lotId)).not.toContain(first.lotId);
    expect(after.rows.map((r) => r.lotId)).not.toContain(second.lotId);
    const events = station.repos.events.recent(Number.MAX_SAFE_INTEGER, 50, `lot:${first.lotId}`);
    expect(events.map((e) => e.type)).toContain('lot.stock-changed');
  });

  it("exports today's pull list as CSV and PDF", async () => {
    const csv = await ok(
      call<{ base64: string; lots: number; mimeType: string }>('shelfLife.pullList', {
        format: 'csv',
      }),
    );
    expect(csv.lots).toBe(4);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'removal_date,days_overdue,gtin,sku,sku_zh,category,lot,quantity,expiry,supplier,location,received_on,lot_id',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`${addDays(TODAY, -3)},3,`);
    expect(lines[1]).toContain('Chiller 2, bay 4');
    const pdf = await ok(
      call<{ base64: string; lots: number }>('shelfLife.pullList', { format: 'pdf' }),
    );
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
