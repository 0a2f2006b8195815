import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ReviewDashboard, ReviewQueue } from '../../src-shared/api/domain-review';
import type { ComplaintView } from '../../src-shared/api/domain-complaints';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { passingResults } from '../test-support/inspection-results';
import { demoStationEachTest } from '../test-support/demo-station';
import { callAs, valueOf, type TestRole } from '../test-support/station-calls';

const TODAY = '2026-11-25'; // a Wednesday of ISO week 2026-W48 (Monday 2026-11-23)
const DAY = 86_400_000;
const INSPECTOR = 'usr-inspector-1';
const MANAGER_SIGN_OFF = { badge: 'QCS-MGR-0001', pin: '5678' };
const CASHEWS = '692000300001'; // 300 days of shelf life: removed from sale 60 days before expiry
const CRISPS = '692000300003';
/** The demo's held lot: Clear Spring orange juice, held on 2026-11-22 (three days before TODAY). */
const DEMO_HOLD = 'hold:lot-2026-11-22-1-1';

const demo = demoStationEachTest(TODAY);

const call = <T>(name: string, input: unknown, role: TestRole = 'inspector') =>
  callAs<T>(demo.station, role, name, input);
const manager = <T>(name: string, input: unknown) => valueOf(call<T>(name, input, 'qc-manager'));
const queue = (filters: object = {}) => manager<ReviewQueue>('review.queue', filters);
const keys = async (filters: object = {}) => (await queue(filters)).items.map((i) => i.key);
const dashboard = (input: object = {}) => manager<ReviewDashboard>('review.dashboard', input);

/** Receives one carton per serial of a Crunch Fox SKU (delivery of SSCC 102) as one lot. */
function receive(ean12: string, lot: string, expiry: string, cartons = 1): string {
  const scan = (data: string) => {
    demo.now += 1000;
    return demo.station.scans.submit({ data, source: 'wedge', device: 'w', actor: INSPECTOR });
  };
  scan(`]C100${demoSscc(102)}`);
  for (let i = 0; i < cartons; i += 1)
    scan(`]C101${caseGtin(ean12)}17${expiry}10${lot}\x1d21${lot}-${i}`);
  const found = demo.station.intake.active()?.lots.find((l) => l.lot === lot);
  if (!found) throw new Error(`lot ${lot} not received`);
  return found.lotId;
}

const decide = (input: object) => valueOf(call('inspection.decide', input));

/**
 * Puts one of each kind on the queue, all Crunch Fox snacks received TODAY:
 * RV1 held by a manager; RV2 inspected (one unit failing the inner seal, bag inflation and
 * breakage: one critical, one major, one minor defect), proposed for rejection and accepted on
 * a manager's override; RV3 accepted conditionally, with an open complaint on it; RV4 with 74
 * days left of 300, below the acceptance rule (proposed for rejection, undecided).
 */
async function fillQueue() {
  const hold = receive(CASHEWS, 'RV1', '270901');
  await decide({
    lotId: hold,
    decision: 'hold',
    reason: 'Lab test of the salt content',
    signOff: MANAGER_SIGN_OFF,
  });

  const override = receive(CRISPS, 'RV2', '270901', 2);
  const started = demo.station.inspection.start(override, INSPECTOR);
  const template = demo.station.inspection.templateOf(started);
  const jpeg = await sharp({
    create: { width: 32, height: 24, channels: 3, background: '#c0392b' },
  })
    .jpeg()
    .toBuffer();
  const photo = (await demo.station.photos.put(jpeg)).sha256;
  demo.station.inspection.recordUnit(
    started.inspection_id,
    {
      results: passingResults(template, ['inner-seal', 'bag-inflation', 'breakage']),
      photos: [photo],
    },
    INSPECTOR,
  );
  demo.station.inspection.complete(started.inspection_id, INSPECTOR);
  await decide({
    lotId: override,
    decision: 'accept',
    reason: 'Seal re-checked on 20 more bags',
    signOff: MANAGER_SIGN_OFF,
  });

  const conditional = receive(CASHEWS, 'RV3', '270901');
  await decide({
    lotId: conditional,
    decision: 'accept',
    conditional: true,
    reason: 'Sell within the promotion only',
    signOff: MANAGER_SIGN_OFF,
  });
  const complaint = await valueOf(
    call<ComplaintView>('complaints.record', {
      source: 'customer-service',
      description: 'Bag split open',
      lotId: conditional,
    }),
  );

  const short = receive(CASHEWS, 'RV4', '270207');
  return { hold, override, conditional, complaint: complaint.complaintId, short };
}

