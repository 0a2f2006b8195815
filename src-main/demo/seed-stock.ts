import { evaluateShelfLife, removalWindowFor } from '../../src-shared/shelf-life';
import { defaultShelfLifeSettings } from '../../src-shared/shelf-life/settings';
import { addDays } from '../../src-shared/util/dates';
import { shelfLifeEvent } from '../shelf-life/shelf-life-service';
import type { NewEvent } from '../store/event-log';
import { demoSkus, demoUsers, unitGtin } from './demo-data';

const rules = defaultShelfLifeSettings.defaults;

/** The shelf-life verdict event of a demo lot, worked out by the same rules as the dock. */
export function demoShelfLifeEvent(
  lotId: string,
  received: string,
  dates: { expiry: string | null; production: string | null },
  shelfLifeDays: number | null,
): NewEvent | null {
  const r = evaluateShelfLife({ ...dates, shelfLifeDays, received, rules, dateSource: 'barcode' });
  return r.ok ? shelfLifeEvent(lotId, r.value) : null;
}

/** Lots in stock whose removal date is `offset` days from today (negative: overdue). */
const STOCK: readonly { ean12: string; offset: number; location: string | null }[] = [
  { ean12: '692000100001', offset: -3, location: 'Chiller 2, bay 4' },
  { ean12: '692000300003', offset: -1, location: 'Aisle 7, shelf B' },
  { ean12: '692000400002', offset: 0, location: 'Aisle 3, shelf A' },
  { ean12: '692000800001', offset: 0, location: null },
  { ean12: '692000300001', offset: 2, location: 'Aisle 7, shelf C' },
  { ean12: '692000300001', offset: 12, location: 'Back store, rack 12' },
  { ean12: '692000200005', offset: 5, location: 'Baby aisle, shelf 2' },
  { ean12: '692000400005', offset: 9, location: null },
  { ean12: '692000100005', offset: 16, location: 'Chiller 1, bay 2' },
  { ean12: '692000900001', offset: 24, location: 'Aisle 7, shelf A' },
  { ean12: '692000800002', offset: 29, location: null },
];

/**
 * Older deliveries whose accepted lots are still in stock and come up for removal over the
 * next month, so that the shelf-life board and today's pull list have something to show.
 */
export function stockDemoEvents(today: string): NewEvent[] {
  const events: NewEvent[] = [];
  const inspector = demoUsers[0]?.id ?? 'system';
  STOCK.forEach((s, i) => {
    const sku = demoSkus.find((k) => k.ean12 === s.ean12);
    if (!sku?.shelfLifeDays) return;
    const window = removalWindowFor(rules, sku.shelfLifeDays) ?? 0;
    const expiry = addDays(today, s.offset + window);
    const production = addDays(expiry, -sku.shelfLifeDays);
    const received = addDays(production, 4);
    const gtin = unitGtin(sku.ean12);
    const deliveryId = `dlv-stock-${i + 1}`;
    const lotId = `lot-stock-${i + 1}`;
    const quantity = sku.unitsPerCase * (6 + i);
    const subjects = [`delivery:${deliveryId}`, `supplier:${sku.supplierId}`];
    events.push(
      {
        type: 'delivery.expected',
        payload: {
          deliveryId,
          number: `ASN-${received.replaceAll('-', '')}-S${String(i + 1).padStart(2, '0')}`,
          supplierId: sku.supplierId,
          expectedDate: received,
          ssccs: [],
          lines: [{ lineNo: 1, gtin, quantity, unit: 'EA' }],
        },
        actor: 'system',
        subjects,
      },
      { type: 'delivery.opened', payload: { deliveryId, via: 'list' }, actor: inspector, subjects },
      {
        type: 'lot.received',
        payload: {
          lotId,
          deliveryId,
          gtin,
          lot: `S${received.slice(2).replaceAll('-', '')}${String.fromCharCode(65 + i)}`,
          quantity,
          production,
          expiry,
          receivedOn: received,
        },
        actor: inspector,
        subjects: [`lot:${lotId}`, `delivery:${deliveryId}`, `gtin:${gtin}`],
      },
    );
    const verdict = demoShelfLifeEvent(lotId, received, { expiry, production }, sku.shelfLifeDays);
    if (verdict) events.push(verdict);
    events.push(
      {
        type: 'lot.decided',
        payload: {
          lotId,
          decision: 'accept',
          reason: 'Sample within AQL limits',
          decidedOn: received,
        },
        actor: inspector,
        subjects: [`lot:${lotId}`, `delivery:${deliveryId}`],
      },
      {
        type: 'delivery.closed',
        payload: {
          deliveryId,
          receivedUnits: quantity,
          expectedUnits: quantity,
          discrepancies: 0,
        },
        actor: inspector,
        subjects: [`delivery:${deliveryId}`],
      },
    );
    if (s.location)
      events.push({
        type: 'lot.stock-changed',
        payload: { lotId, status: 'in-stock', locationNote: s.location, on: received },
        actor: inspector,
        subjects: [`lot:${lotId}`],
      });
  });
  return events;
}
