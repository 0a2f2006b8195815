import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'event-log',
  sql: `
    -- The station's identity: exactly one row, written at first start.
    CREATE TABLE station (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      station_id TEXT NOT NULL,
      public_key TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    -- The log is the truth. seq has no gaps; hash = SHA-256 of the row's canonical JSON
    -- (RFC 8785) including prev_hash; signature = Ed25519 over hash, present on the last event
    -- of every committed append (the chain makes it cover every earlier event of that append).
    CREATE TABLE events (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      station_id TEXT NOT NULL,
      recorded_at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      co_actor TEXT,
      type TEXT NOT NULL,
      subjects TEXT NOT NULL,
      payload TEXT NOT NULL,
      reason TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      signature TEXT
    ) STRICT;

    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only: corrections are new events'); END;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only: nothing is deleted'); END;

    -- Projection: one-off facts the station looks up by name (e.g. demo data loaded).
    CREATE TABLE markers (
      name TEXT PRIMARY KEY,
      seq INTEGER NOT NULL
    ) STRICT;

    -- Projection: which events concern which subject (lot:…, delivery:…), for trace queries.
    CREATE TABLE event_subjects (
      subject TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (subject, seq)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      seq INTEGER NOT NULL
    ) STRICT;
  `,
};
