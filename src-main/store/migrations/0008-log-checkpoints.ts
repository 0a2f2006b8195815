import type { Migration } from './migration';

/**
 * Signed checkpoints of the log. Each one states "the log held log_size events, the newest
 * being head_seq with head_hash", signed with the station key. A copy held elsewhere (head
 * office) makes a truncated or rewritten log detectable, which the hash chain alone cannot do:
 * cutting the tail of a chain leaves a valid, shorter chain.
 *
 * Not a projection: the checkpoints are not derived from the events, so `qcs db rebuild`
 * keeps them. `number` runs 1, 2, 3… without gaps (and is signed), so a dropped checkpoint
 * leaves a hole that `log verify` names.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'log-checkpoints',
  sql: `
    CREATE TABLE log_checkpoints (
      number INTEGER PRIMARY KEY,
      station_id TEXT NOT NULL,
      log_size INTEGER NOT NULL,
      head_seq INTEGER NOT NULL,
      head_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      signature TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER log_checkpoints_append_only_update BEFORE UPDATE ON log_checkpoints
    BEGIN SELECT RAISE(ABORT, 'log checkpoints are append-only'); END;
    CREATE TRIGGER log_checkpoints_append_only_delete BEFORE DELETE ON log_checkpoints
    BEGIN SELECT RAISE(ABORT, 'log checkpoints are append-only: nothing is deleted'); END;
  `,
};
