import { lotSummaryOf } from '../inspection/inspection-views';
import type { DeliveryDetail, DeliverySummary } from '../../src-shared/api/domain-intake';
import type { EventPayload } from '../../src-shared/events/catalogue';
import { summariseDelivery } from '../../src-shared/intake/delivery-summary';
import type { GateResult } from '../../src-shared/intake/supplier-gate';
import { AppError } from '../api/app-error';
import type { Repos } from '../store/repos';
import type { DeliveryListRow } from '../store/repos/deliveries-repo';

export function deliverySummaryOf(d: DeliveryListRow, activeId: string | null): DeliverySummary {
  return {
    deliveryId: d.delivery_id,
    number: d.number,
    supplierId: d.supplier_id,
    supplierName: d.supplier_name,
    supplierStanding: d.supplier_standing,
    expectedDate: d.expected_date,
    status: d.status,
    expectedUnits: d.expected_units,
    receivedUnits: d.received_units,
    lineCount: d.line_count,
    adHoc: d.ad_hoc === 1,
    flaggedForReview: d.flagged_for_review === 1,
    active: d.delivery_id === activeId,
  };
}

/** Everything the intake screen shows about one delivery, read from the projections. */
export function deliveryDetailOf(
  repos: Repos,
  deliveryId: string,
  gate: (supplierId: string) => GateResult,
): DeliveryDetail {
  const row = repos.deliveries.listRow(deliveryId);
  if (!row) throw new AppError('not_found', `No delivery with id ${deliveryId}.`);
  const lines = repos.deliveries.lines(deliveryId);
  const quarantine = repos.quarantine.ofDelivery(deliveryId);
  const lots = repos.lots.ofDelivery(deliveryId);
  const skuNames = new Map(repos.skus.all().map((k) => [k.sku_id, k.name]));
  const summary = summariseDelivery(
    lines.map((l) => ({
      gtin: l.gtin,
      description: l.sku_name,
      expected: l.expected_qty,
      received: l.received_qty,
    })),
    quarantine.map((q) => ({ gtin: q.gtin, units: q.units, identifiedSkuId: q.identified_sku_id })),
    lots.filter((l) => l.status === 'awaiting-inspection').length,
  );
  const scans = repos.events
    .recentOfType(`delivery:${deliveryId}`, 'scan.recorded', 50)
    .map((e) => {
      const p = JSON.parse(e.payload) as EventPayload<'scan.recorded'>;
      return {
        seq: e.seq,
        recordedAt: e.recorded_at,
        source: p.source,
        data: p.data,
        outcome: p.outcome ?? 'counted',
        message: p.message ?? '',
      };
    });
  return {
    delivery: deliverySummaryOf(row, repos.deliveries.active()?.delivery_id ?? null),
    gate: gate(row.supplier_id),
    refusal: row.refusal ? (JSON.parse(row.refusal) as DeliveryDetail['refusal']) : null,
    lines: lines.map((l, i) => ({
      lineNo: l.line_no,
      gtin: l.gtin,
      name: l.sku_name,
      nameZh: l.sku_name_zh,
      expected: l.expected_qty,
      received: l.received_qty,
      unexpected: l.unexpected === 1,
      state: summary.lines[i]?.state ?? 'complete',
    })),
    lots: lots.map(lotSummaryOf),
    quarantine: quarantine.map((q) => ({
      gtin: q.gtin,
      units: q.units,
      identifiedSkuId: q.identified_sku_id,
      identifiedSkuName: q.identified_sku_id ? (skuNames.get(q.identified_sku_id) ?? null) : null,
    })),
    scans,
    summary: {
      expectedUnits: summary.expectedUnits,
      receivedUnits: summary.receivedUnits,
      discrepancies: summary.discrepancies,
      quarantinedUnits: summary.quarantinedUnits,
      unidentifiedItems: summary.unidentifiedItems,
      lotsAwaitingInspection: summary.lotsAwaitingInspection,
    },
  };
}
