import type { Migration } from './migration';

/**
 * The station's side of head-office sync. Not projections: none of this is derived from the
 * events (it is where their upload stands), so `qcs db rebuild` keeps it.
 *
 * - sync_link: the enrolled head office and how far it has acknowledged the log. acked_seq
 *   moves only after head office answered that it committed (its ack), never on sending.
 * - sync_master_applied: the last head-office body applied per (kind, key), so a repeated or
 *   unchanged change appends no event.
 * - sync_photos: photos referenced by acknowledged events, queued until head office has them;
 *   the queue survives restarts (upload is resumable per photo).
 * - sync_dead_letters: what head office refused for good, kept and shown until resolved.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'sync',
  sql: `
    CREATE TABLE sync_link (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      central_url TEXT NOT NULL,
      enrolled_at INTEGER NOT NULL,
      acked_seq INTEGER NOT NULL DEFAULT 0,
      acked_hash TEXT NOT NULL,
      master_cursor INTEGER NOT NULL DEFAULT 0,
      checkpoints_sent INTEGER NOT NULL DEFAULT 0,
      photos_scanned_seq INTEGER NOT NULL DEFAULT 0,
      clock_offset_ms INTEGER NOT NULL DEFAULT 0,
      last_attempt_at INTEGER,
      last_success_at INTEGER,
      last_error TEXT,
      -- Set when head office refused the log for good: event upload waits for a person.
      events_paused TEXT
    ) STRICT;

    CREATE TABLE sync_master_applied (
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      body_sha256 TEXT NOT NULL,
      cursor INTEGER NOT NULL,
      PRIMARY KEY (kind, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sync_photos (
      sha256 TEXT PRIMARY KEY,
      first_seq INTEGER NOT NULL,
      uploaded_at INTEGER
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX sync_photos_pending ON sync_photos (first_seq) WHERE uploaded_at IS NULL;

    CREATE TABLE sync_dead_letters (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      seq INTEGER,
      resolved_at INTEGER,
      resolved_by TEXT
    ) STRICT;
  `,
};
