import type { EventPayload } from '../../src-shared/events/catalogue';
import { AppError } from '../api/app-error';
import type { Repos } from '../store/repos';

/** The printed slip the driver takes back when the dock refuses a delivery, rebuilt from the log. */
export class RefusalSlips {
  constructor(
    private readonly repos: Repos,
    private readonly stationId: string,
  ) {}

  async render(deliveryId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const delivery = this.repos.deliveries.byId(deliveryId);
    if (!delivery) throw new AppError('not_found', `No delivery with id ${deliveryId}.`);
    if (delivery.status !== 'refused') {
      throw new AppError(
        'conflict',
        `Delivery ${delivery.number} was not refused: there is no refusal slip.`,
      );
    }
    const refusal = this.repos.events.recentOfType(
      `delivery:${deliveryId}`,
      'delivery.refused',
      1,
    )[0];
    const supplier = this.repos.suppliers.byId(delivery.supplier_id);
    if (!refusal || !supplier)
      throw new AppError('not_found', 'The refusal is missing from the log.');
    const payload = JSON.parse(refusal.payload) as EventPayload<'delivery.refused'>;
    const inspector = this.repos.users.byId(refusal.actor);
    // pdfkit and the CJK font load only when a slip is printed, not at every start.
    const { renderRefusalSlip } = await import('../reports/refusal-slip');
    const pdf = await renderRefusalSlip({
      stationId: this.stationId,
      deliveryNumber: delivery.number,
      supplierCode: supplier.code,
      supplierName: supplier.name,
      standing: supplier.standing === 'suspended' ? 'suspended' : 'blacklisted',
      reason: payload.reasons.map((r) => r.en).join(' '),
      reasonZh: payload.reasons.map((r) => r.zh).join(''),
      refusedAt: new Date(refusal.recorded_at).toISOString(),
      inspectorName: inspector?.name ?? refusal.actor,
      eventSeq: refusal.seq,
      eventHash: refusal.hash,
      lines: this.repos.deliveries.lines(deliveryId).map((l) => ({
        gtin: l.gtin,
        description: l.sku_name ?? l.gtin,
        quantity: l.expected_qty,
        unit: l.unit,
      })),
    });
    return { fileName: `refusal-slip-${delivery.number}.pdf`, pdf };
  }
}
