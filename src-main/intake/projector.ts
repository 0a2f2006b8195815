import type { ProjectionHandlers } from '../store/projections';

export const intakeProjection: ProjectionHandlers = {
  'delivery.expected': (p, _e, r) => r.deliveries.expect(p),
  'delivery.opened': (p, e, r) => r.deliveries.setStatus(p.deliveryId, 'open', e.seq),
  'delivery.closed': (p, e, r) => r.deliveries.setStatus(p.deliveryId, 'closed', e.seq),
  'scan.recorded': (p, _e, r) => {
    if (p.lotId && p.units) r.lots.addUnits(p.lotId, p.units);
    if (p.deliveryId && p.gtin && p.units) r.deliveries.addReceived(p.deliveryId, p.gtin, p.units);
  },
  'lot.received': (p, e, r) => {
    r.lots.receive(p, e.seq);
    r.deliveries.addReceived(p.deliveryId, p.gtin, p.quantity);
  },
  'inspection.completed': (p, e, r) => r.lots.recordInspection(p, e.actor),
  'lot.decided': (p, e, r) => r.lots.decide(p, e.seq, e.coActor ?? e.actor),
};
