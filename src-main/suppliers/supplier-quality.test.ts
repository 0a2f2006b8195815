import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unitGtin } from '../demo/demo-data';
import { openStation, projections, type Station } from '../station';
import { SYSTEM_ACTOR } from '../store/event-log';
import { createProjector, rebuildProjections } from '../store/projections';
import { tempDir } from '../test-support/temp-dir';
import { PenaltyService } from './penalty-service';

const TODAY = '2026-11-28';
const MANAGER = 'usr-manager-1';
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let station: Station;

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

/** Lots received today into Northfield's delivery and decided as given. */
function decideLots(
  decisions: readonly ('accept' | 'reject')[],
  supplierDelivery = `dlv-${TODAY}-1`,
) {
  decisions.forEach((decision, i) => {
    const lotId = `lot-test-${i}`;
    station.log.appendMany([
      {
        type: 'lot.received',
        payload: {
          lotId,
          deliveryId: supplierDelivery,
          gtin: unitGtin('692000100001'),
          lot: `T${i}`,
          quantity: 100,
          expiry: null,
          production: null,
          receivedOn: TODAY,
        },
        actor: 'usr-inspector-1',
        subjects: [`lot:${lotId}`],
      },
      {
        type: 'lot.decided',
        payload: { lotId, decision, reason: 'test', decidedOn: TODAY },
        actor: 'usr-inspector-1',
        subjects: [`lot:${lotId}`],
      },
    ]);
  });
}

describe('automatic standing', () => {
  it('puts a supplier on probation when its score falls below 70, once', () => {
    decideLots(['accept', 'reject', 'reject', 'reject']);
    const before = station.log.head().seq;
    const review = station.supplierQuality.reviewStanding('sup-northfield', 'usr-inspector-1');
    // Acceptance 25 (weight 40), delivery on time (100, weight 20), no complaints (100, weight 10).
    expect(review).toMatchObject({
      changed: true,
      from: 'approved',
      to: 'probation',
      score: 57.1,
    });
    expect(review.assessment.reason).toBe(
      'score 57 < 70 (acceptance 25 %, 4 lots decided in 90 days)',
    );
    expect(station.log.head().seq).toBe(before + 1);
    expect(station.repos.suppliers.byId('sup-northfield')?.standing).toBe('probation');
    const [last] = station.supplierQuality.standingHistory('sup-northfield');
    expect(last).toMatchObject({
      on: TODAY,
      from: 'approved',
      to: 'probation',
      automatic: true,
      source: 'scorecard',
      actor: 'usr-inspector-1',
    });
    // Nothing new: nothing appended the second time.
    expect(station.supplierQuality.reviewStanding('sup-northfield', 'x').changed).toBe(false);
    expect(station.log.head().seq).toBe(before + 1);
  });

  it('joins the caller’s transaction: a rolled-back decision takes the standing change with it', () => {
    decideLots(['reject', 'reject', 'reject']);
    expect(() =>
      station.log.transaction(() => {
        station.supplierQuality.reviewStanding('sup-northfield', MANAGER);
        expect(station.repos.suppliers.byId('sup-northfield')?.standing).toBe('suspended');
        throw new Error('decision failed');
      }),
    ).toThrow('decision failed');
    expect(station.repos.suppliers.byId('sup-northfield')?.standing).toBe('approved');
    expect(station.supplierQuality.standingHistory('sup-northfield')).toEqual([]);
  });

  it('does not judge on fewer than 3 lots, and never lifts a standing by itself', () => {
    decideLots(['reject', 'reject']);
    expect(station.supplierQuality.reviewStanding('sup-northfield', MANAGER)).toMatchObject({
      changed: false,
      to: 'approved',
      assessment: { enoughData: false },
    });
    // Crunch Fox is on probation with one lot rejected of two: nothing changes either way.
    expect(station.supplierQuality.reviewStanding('sup-crunchfox', MANAGER).changed).toBe(false);
  });

  it('lets a manager’s recovery decision stand against the evidence it weighed', () => {
    decideLots(['accept', 'reject', 'reject', 'reject']);
    station.supplierQuality.reviewStanding('sup-northfield', MANAGER);
    station.supplierQuality.setStanding(
      { supplierId: 'sup-northfield', to: 'approved', reason: 'Re-audit passed on 27 Nov' },
      MANAGER,
    );
    const review = station.supplierQuality.reviewStanding('sup-northfield', MANAGER);
    expect(review).toMatchObject({ changed: false, to: 'approved' });
    expect(review.assessment.reason).toMatch(/counted after the standing decision of 2026-11-28$/);
    // The scorecard still shows everything on record.
    expect(station.supplierQuality.scorecard('sup-northfield').periods[1]?.score).toBe(57.1);
  });
});

