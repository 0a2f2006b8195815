import type { Migration } from './index';

/**
 * Head office's first schema. Station data is keyed by (station_id, …) and never numbered by a
 * sequence shared across stations, so `events` can be partitioned by month or distributed by
 * station_id (docs/central-scaling.md) without renumbering anything.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE stations (
  station_id TEXT PRIMARY KEY,
  name TEXT,
  public_key TEXT NOT NULL,
  software_version TEXT,
  enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- Upload high-water mark: every event 1..acked_seq is stored and verified; it never goes down.
  acked_seq BIGINT NOT NULL DEFAULT 0,
  acked_hash TEXT NOT NULL,
  last_contact TIMESTAMPTZ,
  verification_failures INT NOT NULL DEFAULT 0
);

CREATE TABLE enrollment_codes (
  -- SHA-256 of the code: a leaked table does not leak usable codes.
  code_sha256 TEXT PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  used_by TEXT,
  used_at TIMESTAMPTZ
);

CREATE TABLE events (
  station_id TEXT NOT NULL REFERENCES stations (station_id),
  seq BIGINT NOT NULL,
  id TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  co_actor TEXT,
  type TEXT NOT NULL,
  -- subjects and payload: the exact JSON text the station hashed, so hashes can be re-verified.
  subjects TEXT NOT NULL,
  payload TEXT NOT NULL,
  payload_json JSONB NOT NULL,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  signature TEXT,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, seq)
);
CREATE INDEX events_type ON events (type, station_id, seq);
-- "Every event about lot X": subjects @> '["lot:X"]' uses this index.
CREATE INDEX events_subjects ON events USING GIN ((subjects::jsonb) jsonb_path_ops);
CREATE INDEX events_received_at ON events (received_at);

CREATE TABLE checkpoints (
  station_id TEXT NOT NULL REFERENCES stations (station_id),
  number BIGINT NOT NULL,
  log_size BIGINT NOT NULL,
  head_seq BIGINT NOT NULL,
  head_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  signature TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, number)
);

CREATE TABLE photos (
  sha256 TEXT PRIMARY KEY,
  bytes BYTEA NOT NULL,
  size INT NOT NULL,
  stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Master data is head office's own: one global cursor is right here (stations pull by it).
CREATE TABLE master_changes (
  cursor BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  body JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX master_changes_key ON master_changes (kind, key, cursor DESC);

-- One row: a station whose cursor is below floor gets a full snapshot instead of changes.
CREATE TABLE master_refresh (
  singleton INT PRIMARY KEY CHECK (singleton = 1),
  floor BIGINT NOT NULL,
  raised_at TIMESTAMPTZ
);
INSERT INTO master_refresh (singleton, floor) VALUES (1, 0);

CREATE TABLE verification_failures (
  id BIGSERIAL PRIMARY KEY,
  station_id TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  reason TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX verification_failures_station ON verification_failures (station_id, at);
`,
};
