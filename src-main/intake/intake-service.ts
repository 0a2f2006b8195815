import type { DeliverySummary, LotSummary } from '../../src-shared/api/domain-intake';
import type { LotStatus } from '../../src-shared/events/schemas';
import type { Repos } from '../store/repos';

export class IntakeService {
  constructor(
    private readonly repos: Repos,
    private readonly today: () => string,
  ) {}

  deliveries(date?: string): DeliverySummary[] {
    return this.repos.deliveries.forDay(date ?? this.today()).map((d) => ({
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
    }));
  }

  lots(status: LotStatus | undefined, limit: number): LotSummary[] {
    return this.repos.lots.recent(status, limit).map((l) => ({
      lotId: l.lot_id,
      deliveryId: l.delivery_id,
      deliveryNumber: l.delivery_number,
      supplierName: l.supplier_name,
      gtin: l.gtin,
      skuName: l.sku_name,
      category: l.category,
      lot: l.lot,
      quantity: l.quantity,
      expiry: l.expiry,
      status: l.status,
      receivedOn: l.received_on,
    }));
  }
}