describe('review queue', () => {
  it('lists holds, overrides, conditional acceptances, open complaints and short shelf-life lots, oldest first', async () => {
    expect(await keys()).toEqual([DEMO_HOLD]);
    const ids = await fillQueue();
    const q = await queue();
    expect(q.items.map((i) => i.key)).toEqual([
      DEMO_HOLD,
      `complaint:${ids.complaint}`,
      `conditional:${ids.conditional}`,
      `hold:${ids.hold}`,
      `override:${ids.override}`,
      `shelf-life-proposal:${ids.short}`,
    ]);
    const byKind = new Map(q.items.map((i) => [i.kind, i]));
    expect(q.items[0]).toMatchObject({ ageDays: 3, when: '2026-11-22', category: 'beverages' });
    expect(byKind.get('override')).toMatchObject({
      lot: 'RV2',
      supplierId: 'sup-crunchfox',
      category: 'snacks',
      when: TODAY,
      ageDays: 0,
      summary: 'Seal re-checked on 20 more bags',
      by: 'usr-manager-1',
    });
    expect(byKind.get('complaint')).toMatchObject({
      lotId: ids.conditional,
      summary: 'Bag split open',
      by: INSPECTOR,
    });
    expect(byKind.get('shelf-life-proposal')?.summaryZh).toBeTruthy();
    expect(q.categories).toContain('snacks');
    expect(q.suppliers.map((s) => s.supplierId)).toContain('sup-crunchfox');
  });

  it('drops an item once it is decided or closed, and an override after its review window', async () => {
    const ids = await fillQueue();
    await decide({
      lotId: ids.hold,
      decision: 'reject',
      reason: 'Salt content above the label',
      signOff: MANAGER_SIGN_OFF,
    });
    await decide({ lotId: ids.short, decision: 'reject' });
    await valueOf(call('shelfLife.mark', { lotId: ids.conditional, status: 'pulled' }));
    await manager('complaints.decide', {
      complaintId: ids.complaint,
      decision: 'dismiss',
      reason: 'Damaged in transit',
    });
    expect(await keys()).toEqual([DEMO_HOLD, `override:${ids.override}`]);
    demo.now += 30 * DAY;
    expect(await keys({ kind: 'override' })).toEqual([`override:${ids.override}`]);
    expect((await queue({ kind: 'override' })).items[0]?.ageDays).toBe(30);
    demo.now += DAY;
    expect(await keys({ kind: 'override' })).toEqual([]);
  });

  it('filters by kind, supplier, category and dates', async () => {
    const ids = await fillQueue();
    expect(await keys({ kind: 'complaint' })).toEqual([`complaint:${ids.complaint}`]);
    expect(await keys({ supplierId: 'sup-clearspring' })).toEqual([DEMO_HOLD]);
    expect(await keys({ category: 'beverages' })).toEqual([DEMO_HOLD]);
    expect(await keys({ supplierId: 'sup-crunchfox', kind: 'hold' })).toEqual([`hold:${ids.hold}`]);
    expect(await keys({ since: '2026-11-23' })).toHaveLength(5);
    expect(await keys({ until: '2026-11-22' })).toEqual([DEMO_HOLD]);
    const backwards = await call(
      'review.queue',
      { since: TODAY, until: '2026-11-01' },
      'qc-manager',
    );
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('is for QC managers: an inspector is refused', async () => {
    for (const name of ['review.queue', 'review.dashboard']) {
      expect(await call(name, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('review dashboard', () => {
  it('counts acceptance per supplier and week by the latest decision, as the scorecard does', async () => {
    const crunchFoxW48 = async () =>
      (await dashboard({ weeks: 2 })).acceptanceBySupplier
        .find((s) => s.supplierId === 'sup-crunchfox')
        ?.points.find((p) => p.week === '2026-W48');
    // The demo history decided two Crunch Fox lots this week: one accepted, one rejected.
    expect(await crunchFoxW48()).toEqual({
      week: '2026-W48',
      lots: 2,
      accepted: 1,
      conditional: 0,
      rejected: 1,
      held: 0,
      rate: 50,
    });
    const ids = await fillQueue();
    // + RV1 held (left out of the rate), RV2 accepted on override (outright), RV3 conditional
    // (not accepted); RV4 undecided: 2 accepted of 4 decided.
    expect(await crunchFoxW48()).toEqual({
      week: '2026-W48',
      lots: 5,
      accepted: 2,
      conditional: 1,
      rejected: 1,
      held: 1,
      rate: 50,
    });
    await decide({
      lotId: ids.hold,
      decision: 'reject',
      reason: 'Salt content above the label',
      signOff: MANAGER_SIGN_OFF,
    });
    // The held lot now counts once, as rejected: 2 accepted of 5 decided.
    expect(await crunchFoxW48()).toEqual({
      week: '2026-W48',
      lots: 5,
      accepted: 2,
      conditional: 1,
      rejected: 2,
      held: 0,
      rate: 40,
    });

    const d = await dashboard({ weeks: 2, supplierId: 'sup-crunchfox' });
    expect(d.weeks).toEqual(['2026-W47', '2026-W48']);
    expect([d.from, d.to]).toEqual(['2026-11-16', '2026-11-29']);
    expect(d.acceptanceBySupplier.map((s) => s.supplierId)).toEqual(['sup-crunchfox']);
  });

  it('ranks defects by category and by failed check with their cumulative share', async () => {
    await fillQueue();
    const d = await dashboard({ weeks: 2 });
    // Demo history: beverages 5, snacks 3, cosmetics 1, infant formula 1; RV2 adds one
    // critical, one major and one minor defect to snacks → 6 + 5 + 1 + 1 = 13.
    expect(d.defectPareto.byCategory.map((b) => [b.key, b.count, b.cumulativePct])).toEqual([
      ['snacks', 6, 46.2],
      ['beverages', 5, 84.6],
      ['cosmetics', 1, 92.3],
      ['infant-formula', 1, 100],
    ]);
    // Only RV2 has unit results: three failed checks, one each (ties by check id).
    expect(d.defectPareto.byCheck.map((b) => [b.key, b.count, b.cumulativePct])).toEqual([
      ['bag-inflation', 1, 33.3],
      ['breakage', 1, 66.7],
      ['inner-seal', 1, 100],
    ]);
    expect(d.defectPareto.byCheck[2]).toMatchObject({
      label: 'Inner bag seal intact',
      labelZh: '内袋封口完好',
    });
    const beverages = await dashboard({ weeks: 2, category: 'beverages' });
    expect(beverages.defectPareto.byCategory).toEqual([
      { key: 'beverages', label: 'beverages', labelZh: null, count: 5, cumulativePct: 100 },
    ]);
    expect(beverages.defectPareto.byCheck).toEqual([]);
  });

  it('forecasts pulls by the week of the removal date, from the shelf-life board', async () => {
    const forecast = async () =>
      (await dashboard({ supplierId: 'sup-crunchfox', forecastWeeks: 4 })).pullForecast;
    const before = await forecast();
    const { short } = await fillQueue();
    // Expiry 2027-02-07 less the 60-day removal window: off sale on 2026-12-09, in 2026-W50.
    expect(demo.station.repos.shelfLife.byId(short)?.removal_date).toBe('2026-12-09');
    const after = await forecast();
    expect(after.weeks.map((w) => [w.week, w.from, w.to])).toEqual([
      ['2026-W48', TODAY, '2026-11-29'],
      ['2026-W49', '2026-11-30', '2026-12-06'],
      ['2026-W50', '2026-12-07', '2026-12-13'],
      ['2026-W51', '2026-12-14', '2026-12-20'],
    ]);
    // One carton of 20 cashew bags more in W50; nothing else moved.
    expect(after.weeks.map((w) => w.lots)).toEqual(
      before.weeks.map((w, i) => w.lots + (i === 2 ? 1 : 0)),
    );
    expect(after.weeks.map((w) => w.units)).toEqual(
      before.weeks.map((w, i) => w.units + (i === 2 ? 20 : 0)),
    );
    expect(after.overdue).toEqual(before.overdue);
    const other = await dashboard({ supplierId: 'sup-clearspring', forecastWeeks: 4 });
    expect(other.pullForecast.weeks[2]?.lots).toBe(0);
  });

  it('shows the spot-check quota from the setting, and the sync backlog', async () => {
    const snacks = async () => (await dashboard({ category: 'snacks' })).spotCheckQuota;
    // The demo inspected two snack lots this week; the default quota is 3 a week.
    expect(await snacks()).toEqual({
      week: '2026-W48',
      categories: [{ category: 'snacks', required: 3, done: 2 }],
    });
    await fillQueue(); // RV2's inspection is the third
    const settings = demo.station.settings.get();
    await valueOf(
      call(
        'settings.update',
        { inspection: { ...settings.inspection, spotCheckQuota: 5 } },
        'qc-manager',
      ),
    );
    expect(await snacks()).toEqual({
      week: '2026-W48',
      categories: [{ category: 'snacks', required: 5, done: 3 }],
    });
    const d = await dashboard();
    expect(d.spotCheckQuota.categories.map((c) => c.category)).toContain('beverages');
    expect(d.syncBacklog.pendingEvents).toBe(
      (await manager<{ pendingEvents: number }>('sync.status', {})).pendingEvents,
    );
    expect(d.syncBacklog.pendingEvents).toBeGreaterThan(0);
  });
});
