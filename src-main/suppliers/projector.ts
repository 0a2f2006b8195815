import { localIsoDate } from '../../src-shared/util/dates';
import type { StoredEvent } from '../store/event-log';
import type { ProjectionHandlers } from '../store/projections';

/** The station's calendar day of an event (its clock, its time zone). */
export const dayOf = (e: StoredEvent): string => localIsoDate(new Date(e.recordedAt));

/** Master data: suppliers with their documents, audits and standing history; SKUs. */
const masterData: ProjectionHandlers = {
  'supplier.upserted': (p, e, r) => {
    const before = r.suppliers.byId(p.supplierId);
    r.suppliers.upsert(p, e.seq);
    // Master data carrying another standing comes from head office (the station's own edits
    // never change it): that is a standing change too, and belongs in the history.
    if (before && before.standing !== p.standing) {
      r.supplierQuality.standingHistory.add({
        seq: e.seq,
        supplier_id: p.supplierId,
        changed_on: dayOf(e),
        from_standing: before.standing,
        to_standing: p.standing,
        reason: e.reason ?? 'Master data from head office',
        automatic: 0,
        source: 'head-office',
        actor: e.actor,
      });
    }
  },
  'supplier.standing-changed': (p, e, r) => {
    r.suppliers.setStanding(p.supplierId, p.to, e.seq);
    r.supplierQuality.standingHistory.add({
      seq: e.seq,
      supplier_id: p.supplierId,
      changed_on: dayOf(e),
      from_standing: p.from,
      to_standing: p.to,
      reason: p.reason,
      automatic: p.automatic ? 1 : 0,
      source: p.source,
      actor: e.actor,
    });
  },
  'sku.upserted': (p, _e, r) => r.skus.upsert(p),
};

/** Supplier quality: delivery performance, confirmed counterfeits, penalties. */
const quality: ProjectionHandlers = {
  'delivery.expected': (p, _e, r) =>
    r.supplierQuality.deliveryPerformance.expect(p.deliveryId, p.supplierId, p.expectedDate),
  'delivery.created': (p, _e, r) =>
    r.supplierQuality.deliveryPerformance.expect(p.deliveryId, p.supplierId, p.expectedDate),
  'delivery.opened': (p, e, r) =>
    r.supplierQuality.deliveryPerformance.arrived(p.deliveryId, dayOf(e)),
  // The goods' receipt date is in the payload: history loaded later still arrives on its day.
  'lot.received': (p, _e, r) =>
    r.supplierQuality.deliveryPerformance.arrived(p.deliveryId, p.receivedOn),
  'delivery.refused': (p, _e, r) => r.supplierQuality.deliveryPerformance.refused(p.deliveryId),
  'delivery.closed': (p, e, r) => {
    const short = (p.details ?? []).filter((d) => d.kind === 'short' || d.kind === 'missing');
    r.supplierQuality.deliveryPerformance.closed(p.deliveryId, dayOf(e), short.length);
  },
  'counterfeit.confirmed': (p, e, r) =>
    r.supplierQuality.counterfeits.add({
      seq: e.seq,
      lot_id: p.lotId,
      supplier_id: p.supplierId,
      inspection_id: p.inspectionId,
      note: p.note,
      photos: JSON.stringify(p.photos),
      confirmed_on: dayOf(e),
      actor: e.actor,
    }),
  'penalty.proposed': (p, e, r) =>
    r.supplierQuality.penalties.propose({
      penalty_id: p.penaltyId,
      supplier_id: p.supplierId,
      rule: p.rule,
      amount_cny: p.amountCny,
      basis: p.basis,
      lot_id: p.evidence.lotId,
      inspection_id: p.evidence.inspectionId,
      note: p.evidence.note,
      proposed_on: dayOf(e),
      proposed_by: e.actor,
      proposed_seq: e.seq,
    }),
  'penalty.status-changed': (p, e, r) =>
    r.supplierQuality.penalties.setStatus(p.penaltyId, {
      status: p.status,
      reason: p.reason,
      on: dayOf(e),
      by: e.actor,
      seq: e.seq,
    }),
};

export const suppliersProjection: ProjectionHandlers = { ...masterData, ...quality };