describe('manager standing decisions', () => {
  it('records the decision with its reason; blacklisting is refused both ways', () => {
    const change = station.supplierQuality.setStanding(
      { supplierId: 'sup-meadowgold', to: 'probation', reason: 'Brand authorisation expired' },
      MANAGER,
    );
    expect(change).toMatchObject({
      from: 'approved',
      to: 'probation',
      source: 'manager',
      automatic: false,
    });
    expect(() =>
      station.supplierQuality.setStanding(
        { supplierId: 'sup-meadowgold', to: 'blacklisted', reason: 'Fakes everywhere' },
        MANAGER,
      ),
    ).toThrow(/head office/);
    expect(() =>
      station.supplierQuality.setStanding(
        { supplierId: 'sup-goldenharvest', to: 'approved', reason: 'They promise to behave' },
        MANAGER,
      ),
    ).toThrow(/only head office can lift a blacklist/);
  });
});

describe('the scorecard and the board', () => {
  it('shows the demo history: Golden Harvest’s counterfeit voids its score', () => {
    const board = station.supplierQuality.board();
    expect(board).toHaveLength(9);
    const gh = board.find((s) => s.supplierId === 'sup-goldenharvest');
    expect(gh).toMatchObject({ standing: 'blacklisted', score: 0, openPenalties: 1 });
    const history = station.supplierQuality.standingHistory('sup-goldenharvest');
    expect(history.map((h) => [h.to, h.source])).toEqual([
      ['blacklisted', 'head-office'],
      ['suspended', 'scorecard'],
    ]);
    const lp = board.find((s) => s.supplierId === 'sup-littlepanda');
    expect(lp?.score).not.toBeNull();
    expect(lp?.nextAuditExpiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(lp?.nextDocumentExpiry?.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts late and short deliveries from the intake events', () => {
    // Opened two days after it was expected, closed with a short line.
    const deliveryId = `dlv-${TODAY}-1`;
    now = Date.parse('2026-11-30T10:00:00');
    station.log.appendMany([
      { type: 'delivery.opened', payload: { deliveryId, via: 'list' }, actor: SYSTEM_ACTOR },
      {
        type: 'delivery.closed',
        payload: {
          deliveryId,
          receivedUnits: 10,
          expectedUnits: 300,
          discrepancies: 1,
          details: [
            {
              kind: 'short',
              gtin: unitGtin('692000100001'),
              expected: 240,
              received: 10,
              en: 'short',
            },
          ],
        },
        actor: SYSTEM_ACTOR,
      },
    ]);
    const card = station.supplierQuality.scorecard('sup-northfield');
    expect(card.today).toBe('2026-11-30');
    expect(card.periods[0]?.deliveries).toEqual({ arrived: 1, late: 1, short: 1, onTimeInFull: 0 });
    expect(card.periods[0]?.components.delivery).toBe(0);
    expect(card.weekly).toHaveLength(12);
  });
});

describe('rebuild', () => {
  it('rebuilds the supplier-quality tables exactly from the log', () => {
    decideLots(['accept', 'reject', 'reject', 'reject']);
    station.supplierQuality.reviewStanding('sup-northfield', MANAGER);
    new PenaltyService(
      station.repos,
      station.log,
      () => station.settings.get().supplierQuality.penalties,
      station.supplierQuality,
    ).confirmCounterfeit({ lotId: 'lot-2026-11-26-2-0', note: 'fake seal found' }, MANAGER);
    const tables = [
      'suppliers',
      'supplier_standing_history',
      'delivery_performance',
      'counterfeit_confirmations',
      'penalties',
    ];
    const dump = () =>
      tables.map((t) =>
        JSON.stringify(station.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()),
      );
    const before = dump();
    rebuildProjections(station.db, createProjector(station.repos, projections));
    expect(dump()).toEqual(before);
  });
});
