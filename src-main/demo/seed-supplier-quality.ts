import { gtinCheckDigit } from '../../src-shared/gs1';
import { defaultPenaltyRules, proposePenalties } from '../../src-shared/suppliers/penalties';
import { addDays } from '../../src-shared/util/dates';
import type { NewEvent } from '../store/event-log';
import { SYSTEM_ACTOR } from '../store/event-log';
import { demoSuppliers, demoUsers, unitGtin } from './demo-data';

const SUPPLIER = 'sup-goldenharvest';
const FORMULA = '692000700002';
const UNITS_PER_CASE = 6;
const SSCC_BODY = '06920001000000180';

/**
 * Supplier-quality history for the demo, so the supplier pages have something to show: how
 * Golden Harvest came to be blacklisted. Six weeks ago its "imported" infant formula failed the
 * brand-authenticity checks, the lot was rejected, a QC manager confirmed the counterfeit, the
 * contract penalty was proposed and confirmed, the scorecard suspended the supplier and head
 * office blacklisted it. Appended with the rest of the demo, before its `demo.seeded` marker.
 */
export function supplierQualityDemoEvents(today: string): NewEvent[] {
  const supplier = demoSuppliers.find((s) => s.id === SUPPLIER);
  if (!supplier) return [];
  const inspector = demoUsers[0]?.id ?? SYSTEM_ACTOR;
  const manager = demoUsers[2]?.id ?? SYSTEM_ACTOR;
  const day = addDays(today, -41);
  const deliveryId = `dlv-${day}-7`;
  const lotId = `lot-${day}-gh-0`;
  const inspectionId = `insp-${lotId}`;
  const gtin = unitGtin(FORMULA);
  const quantity = 30 * UNITS_PER_CASE;
  const note =
    'Brand owner confirmed in writing: hologram seal and batch code do not match any genuine batch. 品牌方书面确认：防伪标与批号均不符。';
  const subjects = [`supplier:${SUPPLIER}`, `lot:${lotId}`];
  const events: NewEvent[] = [
    {
      type: 'delivery.expected',
      payload: {
        deliveryId,
        number: `ASN-${day.replaceAll('-', '')}-07`,
        supplierId: SUPPLIER,
        expectedDate: day,
        // The demo's SSCC scheme (extension 0, prefix 6920001), serial 180.
        ssccs: [`${SSCC_BODY}${gtinCheckDigit(SSCC_BODY)}`],
        lines: [{ lineNo: 1, gtin, quantity, unit: 'EA' }],
      },
      actor: SYSTEM_ACTOR,
      subjects: [`delivery:${deliveryId}`, `supplier:${SUPPLIER}`],
    },
    {
      type: 'delivery.opened',
      payload: { deliveryId, via: 'sscc' },
      actor: inspector,
      subjects: [`delivery:${deliveryId}`],
    },
    {
      type: 'lot.received',
      payload: {
        lotId,
        deliveryId,
        gtin,
        lot: 'GH2409X',
        quantity,
        production: addDays(day, -30),
        expiry: addDays(day, 690),
        receivedOn: day,
      },
      actor: inspector,
      subjects: [`lot:${lotId}`, `delivery:${deliveryId}`, `gtin:${gtin}`],
    },
    {
      type: 'inspection.completed',
      payload: {
        inspectionId,
        lotId,
        severity: 'normal',
        sampleSize: 32,
        critical: 3,
        major: 1,
        minor: 0,
        completedOn: day,
        unitsInspected: 32,
        counterfeitSuspected: true,
      },
      actor: inspector,
      subjects: [`lot:${lotId}`],
    },
    {
      type: 'lot.decided',
      payload: {
        lotId,
        decision: 'reject',
        reason:
          'Counterfeit signals: hologram seal missing, printed expiry differs from the barcode',
        decidedOn: day,
      },
      actor: inspector,
      coActor: manager,
      subjects: [`lot:${lotId}`, `delivery:${deliveryId}`],
    },
    {
      type: 'delivery.closed',
      payload: { deliveryId, receivedUnits: quantity, expectedUnits: quantity, discrepancies: 0 },
      actor: inspector,
      subjects: [`delivery:${deliveryId}`],
    },
    {
      type: 'counterfeit.confirmed',
      payload: { supplierId: SUPPLIER, lotId, inspectionId, note, photos: [] },
      actor: manager,
      reason: note,
      subjects,
    },
  ];
  proposePenalties(
    'counterfeit-confirmed',
    supplier.cumulativeSalesCny,
    defaultPenaltyRules,
  ).forEach((p, i) => {
    const penaltyId = `pen-demo-gh-${i + 1}`;
    events.push(
      {
        type: 'penalty.proposed',
        payload: {
          penaltyId,
          supplierId: SUPPLIER,
          rule: p.ruleId,
          amountCny: p.amountCny,
          basis: p.basis,
          evidence: { lotId, inspectionId, note },
        },
        actor: manager,
        subjects: [...subjects, `penalty:${penaltyId}`],
      },
      {
        type: 'penalty.status-changed',
        payload: {
          penaltyId,
          status: 'confirmed',
          reason:
            'Supply contract clause 12.3; notice served on the supplier. 依供货合同第12.3条，已书面通知供应商。',
        },
        actor: manager,
        subjects: [`penalty:${penaltyId}`, `supplier:${SUPPLIER}`],
      },
    );
  });
  events.push(
    {
      type: 'supplier.standing-changed',
      payload: {
        supplierId: SUPPLIER,
        from: 'approved',
        to: 'suspended',
        reason:
          '1 confirmed counterfeit in 90 days (score 0; acceptance 0 %, 125,000 ppm, 1 lot decided in 90 days)',
        automatic: true,
        source: 'scorecard',
      },
      actor: manager,
      subjects: [`supplier:${SUPPLIER}`],
    },
    {
      type: 'supplier.standing-changed',
      payload: {
        supplierId: SUPPLIER,
        from: 'suspended',
        to: supplier.standing,
        reason:
          'Head office: blacklisted after the confirmed counterfeit infant formula. 总部：因假冒婴儿奶粉列入黑名单。',
        automatic: false,
        source: 'head-office',
      },
      actor: SYSTEM_ACTOR,
      subjects: [`supplier:${SUPPLIER}`],
    },
  );
  return events;
}
