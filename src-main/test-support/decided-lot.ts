/**
 * A lot inspected through the log as the inspection flow records it: received, started with its
 * plan and seed, three units (unit 2 with a broken seal and a photo), completed with a reject
 * proposal, and rejected with a manager's sign-off. Tests of the printed reports read it back
 * through the projections the station keeps.
 */
import type { InspectionTemplate } from '../../src-shared/events/schemas-inspection';
import type { Station } from '../station';
import type { NewEvent } from '../store/event-log';

export const DECIDED_LOT_DAY = '2026-11-28';
const TODAY = DECIDED_LOT_DAY;
const INSPECTOR = 'usr-inspector-1';
const MANAGER = 'usr-manager-1';

export const template: InspectionTemplate = {
  templateId: 'tpl-evidence-test',
  name: 'Evidence test dairy',
  nameZh: '证据测试乳品',
  level: 'II',
  aql: { critical: null, major: 1, minor: 2.5 },
  categories: [],
  checks: [
    {
      checkId: 'seal',
      kind: 'pass-fail',
      label: 'Seal intact',
      labelZh: '封口完好',
      defectClass: 'critical',
      photo: 'required-on-fail',
    },
    {
      checkId: 'temp',
      kind: 'numeric',
      label: 'Temperature',
      labelZh: '温度',
      defectClass: 'major',
      photo: 'none',
      unit: '°C',
      lower: 0,
      upper: 6,
      readingsPerUnit: 1,
    },
  ],
  active: true,
};

export interface DecidedLot {
  lotId: string;
  inspectionId: string;
  deliveryId: string;
  gtin: string;
  /** The lot number printed on the goods. */
  lot: string;
  /** SHA-256 of a photo already in the station's store (unit 2's). */
  photo: string;
  /** Whether to record the decision (false: inspected, not decided yet). */
  decide?: boolean;
}

export function recordDecidedLot(station: Station, lot: DecidedLot, now: number): void {
  const { lotId, inspectionId, photo } = lot;
  const supplierId = station.repos.deliveries.byId(lot.deliveryId)?.supplier_id ?? '';
  const lotSubjects = [`lot:${lotId}`, `inspection:${inspectionId}`];
  const events: NewEvent[] = [
    ...(station.repos.templates.byId(template.templateId)
      ? []
      : [{ type: 'template.upserted' as const, payload: template, actor: MANAGER }]),
    {
      type: 'lot.received',
      payload: {
        lotId,
        deliveryId: lot.deliveryId,
        gtin: lot.gtin,
        lot: lot.lot,
        quantity: 300,
        expiry: '2027-05-01',
        production: '2026-11-01',
        receivedOn: TODAY,
      },
      actor: INSPECTOR,
      subjects: [`lot:${lotId}`, `delivery:${lot.deliveryId}`],
    },
    {
      type: 'inspection.started',
      payload: {
        inspectionId,
        lotId,
        deliveryId: lot.deliveryId,
        supplierId,
        skuId: null,
        templateId: template.templateId,
        plan: {
          lotSize: 300,
          level: 'II',
          severity: 'normal',
          codeLetter: 'H',
          sampleSize: 50,
          inspectAll: false,
          classes: {
            critical: { aql: null, sampleSize: 50, accept: 0, reject: 1 },
            major: { aql: 1, sampleSize: 50, accept: 1, reject: 2 },
            minor: { aql: 2.5, sampleSize: 50, accept: 3, reject: 4 },
          },
        },
        forced: 'spot-check',
        seed: 'seed-0042',
        cartonCount: 25,
        cartons: [4, 9, 17],
        startedOn: TODAY,
      },
      actor: INSPECTOR,
      subjects: lotSubjects,
    },
    ...[1, 2, 3].map((unitNo) => ({
      type: 'inspection.unit-recorded' as const,
      payload: {
        inspectionId,
        unitNo,
        unitCode: null,
        results: [
          { checkId: 'seal', passed: unitNo !== 2 },
          { checkId: 'temp', passed: true, value: 3.5 },
        ],
        photos: unitNo === 2 ? [photo] : [],
        defective: { critical: unitNo === 2, major: false, minor: false },
      },
      actor: INSPECTOR,
      subjects: lotSubjects,
    })),
    {
      type: 'inspection.completed',
      payload: {
        inspectionId,
        lotId,
        severity: 'normal',
        sampleSize: 50,
        critical: 1,
        major: 0,
        minor: 0,
        completedOn: TODAY,
        unitsInspected: 3,
        proposal: 'reject',
        reasons: ['1 critical defective unit: zero tolerance'],
      },
      actor: INSPECTOR,
      subjects: lotSubjects,
    },
  ];
  if (lot.decide ?? true) {
    events.push({
      type: 'lot.decided',
      payload: {
        lotId,
        decision: 'reject',
        reason: 'Broken seal on unit 2',
        decidedOn: TODAY,
        proposal: 'reject',
        signOff: {
          userId: MANAGER,
          name: 'Chen Jing 陈静',
          meaning: 'Confirmed the rejection',
          at: now,
        },
      },
      actor: INSPECTOR,
      coActor: MANAGER,
      subjects: [`lot:${lotId}`],
    });
  }
  station.log.appendMany(events);
}
