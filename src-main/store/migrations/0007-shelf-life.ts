import type { Migration } from './migration';

/**
 * Shelf life on the lot: its verdict at receipt, its removal and alert dates, and where it
 * stands in stock. The board reads lots in stock by removal date, so one index covers its
 * filter and its order (first expiry, first out).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'shelf-life',
  sql: `
    ALTER TABLE lots ADD COLUMN total_days INTEGER;
    ALTER TABLE lots ADD COLUMN removal_window_days INTEGER;
    ALTER TABLE lots ADD COLUMN removal_date TEXT;
    ALTER TABLE lots ADD COLUMN alert_date TEXT;
    ALTER TABLE lots ADD COLUMN remaining_days INTEGER;
    ALTER TABLE lots ADD COLUMN min_remaining_days INTEGER;
    ALTER TABLE lots ADD COLUMN shelf_acceptable INTEGER;
    ALTER TABLE lots ADD COLUMN shelf_reason_en TEXT;
    ALTER TABLE lots ADD COLUMN shelf_reason_zh TEXT;
    ALTER TABLE lots ADD COLUMN date_source TEXT;
    ALTER TABLE lots ADD COLUMN expiry_basis TEXT;
    ALTER TABLE lots ADD COLUMN stock_status TEXT NOT NULL DEFAULT 'in-stock';
    ALTER TABLE lots ADD COLUMN location_note TEXT;
    CREATE INDEX lots_board ON lots (stock_status, removal_date, received_on);
  `,
};
