import type { Db } from '../database';
import type { EventRow } from '../event-log';

/** Read side of the log (the write side is EventLog). */
export function createEventsRepo(db: Db) {
  const recent = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE seq < ? ORDER BY seq DESC LIMIT ?',
  );
  const recentForSubject = db.prepare<[string, number, number], EventRow>(
    `SELECT e.* FROM event_subjects s JOIN events e ON e.seq = s.seq
     WHERE s.subject = ? AND s.seq < ? ORDER BY s.seq DESC LIMIT ?`,
  );
  const recentOfType = db.prepare<[string, string, number], EventRow>(
    `SELECT e.* FROM event_subjects s JOIN events e ON e.seq = s.seq
     WHERE s.subject = ? AND e.type = ? ORDER BY s.seq DESC LIMIT ?`,
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  const maxSeq = db.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM events');
  const all = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq');
  const after = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const payloadsOfTypes = (types: readonly string[]) =>
    db.prepare<(number | string)[], { seq: number; payload: string }>(
      `SELECT seq, payload FROM events WHERE seq > ? AND seq <= ? AND type IN (${types.map(() => '?').join(', ')}) ORDER BY seq`,
    );
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE seq = ?');
  const marker = db.prepare<[string], { seq: number }>('SELECT seq FROM markers WHERE name = ?');
  const setMarker = db.prepare('INSERT OR REPLACE INTO markers (name, seq) VALUES (?, ?)');
  return {
    recent(beforeSeq: number, limit: number, subject?: string): EventRow[] {
      return subject
        ? recentForSubject.all(subject, beforeSeq, limit)
        : recent.all(beforeSeq, limit);
    },
    recentOfType: (subject: string, type: string, limit: number): EventRow[] =>
      recentOfType.all(subject, type, limit),
    /** Events are never deleted and seq has no gaps, so max(seq) is the count (and O(1)). */
    count: (): number => maxSeq.get()?.s ?? 0,
    countRows: (): number => count.get()?.n ?? 0,
    iterateAll: (): IterableIterator<EventRow> => all.iterate(),
    /** Up to `limit` events after `seq`, oldest first (the sync outbox reads its batches so). */
    after: (seq: number, limit: number): EventRow[] => after.all(seq, limit),
    hashAt: (seq: number): string | null => hashAt.get(seq)?.hash ?? null,
    /** Payloads of the events of these types in (after, upTo], oldest first. */
    payloadsOfTypes(types: readonly string[]) {
      const statement = payloadsOfTypes(types);
      return (after: number, upTo: number): { seq: number; payload: string }[] =>
        statement.all(after, upTo, ...types);
    },
    hasMarker: (name: string): boolean => marker.get(name) !== undefined,
    setMarker: (name: string, seq: number): void => {
      setMarker.run(name, seq);
    },
  };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;
