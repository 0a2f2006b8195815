import { gtinCheckDigit } from '../../src-shared/gs1';
import { addDays } from '../../src-shared/util/dates';
import type { EventLog, NewEvent } from '../store/event-log';
import { SYSTEM_ACTOR } from '../store/event-log';
import type { Repos } from '../store/repos';
import { caseGtin, demoSkus, demoSuppliers, demoUsers, unitGtin, type DemoSku } from './demo-data';
import { demoTemplateEvents } from './seed-templates';
import { supplierQualityDemoEvents } from './seed-supplier-quality';
import { demoShelfLifeEvent, stockDemoEvents } from './seed-stock';

export const DEMO_VERSION = 1;

/** SSCC-18 of a demo pallet: extension 0, company prefix 6920001, 9-digit serial, check digit. */
export function demoSscc(serial: number): string {
  const body = `06920001${String(serial).padStart(9, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

export function demoDeliveryNumber(day: string, n: number): string {
  return `ASN-${day.replaceAll('-', '')}-${String(n).padStart(2, '0')}`;
}

interface LineSpec {
  ean12: string;
  cases: number;
}

function skuOf(ean12: string): DemoSku {
  const found = demoSkus.find((s) => s.ean12 === ean12);
  if (!found) throw new Error(`demo SKU ${ean12} missing`);
  return found;
}

/**
 * Loads the demo: master data, three deliveries expected today, and a few days of history
 * (deliveries received, lots inspected and decided). Every fact is an event, appended in one
 * transaction; a `demo.seeded` marker makes the seed idempotent.
 */
export function seedDemo(
  log: EventLog,
  repos: Repos,
  today: string,
): { seeded: boolean; events: number } {
  if (repos.events.hasMarker('demo.seeded')) return { seeded: false, events: 0 };
  const events: NewEvent[] = [];
  const push = <E extends NewEvent>(e: E) => events.push(e);

  demoUsers.forEach((u) => {
    push({
      type: 'user.upserted',
      payload: {
        userId: u.id,
        name: u.name,
        role: u.role,
        badge: u.badge,
        pinHash: u.pinHash,
        active: true,
      },
      actor: SYSTEM_ACTOR,
      subjects: [`user:${u.id}`],
    });
  });
  for (const s of demoSuppliers) {
    const docValid = addDays(today, s.documentValidDays);
    push({
      type: 'supplier.upserted',
      payload: {
        supplierId: s.id,
        code: s.code,
        name: s.name,
        standing: s.standing,
        contact: s.contact,
        cumulativeSalesCny: s.cumulativeSalesCny,
        documents: s.documents.map((type, i) => ({
          type,
          number: `${s.code}-${type.slice(0, 3).toUpperCase()}-${2024 + i}`,
          validUntil: type === s.expiredDocument ? addDays(today, -20) : docValid,
        })),
        audits: [
          {
            date: addDays(today, s.auditValidDays - 365),
            auditor: 'Head-office QA 总部质量部',
            score: s.standing === 'approved' ? 88 : s.standing === 'probation' ? 71 : 52,
            result:
              s.standing === 'approved'
                ? 'passed'
                : s.standing === 'probation'
                  ? 'conditional'
                  : 'failed',
            validUntil: addDays(today, s.auditValidDays),
          },
        ],
      },
      actor: SYSTEM_ACTOR,
      subjects: [`supplier:${s.id}`],
    });
  }
  for (const k of demoSkus) {
    push({
      type: 'sku.upserted',
      payload: {
        skuId: `sku-${k.ean12}`,
        gtin: unitGtin(k.ean12),
        name: k.name,
        nameZh: k.nameZh,
        brand: k.brand,
        category: k.category,
        shelfLifeDays: k.shelfLifeDays,
        packaging: [{ gtin: caseGtin(k.ean12), level: 'case', unitsPer: k.unitsPerCase }],
        templateId: null,
      },
      actor: SYSTEM_ACTOR,
      subjects: [`sku:sku-${k.ean12}`, `gtin:${unitGtin(k.ean12)}`],
    });
  }

  const expect = (day: string, n: number, supplierId: string, lines: LineSpec[], sscc: number) => {
    const deliveryId = `dlv-${day}-${n}`;
    push({
      type: 'delivery.expected',
      payload: {
        deliveryId,
        number: demoDeliveryNumber(day, n),
        supplierId,
        expectedDate: day,
        ssccs: [demoSscc(sscc)],
        lines: lines.map((l, i) => ({
          lineNo: i + 1,
          gtin: unitGtin(l.ean12),
          quantity: l.cases * skuOf(l.ean12).unitsPerCase,
          unit: 'EA',
        })),
      },
      actor: SYSTEM_ACTOR,
      subjects: [`delivery:${deliveryId}`, `supplier:${supplierId}`],
    });
    return deliveryId;
  };

  // Today: an approved dairy supplier, a snacks supplier on probation, and a blacklisted trader.
  expect(
    today,
    1,
    'sup-northfield',
    [
      { ean12: '692000100001', cases: 20 },
      { ean12: '692000100003', cases: 10 },
      { ean12: '692000100005', cases: 5 },
    ],
    101,
  );
  expect(
    today,
    2,
    'sup-crunchfox',
    [
      { ean12: '692000300001', cases: 12 },
      { ean12: '692000300003', cases: 15 },
      { ean12: '692000300004', cases: 6 },
    ],
    102,
  );
  expect(
    today,
    3,
    'sup-goldenharvest',
    [
      { ean12: '692000700001', cases: 10 },
      { ean12: '692000700002', cases: 8 },
    ],
    103,
  );

  // History: four deliveries over the last four days, received, inspected and decided.
  const history: {
    daysAgo: number;
    supplierId: string;
    lines: LineSpec[];
    outcomes: ('accept' | 'reject' | 'hold')[];
  }[] = [
    {
      daysAgo: 4,
      supplierId: 'sup-littlepanda',
      lines: [
        { ean12: '692000200001', cases: 40 },
        { ean12: '692000200002', cases: 30 },
      ],
      outcomes: ['accept', 'accept'],
    },
    {
      daysAgo: 3,
      supplierId: 'sup-clearspring',
      lines: [
        { ean12: '692000400001', cases: 60 },
        { ean12: '692000400003', cases: 25 },
        { ean12: '692000400002', cases: 20 },
      ],
      outcomes: ['accept', 'hold', 'accept'],
    },
    {
      daysAgo: 2,
      supplierId: 'sup-crunchfox',
      lines: [
        { ean12: '692000300002', cases: 18 },
        { ean12: '692000300005', cases: 12 },
      ],
      outcomes: ['reject', 'accept'],
    },
    {
      daysAgo: 1,
      supplierId: 'sup-jadelotus',
      lines: [
        { ean12: '692000500001', cases: 10 },
        { ean12: '692000500002', cases: 8 },
      ],
      outcomes: ['accept', 'accept'],
    },
  ];
  const inspector = demoUsers[0]?.id ?? SYSTEM_ACTOR;
  const manager = demoUsers[2]?.id ?? SYSTEM_ACTOR;
  history.forEach((h, i) => {
    const day = addDays(today, -h.daysAgo);
    const deliveryId = expect(day, 1, h.supplierId, h.lines, 90 + i);
    push({
      type: 'delivery.opened',
      payload: { deliveryId, via: 'sscc' },
      actor: inspector,
      subjects: [`delivery:${deliveryId}`],
    });
    let units = 0;
    h.lines.forEach((line, j) => {
      const k = skuOf(line.ean12);
      const gtin = unitGtin(line.ean12);
      const quantity = line.cases * k.unitsPerCase;
      units += quantity;
      const production = addDays(day, -(5 + j * 3));
      const lotId = `lot-${day}-${i}-${j}`;
      const lotCode = `${line.ean12.slice(-3)}${day.slice(5).replace('-', '')}${String.fromCharCode(65 + j)}`;
      const outcome = h.outcomes[j] ?? 'accept';
      push({
        type: 'lot.received',
        payload: {
          lotId,
          deliveryId,
          gtin,
          lot: lotCode,
          quantity,
          production,
          expiry: k.shelfLifeDays === null ? null : addDays(production, k.shelfLifeDays),
          receivedOn: day,
        },
        actor: inspector,
        subjects: [`lot:${lotId}`, `delivery:${deliveryId}`, `gtin:${gtin}`],
      });
      const verdict = demoShelfLifeEvent(
        lotId,
        day,
        {
          expiry: k.shelfLifeDays === null ? null : addDays(production, k.shelfLifeDays),
          production,
        },
        k.shelfLifeDays,
      );
      if (verdict) push(verdict);
      push({
        type: 'inspection.completed',
        payload: {
          inspectionId: `insp-${lotId}`,
          lotId,
          severity: h.supplierId === 'sup-crunchfox' ? 'tightened' : 'normal',
          sampleSize: quantity > 500 ? 50 : 32,
          critical: outcome === 'reject' ? 1 : 0,
          major: outcome === 'hold' ? 2 : 0,
          minor: outcome === 'accept' ? j : 1,
          completedOn: day,
        },
        actor: inspector,
        subjects: [`lot:${lotId}`],
      });
      push({
        type: 'lot.decided',
        payload: {
          lotId,
          decision: outcome,
          reason:
            outcome === 'reject'
              ? 'Critical defect: inner bag seal broken on sampled unit'
              : outcome === 'hold'
                ? 'Two major label defects: held for QC manager review'
                : 'Sample within AQL limits',
          decidedOn: day,
        },
        actor: inspector,
        coActor: outcome === 'accept' ? null : manager,
        subjects: [`lot:${lotId}`, `delivery:${deliveryId}`],
      });
    });
    push({
      type: 'delivery.closed',
      payload: { deliveryId, receivedUnits: units, expectedUnits: units, discrepancies: 0 },
      actor: inspector,
      subjects: [`delivery:${deliveryId}`],
    });
  });

  demoTemplateEvents().forEach((e) => push(e));
  supplierQualityDemoEvents(today).forEach((e) => push(e));
  stockDemoEvents(today).forEach((e) => push(e));
  push({ type: 'demo.seeded', payload: { version: DEMO_VERSION }, actor: SYSTEM_ACTOR });
  log.appendMany(events);
  return { seeded: true, events: events.length };
}
