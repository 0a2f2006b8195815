import { lotSummaryOf } from '../inspection/inspection-views';
import { v7 as uuidv7 } from 'uuid';
import type {
  CloseSummary,
  DeliveryDetail,
  DeliverySummary,
  LotSummary,
  OpenResult,
} from '../../src-shared/api/domain-intake';
import type { LotStatus } from '../../src-shared/events/schemas';
import {
  defaultGatePolicy,
  evaluateSupplierGate,
  type GatePolicy,
  type GateResult,
} from '../../src-shared/intake/supplier-gate';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { DeliveryRow } from '../store/repos/deliveries-repo';
import { deliveryDetailOf, deliverySummaryOf } from './delivery-view';

export type OpenVia = 'number' | 'sscc' | 'list' | 'ad-hoc';

/** An SSCC as typed or scanned: 18 digits, optionally behind its AI (00). */
const SSCC = /^(?:\(?00\)?)?(\d{18})$/;

/**
 * Deliveries at the dock: opening (through the supplier gate), ad-hoc receipts, quarantine,
 * closing with the discrepancies on record. Every step is an event.
 */
export class IntakeService {
  constructor(
    private readonly repos: Repos,
    private readonly log: EventLog,
    private readonly today: () => string,
    private readonly gatePolicy: () => GatePolicy = () => defaultGatePolicy,
  ) {}

  deliveries(date?: string): DeliverySummary[] {
    const activeId = this.repos.deliveries.active()?.delivery_id ?? null;
    return this.repos.deliveries
      .forDay(date ?? this.today())
      .map((d) => deliverySummaryOf(d, activeId));
  }

  lots(status: LotStatus | undefined, limit: number): LotSummary[] {
    return this.repos.lots.recent(status, limit).map(lotSummaryOf);
  }

  gate(supplierId: string): GateResult {
    const supplier = this.repos.suppliers.byId(supplierId);
    if (!supplier) throw new AppError('not_found', `No supplier with id ${supplierId}.`);
    return evaluateSupplierGate(
      {
        name: supplier.name,
        standing: supplier.standing,
        documents: this.repos.suppliers
          .documentsOf(supplierId)
          .map((d) => ({ type: d.type, validUntil: d.valid_until })),
        audits: this.repos.suppliers
          .auditsOf(supplierId)
          .map((a) => ({ date: a.date, validUntil: a.valid_until })),
      },
      this.today(),
      this.gatePolicy(),
    );
  }

  detail(deliveryId: string): DeliveryDetail {
    return deliveryDetailOf(this.repos, deliveryId, (supplierId) => this.gate(supplierId));
  }

  active(): DeliveryDetail | null {
    const active = this.repos.deliveries.active();
    return active ? this.detail(active.delivery_id) : null;
  }

  /** The delivery a typed or scanned code names: its number, or one of its pallets' SSCCs. */
  findByCode(code: string): { delivery: DeliveryRow; via: OpenVia } | null {
    const sscc = SSCC.exec(code.trim())?.[1];
    if (sscc) {
      const delivery = this.repos.deliveries.bySscc(sscc);
      if (delivery) return { delivery, via: 'sscc' };
    }
    const delivery = this.repos.deliveries.byNumber(code.trim());
    return delivery ? { delivery, via: 'number' } : null;
  }

  open(input: { deliveryId: string } | { code: string }, actor: string): OpenResult {
    let delivery: DeliveryRow | undefined;
    let via: OpenVia = 'list';
    if ('deliveryId' in input) {
      delivery = this.repos.deliveries.byId(input.deliveryId);
    } else {
      const found = this.findByCode(input.code);
      delivery = found?.delivery;
      via = found?.via ?? 'number';
      if (!delivery) {
        throw new AppError(
          'not_found',
          `No delivery with the number or SSCC "${input.code}". To receive it anyway, create an ad-hoc delivery.`,
        );
      }
    }
    if (!delivery) throw new AppError('not_found', 'No such delivery.');
    return this.openDelivery(delivery, via, actor);
  }

