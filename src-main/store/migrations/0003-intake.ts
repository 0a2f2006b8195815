import type { Migration } from './migration';

/** Intake projections: deliveries and their lines, lots, inspections. */
export const migration0003: Migration = {
  version: 3,
  name: 'intake',
  sql: `
    CREATE TABLE deliveries (
      delivery_id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      supplier_id TEXT NOT NULL REFERENCES suppliers (supplier_id),
      expected_date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('expected', 'open', 'closed', 'refused')),
      opened_seq INTEGER,
      closed_seq INTEGER
    ) STRICT;
    CREATE INDEX deliveries_expected_date ON deliveries (expected_date);

    CREATE TABLE delivery_ssccs (
      sscc TEXT PRIMARY KEY,
      delivery_id TEXT NOT NULL REFERENCES deliveries (delivery_id)
    ) STRICT;

    CREATE TABLE delivery_lines (
      delivery_id TEXT NOT NULL REFERENCES deliveries (delivery_id),
      line_no INTEGER NOT NULL,
      gtin TEXT NOT NULL,
      expected_qty INTEGER NOT NULL,
      unit TEXT NOT NULL,
      received_qty INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (delivery_id, line_no)
    ) STRICT;

    CREATE TABLE lots (
      lot_id TEXT PRIMARY KEY,
      delivery_id TEXT NOT NULL REFERENCES deliveries (delivery_id),
      gtin TEXT NOT NULL,
      lot TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      expiry TEXT,
      production TEXT,
      status TEXT NOT NULL,
      received_on TEXT NOT NULL,
      received_seq INTEGER NOT NULL,
      UNIQUE (delivery_id, gtin, lot)
    ) STRICT;
    CREATE INDEX lots_gtin_lot ON lots (gtin, lot);
    CREATE INDEX lots_status ON lots (status, received_seq);

    -- Scans have no table of their own: they are events, found through event_subjects
    -- (delivery:…, lot:…, gtin:…), and their effect lands on lots and delivery lines.

    CREATE TABLE inspections (
      inspection_id TEXT PRIMARY KEY,
      lot_id TEXT NOT NULL REFERENCES lots (lot_id),
      severity TEXT NOT NULL,
      sample_size INTEGER NOT NULL,
      critical INTEGER NOT NULL,
      major INTEGER NOT NULL,
      minor INTEGER NOT NULL,
      completed_on TEXT NOT NULL,
      inspector TEXT NOT NULL
    ) STRICT;
    CREATE INDEX inspections_lot ON inspections (lot_id);

    CREATE TABLE lot_decisions (
      lot_id TEXT NOT NULL REFERENCES lots (lot_id),
      seq INTEGER NOT NULL,
      decision TEXT NOT NULL,
      reason TEXT NOT NULL,
      decided_on TEXT NOT NULL,
      actor TEXT NOT NULL,
      PRIMARY KEY (lot_id, seq)
    ) STRICT;
  `,
};
