import type { ProjectionHandlers } from '../store/projections';

export const intakeProjection: ProjectionHandlers = {
  'delivery.expected': (p, _e, r) => r.deliveries.expect(p),
  'delivery.created': (p, _e, r) => r.deliveries.createAdHoc(p),
  'delivery.opened': (p, e, r) => r.deliveries.setStatus(p.deliveryId, 'open', e.seq),
  'delivery.refused': (p, e, r) =>
    r.deliveries.refuse(p.deliveryId, JSON.stringify(p.reasons), e.seq),
  'delivery.closed': (p, e, r) => r.deliveries.setStatus(p.deliveryId, 'closed', e.seq),
  'scan.recorded': (p, e, r) => {
    const gtin = p.skuGtin ?? p.gtin;
    // Scans recorded before outcomes existed counted when they named a lot and units.
    const counted = p.outcome === 'counted' || (p.outcome === undefined && p.lotId && p.units);
    if (counted) {
      if (p.lotId && p.units) r.lots.addUnits(p.lotId, p.units);
      if (p.deliveryId && gtin && p.units) r.deliveries.addReceived(p.deliveryId, gtin, p.units);
      if (p.deliveryId && gtin && p.serial)
        r.deliveries.recordSerial(p.deliveryId, gtin, p.serial, e.seq);
    } else if (p.outcome === 'quarantined' && p.deliveryId && p.gtin) {
      r.quarantine.add(p.deliveryId, p.gtin, p.units ?? 1, e.seq);
    }
  },
  'quarantine.identified': (p, _e, r) => r.quarantine.identify(p.deliveryId, p.gtin, p.skuId),
  'lot.received': (p, e, r) => {
    r.lots.receive(p, e.seq);
    r.deliveries.addReceived(p.deliveryId, p.gtin, p.quantity);
  },
};