  /** Opens or re-activates a delivery, unless the supplier gate refuses it (which is recorded). */
  openDelivery(delivery: DeliveryRow, via: OpenVia, actor: string): OpenResult {
    if (delivery.status === 'closed') {
      throw new AppError('conflict', `Delivery ${delivery.number} is already closed.`);
    }
    if (delivery.status === 'refused')
      return { status: 'refused', detail: this.detail(delivery.delivery_id) };
    const gate = this.gate(delivery.supplier_id);
    const subjects = [`delivery:${delivery.delivery_id}`, `supplier:${delivery.supplier_id}`];
    if (gate.verdict === 'refuse') {
      const supplier = this.repos.suppliers.byId(delivery.supplier_id);
      this.log.append({
        type: 'delivery.refused',
        payload: {
          deliveryId: delivery.delivery_id,
          supplierId: delivery.supplier_id,
          standing: supplier?.standing ?? 'unknown',
          reasons: gate.reasons
            .filter((r) => r.verdict === 'refuse')
            .map(({ code, en, zh }) => ({ code, en, zh })),
        },
        actor,
        subjects,
      });
      return { status: 'refused', detail: this.detail(delivery.delivery_id) };
    }
    this.log.append({
      type: 'delivery.opened',
      payload: { deliveryId: delivery.delivery_id, via },
      actor,
      subjects,
    });
    return { status: 'opened', detail: this.detail(delivery.delivery_id) };
  }

  createAdHoc(
    input: { supplierId: string; number?: string | undefined; reason: string },
    actor: string,
  ): OpenResult {
    if (!this.repos.suppliers.byId(input.supplierId)) {
      throw new AppError('not_found', `No supplier with id ${input.supplierId}.`);
    }
    const today = this.today();
    let number = input.number?.trim();
    if (number && this.repos.deliveries.byNumber(number)) {
      throw new AppError(
        'conflict',
        `A delivery numbered ${number} already exists: open it instead.`,
      );
    }
    if (!number) {
      let n = 1;
      do number = `ADHOC-${today.replaceAll('-', '')}-${String(n++).padStart(2, '0')}`;
      while (this.repos.deliveries.byNumber(number));
    }
    const deliveryId = `dlv-${uuidv7()}`;
    return this.log.transaction(() => {
      this.log.append({
        type: 'delivery.created',
        payload: {
          deliveryId,
          number,
          supplierId: input.supplierId,
          expectedDate: today,
          reason: input.reason,
        },
        actor,
        subjects: [`delivery:${deliveryId}`, `supplier:${input.supplierId}`],
        reason: input.reason,
      });
      const created = this.repos.deliveries.byId(deliveryId);
      if (!created) throw new Error('ad-hoc delivery not projected');
      return this.openDelivery(created, 'ad-hoc', actor);
    });
  }

  identify(
    input: { deliveryId: string; gtin: string; skuId: string },
    actor: string,
  ): DeliveryDetail {
    const item = this.repos.quarantine.get(input.deliveryId, input.gtin);
    if (!item)
      throw new AppError('not_found', `GTIN ${input.gtin} is not in this delivery's quarantine.`);
    if (!this.repos.skus.all().some((k) => k.sku_id === input.skuId)) {
      throw new AppError('not_found', `No SKU with id ${input.skuId}.`);
    }
    this.log.append({
      type: 'quarantine.identified',
      payload: input,
      actor,
      subjects: [`delivery:${input.deliveryId}`, `gtin:${input.gtin}`, `sku:${input.skuId}`],
    });
    return this.detail(input.deliveryId);
  }

  closePreview(deliveryId: string): CloseSummary {
    return this.detail(deliveryId).summary;
  }

  /** Closes an open delivery; the summary with every discrepancy goes into the event. */
  close(deliveryId: string, actor: string): CloseSummary {
    const delivery = this.repos.deliveries.byId(deliveryId);
    if (!delivery) throw new AppError('not_found', `No delivery with id ${deliveryId}.`);
    if (delivery.status !== 'open') {
      throw new AppError(
        'conflict',
        `Delivery ${delivery.number} is ${delivery.status}; only an open delivery can be closed.`,
      );
    }
    const summary = this.closePreview(deliveryId);
    this.log.append({
      type: 'delivery.closed',
      payload: {
        deliveryId,
        receivedUnits: summary.receivedUnits,
        expectedUnits: summary.expectedUnits,
        discrepancies: summary.discrepancies.length,
        details: summary.discrepancies.map(({ kind, gtin, expected, received, en }) => ({
          kind,
          gtin,
          expected,
          received,
          en,
        })),
      },
      actor,
      subjects: [`delivery:${deliveryId}`, `supplier:${delivery.supplier_id}`],
    });
    return summary;
  }
}
