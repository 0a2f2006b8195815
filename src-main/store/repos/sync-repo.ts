import type { Db } from '../database';

export interface SyncLinkRow {
  central_url: string;
  enrolled_at: number;
  acked_seq: number;
  acked_hash: string;
  master_cursor: number;
  checkpoints_sent: number;
  photos_scanned_seq: number;
  clock_offset_ms: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  events_paused: string | null;
}

export interface DeadLetterRow {
  id: number;
  at: number;
  kind: string;
  code: string;
  message: string;
  seq: number | null;
  resolved_at: number | null;
  resolved_by: string | null;
}

/** The sync tables (migration 0010): where the upload stands, never derived from the log. */
export function createSyncRepo(db: Db) {
  const link = db.prepare<[], SyncLinkRow>('SELECT * FROM sync_link WHERE singleton = 1');
  const enroll = db.prepare<[string, number, number, string]>(
    `INSERT INTO sync_link (singleton, central_url, enrolled_at, acked_seq, acked_hash)
     VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET central_url = excluded.central_url,
       enrolled_at = excluded.enrolled_at, acked_seq = excluded.acked_seq,
       acked_hash = excluded.acked_hash, events_paused = NULL, last_error = NULL`,
  );
  const setAcked = db.prepare<[number, string]>(
    'UPDATE sync_link SET acked_seq = ?, acked_hash = ? WHERE singleton = 1',
  );
  const setCursor = db.prepare<[number]>(
    'UPDATE sync_link SET master_cursor = ? WHERE singleton = 1',
  );
  const setCheckpointsSent = db.prepare<[number]>(
    'UPDATE sync_link SET checkpoints_sent = ? WHERE singleton = 1',
  );
  const setPhotosScanned = db.prepare<[number]>(
    'UPDATE sync_link SET photos_scanned_seq = ? WHERE singleton = 1',
  );
  const setClockOffset = db.prepare<[number]>(
    'UPDATE sync_link SET clock_offset_ms = ? WHERE singleton = 1',
  );
  const attempted = db.prepare<[number]>(
    'UPDATE sync_link SET last_attempt_at = ? WHERE singleton = 1',
  );
  const succeeded = db.prepare<[number]>(
    'UPDATE sync_link SET last_success_at = ?, last_error = NULL WHERE singleton = 1',
  );
  const failed = db.prepare<[string]>('UPDATE sync_link SET last_error = ? WHERE singleton = 1');
  const pause = db.prepare<[string | null]>(
    'UPDATE sync_link SET events_paused = ? WHERE singleton = 1',
  );
  const applied = db.prepare<[string, string], { body_sha256: string }>(
    'SELECT body_sha256 FROM sync_master_applied WHERE kind = ? AND key = ?',
  );
  const markApplied = db.prepare<[string, string, string, number]>(
    `INSERT INTO sync_master_applied (kind, key, body_sha256, cursor) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET body_sha256 = excluded.body_sha256, cursor = excluded.cursor`,
  );
  const appliedKeys = db.prepare<[string], { key: string }>(
    'SELECT key FROM sync_master_applied WHERE kind = ?',
  );
  const forgetApplied = db.prepare<[string, string]>(
    'DELETE FROM sync_master_applied WHERE kind = ? AND key = ?',
  );
  const queuePhoto = db.prepare<[string, number]>(
    'INSERT OR IGNORE INTO sync_photos (sha256, first_seq) VALUES (?, ?)',
  );
  const pendingPhotos = db.prepare<[number], { sha256: string }>(
    'SELECT sha256 FROM sync_photos WHERE uploaded_at IS NULL ORDER BY first_seq LIMIT ?',
  );
  const countPendingPhotos = db
    .prepare<[], number>('SELECT count(*) FROM sync_photos WHERE uploaded_at IS NULL')
    .pluck();
  const photoUploaded = db.prepare<[number, string]>(
    'UPDATE sync_photos SET uploaded_at = ? WHERE sha256 = ?',
  );
  const addDeadLetter = db.prepare<[number, string, string, string, number | null]>(
    'INSERT INTO sync_dead_letters (at, kind, code, message, seq) VALUES (?, ?, ?, ?, ?)',
  );
  const openDeadLetters = db.prepare<[], DeadLetterRow>(
    'SELECT * FROM sync_dead_letters WHERE resolved_at IS NULL ORDER BY id',
  );
  const resolveDeadLetters = db.prepare<[number, string, string]>(
    'UPDATE sync_dead_letters SET resolved_at = ?, resolved_by = ? WHERE resolved_at IS NULL AND kind = ?',
  );
  return {
    link: (): SyncLinkRow | null => link.get() ?? null,
    enroll(centralUrl: string, at: number, ackedSeq: number, ackedHash: string): void {
      enroll.run(centralUrl, at, ackedSeq, ackedHash);
    },
    setAcked(seq: number, hash: string): void {
      setAcked.run(seq, hash);
    },
    setMasterCursor(cursor: number): void {
      setCursor.run(cursor);
    },
    setCheckpointsSent(number: number): void {
      setCheckpointsSent.run(number);
    },
    setPhotosScanned(seq: number): void {
      setPhotosScanned.run(seq);
    },
    setClockOffset(ms: number): void {
      setClockOffset.run(Math.round(ms));
    },
    attempted(at: number): void {
      attempted.run(at);
    },
    succeeded(at: number): void {
      succeeded.run(at);
    },
    failed(message: string): void {
      failed.run(message);
    },
    pauseEvents(reason: string | null): void {
      pause.run(reason);
    },
    appliedHash: (kind: string, key: string): string | null =>
      applied.get(kind, key)?.body_sha256 ?? null,
    markApplied(kind: string, key: string, bodySha256: string, cursor: number): void {
      markApplied.run(kind, key, bodySha256, cursor);
    },
    appliedKeys: (kind: string): string[] => appliedKeys.all(kind).map((r) => r.key),
    forgetApplied(kind: string, key: string): void {
      forgetApplied.run(kind, key);
    },
    queuePhoto(sha256: string, firstSeq: number): void {
      queuePhoto.run(sha256, firstSeq);
    },
    pendingPhotos: (limit: number): string[] => pendingPhotos.all(limit).map((r) => r.sha256),
    countPendingPhotos: (): number => countPendingPhotos.get() ?? 0,
    photoUploaded(sha256: string, at: number): void {
      photoUploaded.run(at, sha256);
    },
    addDeadLetter(
      at: number,
      kind: string,
      code: string,
      message: string,
      seq: number | null,
    ): void {
      addDeadLetter.run(at, kind, code, message, seq);
    },
    openDeadLetters: (): DeadLetterRow[] => openDeadLetters.all(),
    resolveDeadLetters(at: number, by: string, kind: string): void {
      resolveDeadLetters.run(at, by, kind);
    },
  };
}
export type SyncRepo = ReturnType<typeof createSyncRepo>;
