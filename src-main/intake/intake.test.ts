import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseGtin, unitGtin } from '../demo/demo-data';
import { demoDeliveryNumber, demoSscc } from '../demo/seed';
import { openStation, projections, type Station } from '../station';
import { createProjector, rebuildProjections } from '../store/projections';
import { tempDir } from '../test-support/temp-dir';

const GS = '\x1d';
const TODAY = '2026-11-28';
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let station: Station;

const scan = (data: string, device = 'wedge-1') => {
  now += 1000;
  return station.scans.submit({ data, source: 'wedge', device, actor: 'usr-inspector-1' });
};
const milkCase = caseGtin('692000100001');
const milkUnit = unitGtin('692000100001');
const yoghurt = unitGtin('692000100003');
const delivery1 = `dlv-${TODAY}-1`;

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

describe('intake: scans become lines and lots', () => {
  it('does not count a product before a delivery is open', () => {
    const r = scan(`]C101${milkCase}17270517${'10'}L1`);
    expect(r).toMatchObject({ outcome: 'no-open-delivery', severity: 'warning', units: 0 });
    expect(station.intake.active()).toBeNull();
  });

  it('opens a delivery by its pallet SSCC and counts cases into lots and lines', () => {
    expect(scan(`]C100${demoSscc(101)}`)).toMatchObject({
      outcome: 'opened-delivery',
      severity: 'ok',
      deliveryId: delivery1,
    });
    const first = scan(`]C101${milkCase}17270517${'10'}L1128A`);
    expect(first).toMatchObject({
      outcome: 'counted',
      severity: 'ok',
      units: 12,
      gtin: milkCase,
      lot: 'L1128A',
    });
    expect(first.message).toBe('+12 Whole Milk UHT 1 L lot L1128A, expires 2027-05-17.');
    expect(first.messageZh).toMatch(/\+12 全脂纯牛奶/);
    scan(`]C101${milkCase}17270517${'10'}L1128A`);
    const detail = station.intake.active();
    expect(detail?.lines.find((l) => l.gtin === milkUnit)).toMatchObject({
      expected: 240,
      received: 24,
      state: 'short',
    });
    expect(detail?.lots).toHaveLength(1);
    expect(detail?.lots[0]).toMatchObject({
      lot: 'L1128A',
      quantity: 24,
      expiry: '2027-05-17',
      status: 'awaiting-inspection',
    });
  });

  it('drops a double read from the same device within 300 ms, but not from another device', () => {
    scan(`]C100${demoSscc(101)}`);
    const data = `]C101${milkCase}17270517${'10'}L1`;
    const a = station.scans.submit({ data, source: 'serial', device: 'dock-1', actor: 'u' });
    now += 100;
    const b = station.scans.submit({ data, source: 'serial', device: 'dock-1', actor: 'u' });
    const c = station.scans.submit({ data, source: 'serial', device: 'dock-2', actor: 'u' });
    expect(b).toMatchObject({ duplicate: true, seq: a.seq });
    expect(c.duplicate).toBe(false);
    expect(station.intake.active()?.lots[0]?.quantity).toBe(24);
  });

  it('counts a serialised carton once, and warns when one lot carries two expiries', () => {
    scan(`]C100${demoSscc(101)}`);
    expect(scan(`]C101${milkCase}17270517${'10'}L9${GS}21C0001`).outcome).toBe('counted');
    expect(scan(`]C101${milkCase}17270517${'10'}L9${GS}21C0001`)).toMatchObject({
      outcome: 'duplicate-serial',
      severity: 'warning',
      units: 0,
    });
    const odd = scan(`]C101${milkCase}17270630${'10'}L9${GS}21C0002`);
    expect(odd).toMatchObject({ outcome: 'counted', severity: 'warning' });
    expect(odd.message).toMatch(
      /Expiry 2027-06-30 differs from earlier scans of lot L9 \(2027-05-17\)/,
    );
  });

  it('quarantines an unknown GTIN until identified, and flags products that are not on the notice', () => {
    scan(`]C100${demoSscc(101)}`);
    const unknown = caseGtin('692099999999');
    expect(scan(`]C101${unknown}10X1`)).toMatchObject({
      outcome: 'quarantined',
      severity: 'warning',
      units: 1,
    });
    let detail = station.intake.active();
    expect(detail?.quarantine).toEqual([
      { gtin: unknown, units: 1, identifiedSkuId: null, identifiedSkuName: null },
    ]);
    expect(detail?.summary.discrepancies.some((d) => d.kind === 'unidentified')).toBe(true);
    detail = station.intake.identify(
      { deliveryId: delivery1, gtin: unknown, skuId: 'sku-692000100002' },
      'usr-inspector-1',
    );
    expect(detail.quarantine[0]?.identifiedSkuName).toBe('Skimmed Milk UHT 1 L');
    expect(detail.summary.unidentifiedItems).toBe(0);

    const crisps = scan(`]C101${caseGtin('692000300003')}10P1`);
    expect(crisps).toMatchObject({ outcome: 'counted', severity: 'warning' });
    expect(crisps.message).toMatch(/not on the shipping notice/);
    expect(
      station.intake.active()?.lines.find((l) => l.gtin === unitGtin('692000300003')),
    ).toMatchObject({ unexpected: true, state: 'unexpected', received: 24 });
  });

  it('counts a pallet content label (SSCC + 02 + 37) and a DataMatrix unit', () => {
    scan(`]C100${demoSscc(101)}`);
    expect(scan(`]C100${demoSscc(101)}02${milkCase}3720${GS}10L7`)).toMatchObject({
      outcome: 'counted',
      units: 240,
    });
    expect(scan(`]d201${yoghurt}17261217${'10'}Y0428${GS}21SN000123`)).toMatchObject({
      outcome: 'counted',
      units: 1,
      lot: 'Y0428',
    });
  });

  it('closes with the summary and every discrepancy on record', () => {
    scan(`]C100${demoSscc(101)}`);
    for (let i = 0; i < 20; i += 1) scan(`]C101${milkCase}17270517${'10'}LA${GS}21S${i}`);
    scan(`]C101${caseGtin('692000100003')}17261217${'10'}Y1`);
    const preview = station.intake.closePreview(delivery1);
    expect(preview.discrepancies.map((d) => d.kind)).toEqual(['short', 'missing']);
    const summary = station.intake.close(delivery1, 'usr-inspector-1');
    expect(summary).toMatchObject({
      expectedUnits: 580,
      receivedUnits: 264,
      lotsAwaitingInspection: 2,
    });
    const closed = station.db
      .prepare<[], { payload: string }>(
        "SELECT payload FROM events WHERE type = 'delivery.closed' ORDER BY seq DESC LIMIT 1",
      )
      .get();
    expect(JSON.parse(closed?.payload ?? '{}')).toMatchObject({
      discrepancies: 2,
      details: [{ kind: 'short' }, { kind: 'missing' }],
    });
    expect(station.intake.active()).toBeNull();
    expect(() => station.intake.close(delivery1, 'u')).toThrow(/only an open delivery/);
  });

  it("refuses a blacklisted supplier's delivery at the dock, on record, by scan or from the list", () => {
    const refused = scan(`]C0${demoDeliveryNumber(TODAY, 3)}`);
    expect(refused).toMatchObject({ outcome: 'refused-delivery', severity: 'error' });
    expect(refused.message).toMatch(/REFUSED.*blacklisted/);
    const detail = station.intake.detail(`dlv-${TODAY}-3`);
    expect(detail.delivery.status).toBe('refused');
    expect(detail.refusal?.[0]?.code).toBe('blacklisted');
    expect(station.intake.open({ deliveryId: `dlv-${TODAY}-3` }, 'u').status).toBe('refused');
    expect(station.intake.active()).toBeNull();
  });

  it('opens an ad-hoc delivery flagged for review, through the same gate', () => {
    const r = station.intake.createAdHoc(
      { supplierId: 'sup-meadowgold', reason: 'Driver had no paperwork' },
      'usr-inspector-1',
    );
    // Meadow Gold's brand authorisation has expired: by default that refuses the delivery.
    expect(r.status).toBe('refused');
    const ok = station.intake.createAdHoc(
      { supplierId: 'sup-clearspring', reason: 'Driver had no paperwork' },
      'usr-inspector-1',
    );
    expect(ok.status).toBe('opened');
    expect(ok.detail.delivery).toMatchObject({
      adHoc: true,
      flaggedForReview: true,
      active: true,
      number: 'ADHOC-20261128-02',
    });
  });

  it('reports invalid GS1 data and codes it does not know, without counting', () => {
    expect(scan(']C10106920001000010')).toMatchObject({ outcome: 'invalid', severity: 'error' });
    expect(scan(']C10106920001000010').message).toMatch(/check digit/);
    expect(scan('ZZ-UNKNOWN-1')).toMatchObject({ outcome: 'not-understood', severity: 'error' });
  });

  it('rebuilds exactly the same intake tables from the log', () => {
    scan(`]C100${demoSscc(101)}`);
    scan(`]C101${milkCase}17270517${'10'}L1${GS}21A`);
    scan(`]C101${caseGtin('692099999999')}10X1`);
    const dump = () =>
      ['deliveries', 'delivery_lines', 'lots', 'delivery_serials', 'quarantine_items'].map((t) =>
        JSON.stringify(station.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()),
      );
    const before = dump();
    rebuildProjections(station.db, createProjector(station.repos, projections));
    expect(dump()).toEqual(before);
  });
});
