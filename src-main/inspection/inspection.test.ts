import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSwitchingState } from '../../src-shared/sampling';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { passingResults } from '../test-support/inspection-results';
import { tempDir } from '../test-support/temp-dir';
import { callAs, type TestRole } from '../test-support/station-calls';

const TODAY = '2026-11-25'; // a Wednesday
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let station: Station;
const INSPECTOR = 'usr-inspector-1';

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

/** Receives `cases` cartons of a Crunch Fox SKU (supplier on probation) as one lot; returns its id. */
function receiveSnacks(ean12: string, lot: string, cases: number): string {
  scan(`]C100${demoSscc(102)}`);
  for (let i = 0; i < cases; i += 1)
    scan(`]C101${caseGtin(ean12)}17270901${'10'}${lot}\x1d21${lot}-${i}`);
  const found = station.intake.active()?.lots.find((l) => l.lot === lot);
  if (!found) throw new Error('lot not received');
  return found.lotId;
}

async function photo(): Promise<string> {
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#c0392b' },
  })
    .jpeg()
    .toBuffer();
  return (await station.photos.put(jpeg)).sha256;
}

describe('inspection at the dock', () => {
  it('tightens a probation supplier, rejects at the first critical defect, returns the lot and prints the evidence pack', async () => {
    const lotId = receiveSnacks('692000300001', 'CF1', 3);
    const proposal = station.inspection.proposal(lotId);
    expect(proposal).toMatchObject({ severity: 'tightened', forced: 'probation', problems: [] });
    // 60 units, level II → code letter E; tightened (Table II-B) major 2.5 follows the arrow
    // down to G: n 32, Ac 1 / Re 2; the sample pulled is that largest class sample.
    expect(proposal.plan).toMatchObject({
      lotSize: 60,
      codeLetter: 'E',
      sampleSize: 32,
      severity: 'tightened',
    });
    expect(proposal.plan?.classes.major).toMatchObject({
      sampleSize: 32,
      accept: 1,
      reject: 2,
      planCodeLetter: 'G',
    });
    expect(proposal.plan?.classes.critical).toMatchObject({ accept: 0, reject: 1 });
    expect(proposal.cartonCount).toBe(3);

    const started = station.inspection.start(lotId, INSPECTOR);
    expect(JSON.parse(started.cartons ?? '[]')).toHaveLength(3);
    const template = station.inspection.templateOf(started);
    // A failed inner seal with no photo is refused; with a photo it is recorded.
    expect(() =>
      station.inspection.recordUnit(
        started.inspection_id,
        { results: passingResults(template, ['inner-seal']), photos: [] },
        INSPECTOR,
      ),
    ).toThrow(/take a photo/);
    const sha = await photo();
    station.inspection.recordUnit(
      started.inspection_id,
      { unitCode: 'unit-1', results: passingResults(template, ['inner-seal']), photos: [sha] },
      INSPECTOR,
    );
    const judged = station.inspection.judgement(station.inspection.row(started.inspection_id));
    expect(judged).toMatchObject({ proposal: 'reject', complete: true });
    station.inspection.complete(started.inspection_id, INSPECTOR);

    // The inspector confirms the proposal alone; the rejection creates the return record.
    const decided = await call<{ seq: number; eventHash: string }>('inspection.decide', {
      lotId,
      decision: 'reject',
    });
    expect(decided.ok).toBe(true);
    expect(station.repos.lots.byId(lotId)?.status).toBe('rejected');
    expect(station.repos.inspections.returnsOf(lotId)).toHaveLength(1);

    const pack = await call<{ base64: string }>('inspection.evidencePack', { lotId });
    expect(pack.ok).toBe(true);
    expect(Buffer.from(pack.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets only a QC manager override a proposal, with badge, PIN and reason, bound into the decision event', async () => {
    const lotId = receiveSnacks('692000300003', 'CF2', 2);
    const started = station.inspection.start(lotId, INSPECTOR);
    const template = station.inspection.templateOf(started);
    station.inspection.recordUnit(
      started.inspection_id,
      { results: passingResults(template, ['label-matches-barcode']), photos: [await photo()] },
      INSPECTOR,
    );
    station.inspection.complete(started.inspection_id, INSPECTOR);
    expect(
      station.inspection.judgement(station.inspection.row(started.inspection_id))?.proposal,
    ).toBe('reject');

    const noSignOff = await call('inspection.decide', {
      lotId,
      decision: 'accept',
      reason: 'Label reprinted by supplier',
    });
    expect(noSignOff).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const inspectorBadge = await call('inspection.decide', {
      lotId,
      decision: 'accept',
      reason: 'x-ray',
      signOff: { badge: 'QCS-INSP-0002', pin: '2345' },
    });
    expect(inspectorBadge).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringContaining('only a QC manager') as unknown,
      },
    });
    const noReason = await call('inspection.decide', {
      lotId,
      decision: 'accept',
      signOff: { badge: 'QCS-MGR-0001', pin: '5678' },
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const wrongPin = await call('inspection.decide', {
      lotId,
      decision: 'accept',
      reason: 'Label reprinted',
      signOff: { badge: 'QCS-MGR-0001', pin: '0000' },
    });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const ok = await call<{ seq: number; eventHash: string }>('inspection.decide', {
      lotId,
      decision: 'accept',
      reason: 'Label reprinted by the supplier at the dock; barcode verified',
      signOff: { badge: 'QCS-MGR-0001', pin: '5678' },
    });
    expect(ok.ok).toBe(true);
    const event = station.db
      .prepare<[number], { co_actor: string; payload: string; hash: string }>(
        'SELECT co_actor, payload, hash FROM events WHERE seq = ?',
      )
      .get(ok.value.seq);
    expect(event?.co_actor).toBe('usr-manager-1');
    expect(event?.hash).toBe(ok.value.eventHash);
    expect(JSON.parse(event?.payload ?? '{}')).toMatchObject({
      decision: 'accept',
      proposal: 'reject',
      override: true,
      signOff: {
        userId: 'usr-manager-1',
        name: 'Zhang Min 张敏',
        meaning: expect.stringContaining('override: reject → accept') as unknown,
      },
    });
  });

  it('forces an inspection on a category that would otherwise skip until the weekly spot-check quota is met', () => {
    // HomeBright (approved) small appliances, on reduced inspection: skip-lot eligible.
    const opened = station.intake.createAdHoc(
      { supplierId: 'sup-homebright', reason: 'no notice' },
      INSPECTOR,
    );
    expect(opened.status).toBe('opened');
    const kettle = caseGtin('692000600001');
    const receive = (lot: string) => {
      scan(`]C101${kettle}10${lot}`);
      return station.intake.active()?.lots.find((l) => l.lot === lot)?.lotId ?? '';
    };
    station.repos.switching.put(
      'sup-homebright',
      'sku-692000600001',
      { ...initialSwitchingState(), severity: 'reduced' },
      1,
    );
    const lotIds = ['K1', 'K2', 'K3', 'K4'].map(receive);
    const first = station.inspection.proposal(lotIds[0] ?? '');
    expect(first.skip).toEqual({
      allowed: false,
      reason: expect.stringContaining('has had 0 of its 3 inspections') as unknown,
    });
    expect(first.forced).toBe('spot-check');
    expect(() => station.decisions.skipLot(lotIds[0] ?? '', INSPECTOR)).toThrow(/Spot check/);
    // Three inspections of the category this week meet the quota; then the skip rule applies.
    for (const lotId of lotIds.slice(0, 3)) station.inspection.start(lotId, INSPECTOR);
    const fourth = station.inspection.proposal(lotIds[3] ?? '');
    expect(fourth.skip.allowed).toBe(true);
    expect(fourth.forced).toBeNull();
    station.decisions.skipLot(lotIds[3] ?? '', INSPECTOR);
    expect(station.repos.lots.byId(lotIds[3] ?? '')?.status).toBe('accepted');
  });

  it('walks the switching rules from completed inspections and suspends the supplier after five lots not accepted on tightened', async () => {
    // Northfield (approved): each lot of yoghurt rejected at its first critical defect.
    scan(`]C100${demoSscc(101)}`);
    const sha = await photo();
    const rejectLot = (lot: string) => {
      scan(`]C101${caseGtin('692000100003')}17270101${'10'}${lot}`);
      const lotId = station.intake.active()?.lots.find((l) => l.lot === lot)?.lotId ?? '';
      const started = station.inspection.start(lotId, INSPECTOR);
      const template = station.inspection.templateOf(started);
      const critical = template.checks.find(
        (c) => c.defectClass === 'critical' && c.kind === 'pass-fail',
      );
      station.inspection.recordUnit(
        started.inspection_id,
        { results: passingResults(template, [critical?.checkId ?? '']), photos: [sha] },
        INSPECTOR,
      );
      station.inspection.complete(started.inspection_id, INSPECTOR);
      return station.repos.switching.get('sup-northfield', 'sku-692000100003');
    };
    expect(rejectLot('Y1').severity).toBe('normal');
    expect(rejectLot('Y2').severity).toBe('tightened');
    for (const lot of ['Y3', 'Y4', 'Y5', 'Y6']) rejectLot(lot);
    expect(rejectLot('Y7').discontinued).toBe(true);
    expect(station.repos.suppliers.byId('sup-northfield')?.standing).toBe('suspended');
    const change = station.db
      .prepare<[], { payload: string }>(
        "SELECT payload FROM events WHERE type = 'supplier.standing-changed' ORDER BY seq DESC LIMIT 1",
      )
      .get();
    expect(JSON.parse(change?.payload ?? '{}')).toMatchObject({
      to: 'suspended',
      source: 'switching',
      automatic: true,
    });
  });
});
