import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { Db } from '../database';

/** A lot's shelf-life columns (the verdict at receipt and its place in stock). */
export interface LotShelfRow {
  lot_id: string;
  gtin: string;
  lot: string;
  status: string;
  expiry: string | null;
  production: string | null;
  best_before: string | null;
  sell_by: string | null;
  packaging: string | null;
  received_on: string;
  total_days: number | null;
  removal_window_days: number | null;
  removal_date: string | null;
  alert_date: string | null;
  remaining_days: number | null;
  min_remaining_days: number | null;
  shelf_acceptable: number | null;
  shelf_reason_en: string | null;
  shelf_reason_zh: string | null;
  date_source: 'barcode' | 'label' | 'manual' | null;
  expiry_basis: 'stated' | 'production-plus-shelf-life' | null;
  stock_status: 'in-stock' | 'pulled' | 'sold-out' | 'moved';
  location_note: string | null;
}

/**
 * One lot on the shelf-life board, as the lots table has it. Its supplier and SKU names come
 * from `boardSupplier` and `boardSku`: the board's few hundred deliveries and few dozen SKUs are
 * looked up once each per board instead of joined into each of up to 100,000 rows.
 */
export interface BoardSqlRow {
  lot_id: string;
  delivery_id: string;
  gtin: string;
  lot: string;
  quantity: number;
  received_on: string;
  expiry: string;
  removal_date: string;
  alert_date: string;
  location_note: string | null;
}

/** The names a board row shows for its GTIN (null when no SKU owns the GTIN). */
export interface BoardSku {
  sku_name: string;
  sku_name_zh: string | null;
  category: string;
}

/**
 * Lots in stock: received and not returned to the supplier (awaiting inspection, on hold or
 * accepted, also conditionally), and not pulled, sold out or moved away. A lot waiting at the
 * dock expires like any other. `ORDER BY removal_date, received_on` is the first-expiry-first-out
 * order, served by the `lots_board` index together with the filter.
 */
export const BOARD_SQL = `
  SELECT l.lot_id, l.delivery_id, l.gtin, l.lot, l.quantity, l.received_on, l.expiry,
    l.removal_date, l.alert_date, l.location_note
  FROM lots l
  WHERE l.stock_status = 'in-stock' AND l.removal_date <= ? AND l.status <> 'rejected'
  ORDER BY l.removal_date, l.received_on`;

export function createShelfLifeRepo(db: Db) {
  const byId = db.prepare<[string], LotShelfRow>(
    `SELECT lot_id, gtin, lot, status, expiry, production, best_before, sell_by, packaging,
       received_on, total_days, removal_window_days, removal_date, alert_date, remaining_days,
       min_remaining_days, shelf_acceptable, shelf_reason_en, shelf_reason_zh, date_source,
       expiry_basis, stock_status, location_note
     FROM lots WHERE lot_id = ?`,
  );
  const evaluated = db.prepare(
    `UPDATE lots SET expiry = @expiry, production = COALESCE(@production, production),
       total_days = @totalDays, removal_window_days = @removalWindowDays,
       removal_date = @removalDate, alert_date = @alertDate, remaining_days = @remainingDays,
       min_remaining_days = @minRemainingDays, shelf_acceptable = @acceptable,
       shelf_reason_en = @reasonEn, shelf_reason_zh = @reasonZh, date_source = @dateSource,
       expiry_basis = @expiryBasis
     WHERE lot_id = @lotId`,
  );
  const stock = db.prepare(
    'UPDATE lots SET stock_status = ?, location_note = COALESCE(?, location_note) WHERE lot_id = ?',
  );
  const board = db.prepare<[string], BoardSqlRow>(BOARD_SQL);
  const boardSupplier = db.prepare<[string], { name: string }>(
    `SELECT s.name FROM deliveries d JOIN suppliers s ON s.supplier_id = d.supplier_id
     WHERE d.delivery_id = ?`,
  );
  const boardSku = db.prepare<[string], BoardSku>(
    `SELECT k.name AS sku_name, k.name_zh AS sku_name_zh, k.category
     FROM sku_packaging p JOIN skus k ON k.sku_id = p.sku_id WHERE p.gtin = ?`,
  );
  return {
    byId: (lotId: string): LotShelfRow | undefined => byId.get(lotId),
    evaluated(p: EventPayload<'lot.shelf-life-evaluated'>): void {
      evaluated.run({
        lotId: p.lotId,
        expiry: p.expiry,
        production: p.production,
        totalDays: p.totalDays,
        removalWindowDays: p.removalWindowDays,
        removalDate: p.removalDate,
        alertDate: p.alertDate,
        remainingDays: p.remainingDays,
        minRemainingDays: p.minRemainingDays,
        acceptable: p.acceptable ? 1 : 0,
        reasonEn: p.reason.en,
        reasonZh: p.reason.zh,
        dateSource: p.dateSource,
        expiryBasis: p.expiryBasis,
      });
    },
    stockChanged(p: EventPayload<'lot.stock-changed'>): void {
      stock.run(p.status, p.locationNote, p.lotId);
    },
    /** Lots in stock whose removal date is on or before `until`, in FEFO order. */
    board: (until: string): BoardSqlRow[] => board.all(until),
    /** The supplier's name of a delivery on the board (null: no such delivery or supplier). */
    boardSupplier: (deliveryId: string): string | null =>
      boardSupplier.get(deliveryId)?.name ?? null,
    /** The SKU names of a GTIN on the board (null: no SKU owns it). */
    boardSku: (gtin: string): BoardSku | null => boardSku.get(gtin) ?? null,
  };
}
export type ShelfLifeRepo = ReturnType<typeof createShelfLifeRepo>;
