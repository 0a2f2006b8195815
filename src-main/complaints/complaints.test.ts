import { describe, expect, it } from 'vitest';
import type {
  CapaView,
  ComplaintView,
  RecallPreview,
  RecallSummary,
  RecallView,
} from '../../src-shared/api/domain-complaints';
import type { PenaltyView, ScorecardView } from '../../src-shared/api/domain-supplier-quality';
import { demoStationEachTest } from '../test-support/demo-station';
import { callAs, valueOf, type TestRole } from '../test-support/station-calls';

const TODAY = '2026-11-25';

const demo = demoStationEachTest(TODAY);

const call = <T>(name: string, input: unknown, role: TestRole = 'inspector') =>
  callAs<T>(demo.station, role, name, input);
const ok = valueOf;
const manager = <T>(name: string, input: unknown) => ok(call<T>(name, input, 'qc-manager'));

/** An accepted demo lot in stock, and its supplier. */
function stockLot(lotId = 'lot-stock-1') {
  const lot = demo.station.repos.lots.byId(lotId);
  const delivery = lot && demo.station.repos.deliveries.byId(lot.delivery_id);
  if (!lot || !delivery) throw new Error(`demo lot ${lotId} missing`);
  return { lotId, gtin: lot.gtin, lot: lot.lot, supplierId: delivery.supplier_id };
}

/** An accepted lot of a supplier whose demo history gives it a score above 0. */
async function scoredLot() {
  const board = await ok(
    call<{ supplierId: string; score: number | null }[]>('suppliers.board', {}),
  );
  for (const s of board) {
    if (!s.score) continue;
    const row = demo.station.db
      .prepare<[string], { lot_id: string }>(
        `SELECT l.lot_id FROM lots l JOIN deliveries d ON d.delivery_id = l.delivery_id
         WHERE d.supplier_id = ? AND l.status = 'accepted' LIMIT 1`,
      )
      .get(s.supplierId);
    if (row) return stockLot(row.lot_id);
  }
  throw new Error('no scored supplier in the demo');
}

const scanOf = (l: { gtin: string; lot: string }) => `]C101${l.gtin}10${l.lot}`;

