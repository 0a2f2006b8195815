import type { EventPayload, EventType } from '../../src-shared/events/catalogue';
import type { Db } from './database';
import { eventFromRow, type EventRow, type Projector, type StoredEvent } from './event-log';
import { projectionTables } from './migrations';
import type { Repos } from './repos';

/** How one domain turns events into its tables. Several domains may handle the same type. */
export type ProjectionHandlers = {
  [T in EventType]?: (payload: EventPayload<T>, event: StoredEvent, repos: Repos) => void;
};

type AnyHandler = (payload: unknown, event: StoredEvent, repos: Repos) => void;

export function createProjector(repos: Repos, domains: readonly ProjectionHandlers[]): Projector {
  const byType = new Map<string, AnyHandler[]>();
  for (const domain of domains) {
    for (const [type, handler] of Object.entries(domain)) {
      const list = byType.get(type) ?? [];
      list.push(handler as AnyHandler);
      byType.set(type, list);
    }
  }
  return (event, payload) => {
    const handlers = byType.get(event.type);
    if (handlers) for (const h of handlers) h(payload, event, repos);
  };
}

/**
 * Empties every projection table and replays the whole log through the projector, in one
 * transaction: either the tables are rebuilt from the log, or they are left as they were.
 */
export function rebuildProjections(
  db: Db,
  project: Projector,
  onProgress?: (seq: number) => void,
): number {
  const insertSubject = db.prepare(
    'INSERT OR IGNORE INTO event_subjects (subject, seq) VALUES (?, ?)',
  );
  // A second connection-level statement is needed: iterate() holds the connection busy.
  const rows = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  return db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const table of projectionTables) db.prepare(`DELETE FROM ${table}`).run();
    let last = 0;
    let count = 0;
    for (;;) {
      const page = rows.all(last, 5000);
      if (page.length === 0) break;
      for (const row of page) {
        const event = eventFromRow(row);
        for (const subject of event.subjects) insertSubject.run(subject, event.seq);
        project(event, JSON.parse(row.payload));
        last = row.seq;
        count += 1;
      }
      onProgress?.(last);
    }
    return count;
  })();
}
