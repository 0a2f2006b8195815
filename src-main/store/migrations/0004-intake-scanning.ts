import type { Migration } from './migration';

/** Scanning at the dock: ad-hoc and refused deliveries, unexpected lines, serials, quarantine. */
export const migration0004: Migration = {
  version: 4,
  name: 'intake-scanning',
  sql: `
    ALTER TABLE deliveries ADD COLUMN ad_hoc INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE deliveries ADD COLUMN flagged_for_review INTEGER NOT NULL DEFAULT 0;
    -- The gate's reasons when refused, as JSON: [{code, en, zh}].
    ALTER TABLE deliveries ADD COLUMN refusal TEXT;
    CREATE INDEX deliveries_status ON deliveries (status, opened_seq);

    -- A line created by a scan of a GTIN the shipping notice did not list.
    ALTER TABLE delivery_lines ADD COLUMN unexpected INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX delivery_lines_gtin ON delivery_lines (delivery_id, gtin);

    ALTER TABLE lots ADD COLUMN best_before TEXT;
    ALTER TABLE lots ADD COLUMN sell_by TEXT;
    ALTER TABLE lots ADD COLUMN packaging TEXT;
    CREATE INDEX lots_delivery ON lots (delivery_id);

    -- Serialised items already counted in a delivery: the same carton twice is not two cartons.
    CREATE TABLE delivery_serials (
      delivery_id TEXT NOT NULL,
      gtin TEXT NOT NULL,
      serial TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (delivery_id, gtin, serial)
    ) STRICT, WITHOUT ROWID;

    -- GTINs no SKU knows: held apart until the inspector identifies them.
    CREATE TABLE quarantine_items (
      delivery_id TEXT NOT NULL,
      gtin TEXT NOT NULL,
      units INTEGER NOT NULL,
      first_seq INTEGER NOT NULL,
      identified_sku_id TEXT,
      PRIMARY KEY (delivery_id, gtin)
    ) STRICT, WITHOUT ROWID;
  `,
};