describe('complaints', () => {
  it('resolves the lot of a returned item from its scan', async () => {
    const l = stockLot();
    const c = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'customer-service',
        description: 'Sour taste, swollen pack',
        scan: scanOf(l),
      }),
    );
    expect(c).toMatchObject({
      lotId: l.lotId,
      supplierId: l.supplierId,
      gtin: l.gtin,
      lot: l.lot,
      status: 'open',
      receivedOn: TODAY,
      recordedBy: 'usr-inspector-1',
    });
    const typed = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'regulator',
        description: 'Label missing importer',
        gtin: l.gtin,
        lot: l.lot,
      }),
    );
    expect(typed.lotId).toBe(l.lotId);
    const list = await ok(call<ComplaintView[]>('complaints.list', {}));
    expect(list.map((x) => x.complaintId)).toEqual([typed.complaintId, c.complaintId]);
    const bad = await call('complaints.record', {
      source: 'customer-service',
      description: 'No lot on this barcode',
      scan: `]C101${l.gtin}`,
    });
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toContain('no lot number');
  });

  it('a confirmed complaint counts on the scorecard and lowers the score', async () => {
    const l = await scoredLot();
    const before = await ok(
      call<ScorecardView>('suppliers.scorecard', { supplierId: l.supplierId }),
    );
    const c = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'mystery-buyer',
        description: 'Foreign body in the pack',
        lotId: l.lotId,
      }),
    );
    const decided = await manager<ComplaintView>('complaints.decide', {
      complaintId: c.complaintId,
      decision: 'confirm',
      reason: 'Photos and sample confirm it',
    });
    expect(decided).toMatchObject({ status: 'confirmed', decidedBy: 'usr-manager-1' });
    const after = await ok(
      call<ScorecardView>('suppliers.scorecard', { supplierId: l.supplierId }),
    );
    const last = (s: ScorecardView) => s.periods.at(-1);
    expect(last(after)?.complaints).toBe((last(before)?.complaints ?? 0) + 1);
    expect(last(after)?.score ?? 0).toBeLessThan(last(before)?.score ?? 0);

    const dismissed = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'customer-service',
        description: 'Customer changed their mind',
        lotId: l.lotId,
      }),
    );
    await manager('complaints.decide', {
      complaintId: dismissed.complaintId,
      decision: 'dismiss',
      reason: 'Not a quality problem',
    });
    const again = await ok(
      call<ScorecardView>('suppliers.scorecard', { supplierId: l.supplierId }),
    );
    expect(last(again)?.complaints).toBe(last(after)?.complaints);
  });

  it('a confirmed counterfeit complaint proposes the counterfeit penalty', async () => {
    const l = stockLot();
    const c = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'mystery-buyer',
        description: 'Hologram missing, print blurred',
        scan: scanOf(l),
        counterfeitSuspected: true,
      }),
    );
    await manager('complaints.decide', {
      complaintId: c.complaintId,
      decision: 'confirm',
      reason: 'Brand owner confirms a fake',
      counterfeit: true,
    });
    const penalties = await ok(call<PenaltyView[]>('penalties.list', { supplierId: l.supplierId }));
    expect(penalties.some((p) => p.lotId === l.lotId && p.status === 'proposed')).toBe(true);
    expect(demo.station.repos.supplierQuality.counterfeits.byLot(l.lotId)).toBeDefined();
  });

  it('runs a corrective action from opening to closing', async () => {
    const l = stockLot();
    const c = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'customer-service',
        description: 'Seal broken',
        lotId: l.lotId,
      }),
    );
    const opened = await manager<CapaView>('capa.open', {
      complaintId: c.complaintId,
      rootCause: 'Sealing machine temperature drift',
      actions: ['Recalibrate sealer', 'Daily seal test'],
      dueDate: '2026-12-20',
    });
    expect(opened).toMatchObject({ status: 'open', supplierId: l.supplierId, overdue: false });
    const early = await call('capa.close', { capaId: opened.capaId }, 'qc-manager');
    expect(early.error.code).toBe('refused');
    await manager('capa.update', { capaId: opened.capaId, note: 'Sealer recalibrated' });
    const failed = await manager<CapaView>('capa.verify', {
      capaId: opened.capaId,
      effective: false,
      note: 'Still leaking',
    });
    expect(failed.status).toBe('open');
    await manager('capa.verify', { capaId: opened.capaId, effective: true, note: 'No leaks' });
    const closed = await manager<CapaView>('capa.close', { capaId: opened.capaId, note: 'Done' });
    expect(closed).toMatchObject({ status: 'closed', effective: true, closedOn: TODAY });
    expect(closed.notes.map((n) => n.kind)).toEqual(['updated', 'verified', 'verified', 'closed']);
    const list = await ok(call<CapaView[]>('capa.list', { supplierId: l.supplierId }));
    expect(list).toHaveLength(1);
  });

  it('a recall by supplier holds its lots, tracks progress and exports CSV', async () => {
    const l = stockLot();
    const preview = await ok(call<RecallPreview>('recalls.preview', { supplierId: l.supplierId }));
    expect(preview.lots.length).toBeGreaterThan(0);
    expect(preview.lots.every((x) => x.supplierId === l.supplierId)).toBe(true);
    const recall = await manager<RecallView>('recalls.open', {
      reason: 'Listeria found at the plant',
      criteria: { supplierId: l.supplierId },
    });
    expect(recall.lotRows.map((x) => x.lotId)).toEqual(preview.lots.map((x) => x.lotId));
    for (const row of recall.lotRows) {
      if (preview.lots.find((p) => p.lotId === row.lotId)?.status === 'rejected') continue;
      expect(demo.station.repos.lots.byId(row.lotId)?.status).toBe('on-hold');
      expect(demo.station.repos.lots.lastDecision(row.lotId)?.sign_off).toContain('usr-manager-1');
    }
    await ok(
      call('recalls.markLot', {
        recallId: recall.recallId,
        lotId: l.lotId,
        state: 'found',
        quantity: 5,
      }),
    );
    const pulled = await ok(
      call<RecallView>('recalls.markLot', {
        recallId: recall.recallId,
        lotId: l.lotId,
        state: 'pulled',
        quantity: 5,
      }),
    );
    expect(pulled.pulled).toBe(1);
    expect(pulled.found).toBe(1);
    expect(demo.station.repos.shelfLife.byId(l.lotId)?.stock_status).toBe('pulled');
    const list = await ok(call<RecallSummary[]>('recalls.list', {}));
    expect(list[0]).toMatchObject({ recallId: recall.recallId, pulled: 1, status: 'open' });

    const csv = await ok(
      call<{ fileName: string; base64: string; rows: number }>('recalls.export', {
        recallId: recall.recallId,
      }),
    );
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('recall_id,lot_id,gtin');
    expect(lines).toHaveLength(recall.lotRows.length + 1);
    expect(text).toContain(`${l.lotId},${l.gtin}`);
    expect(csv.rows).toBe(recall.lotRows.length);

    const closed = await manager<RecallView>('recalls.close', {
      recallId: recall.recallId,
      note: 'All stock back',
    });
    expect(closed.status).toBe('closed');
  });

  it('refuses manager calls to an inspector', async () => {
    const l = stockLot();
    const c = await ok(
      call<ComplaintView>('complaints.record', {
        source: 'customer-service',
        description: 'Dented can',
        lotId: l.lotId,
      }),
    );
    const calls: [string, unknown][] = [
      [
        'complaints.decide',
        { complaintId: c.complaintId, decision: 'confirm', reason: 'yes it is' },
      ],
      [
        'capa.open',
        { supplierId: l.supplierId, rootCause: 'x y z', actions: ['a'], dueDate: '2026-12-01' },
      ],
      ['recalls.open', { reason: 'test recall', criteria: { supplierId: l.supplierId } }],
    ];
    for (const [name, input] of calls) {
      const r = await call(name, input);
      expect(r.error.code, name).toBe('forbidden');
    }
    expect(demo.station.repos.lots.byId(l.lotId)?.status).toBe('accepted');
  });
});
