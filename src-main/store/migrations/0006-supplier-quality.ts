import type { Migration } from './migration';

/** Supplier quality: standing history, delivery performance, confirmed counterfeits, penalties. */
export const migration0006: Migration = {
  version: 6,
  name: 'supplier-quality',
  sql: `
    -- Every standing change on record: the scorecard's, a manager's, head office's.
    CREATE TABLE supplier_standing_history (
      seq INTEGER PRIMARY KEY,
      supplier_id TEXT NOT NULL,
      changed_on TEXT NOT NULL,
      from_standing TEXT NOT NULL,
      to_standing TEXT NOT NULL,
      reason TEXT NOT NULL,
      automatic INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('scorecard', 'switching', 'manager', 'head-office')),
      actor TEXT NOT NULL
    ) STRICT;
    CREATE INDEX supplier_standing_history_supplier ON supplier_standing_history (supplier_id, seq);

    -- How each delivery went for the scorecard: arrived when (the earliest receipt date of its
    -- lots, else the day it was opened) against the expected date, and whether it closed short.
    CREATE TABLE delivery_performance (
      delivery_id TEXT PRIMARY KEY,
      supplier_id TEXT NOT NULL,
      expected_date TEXT NOT NULL,
      arrived_on TEXT,
      closed_on TEXT,
      short_lines INTEGER NOT NULL DEFAULT 0,
      refused INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX delivery_performance_supplier ON delivery_performance (supplier_id, arrived_on);

    CREATE TABLE counterfeit_confirmations (
      seq INTEGER PRIMARY KEY,
      lot_id TEXT NOT NULL,
      supplier_id TEXT NOT NULL,
      inspection_id TEXT,
      note TEXT NOT NULL,
      photos TEXT NOT NULL,        -- JSON array of SHA-256 hashes
      confirmed_on TEXT NOT NULL,
      actor TEXT NOT NULL
    ) STRICT;
    CREATE INDEX counterfeit_confirmations_supplier ON counterfeit_confirmations (supplier_id, confirmed_on);
    CREATE INDEX counterfeit_confirmations_lot ON counterfeit_confirmations (lot_id);

    CREATE TABLE penalties (
      penalty_id TEXT PRIMARY KEY,
      supplier_id TEXT NOT NULL,
      rule TEXT NOT NULL,
      amount_cny REAL NOT NULL,
      basis TEXT NOT NULL,
      lot_id TEXT,
      inspection_id TEXT,
      note TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'paid', 'waived')),
      proposed_on TEXT NOT NULL,
      proposed_by TEXT NOT NULL,
      proposed_seq INTEGER NOT NULL,
      status_reason TEXT,
      status_changed_on TEXT,
      status_changed_by TEXT,
      updated_seq INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX penalties_supplier ON penalties (supplier_id, proposed_seq);
  `,
};
