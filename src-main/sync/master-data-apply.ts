import { createHash } from 'node:crypto';
import { stationSettings } from '../../src-shared/api/domain-settings';
import { canonicalJson } from '../store/canonical-json';
import { eventPayloads } from '../../src-shared/events/catalogue';
import { MASTER_KINDS, type MasterChange, type MasterKind } from '../../src-shared/sync/protocol';
import type { EventLog, NewEvent } from '../store/event-log';
import type { Repos } from '../store/repos';

/** Who head office's changes are recorded as in the station's log. */
export const HEAD_OFFICE_ACTOR = 'head-office';

/** Settings head office may set on a station; screen, scanner and camera settings stay local. */
const HEAD_OFFICE_SETTINGS = new Set(['shelfLife', 'supplierQuality', 'inspection', 'sync']);

export interface ApplyResult {
  /** Changes that appended an event (a change equal to what the station has appends none). */
  applied: number;
  /** Changes refused by the station's own schemas, with why: they become dead letters. */
  refused: { cursor: number; kind: MasterKind; key: string; why: string }[];
  /** Settings head office changed: the station re-reads them. */
  settingKeys: string[];
}

function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** The station event a change becomes, or why the station refuses it. */
function toEvent(change: MasterChange): NewEvent | string {
  const type = MASTER_KINDS[change.kind];
  const parsed = eventPayloads[type].safeParse(change.body);
  if (!parsed.success) {
    return parsed.error.issues
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
  }
  if (change.kind === 'setting') {
    const { key, value } = parsed.data as { key: string; value: unknown };
    if (!HEAD_OFFICE_SETTINGS.has(key)) return `the setting "${key}" is the station's own`;
    const shape = stationSettings.shape[key as keyof typeof stationSettings.shape];
    const valid = shape.safeParse(value);
    if (!valid.success)
      return `the value of "${key}" does not fit: ${valid.error.issues[0]?.message}`;
  }
  const event: NewEvent = {
    type,
    payload: parsed.data,
    actor: HEAD_OFFICE_ACTOR,
    subjects: [`${change.kind}:${change.key}`],
    reason: 'Master data from head office',
  };
  return event;
}

/**
 * Applies head office's master data in ONE transaction with the new cursor: either the whole
 * page (or the whole snapshot) and the cursor that says it was applied are committed, or
 * neither — a crash in between cannot skip a change or apply one twice.
 *
 * Head office wins for master data: a change is appended as the station's own event type (with
 * head office as the actor) and the projections follow, as for any event. Nothing the station
 * recorded is changed. In a full refresh, users head office no longer lists are deactivated
 * (a badge that head office withdrew must stop working); suppliers, SKUs and templates it no
 * longer lists are kept, because lots already received refer to them.
 */
export function applyMasterData(
  log: EventLog,
  repos: Repos,
  changes: readonly MasterChange[],
  nextCursor: number,
  fullRefresh: boolean,
): ApplyResult {
  const result: ApplyResult = { applied: 0, refused: [], settingKeys: [] };
  const events: NewEvent[] = [];
  const marks: [MasterKind, string, string, number][] = [];
  // Within one page a key may change twice: only its latest body counts.
  const latest = new Map<string, MasterChange>();
  for (const change of changes) latest.set(`${change.kind}\u0000${change.key}`, change);
  for (const change of latest.values()) {
    const hash = bodyHash(change.body);
    if (repos.sync.appliedHash(change.kind, change.key) === hash) continue;
    const event = toEvent(change);
    if (typeof event === 'string') {
      result.refused.push({
        cursor: change.cursor,
        kind: change.kind,
        key: change.key,
        why: event,
      });
      continue;
    }
    events.push(event);
    marks.push([change.kind, change.key, hash, change.cursor]);
    if (change.kind === 'setting') result.settingKeys.push(change.key);
  }
  log.transaction(() => {
    if (fullRefresh) events.push(...withdrawnUsers(repos, latest));
    if (events.length > 0) log.appendMany(events);
    for (const [kind, key, hash, cursor] of marks) repos.sync.markApplied(kind, key, hash, cursor);
    if (fullRefresh) {
      for (const key of repos.sync.appliedKeys('user')) {
        if (!latest.has(`user\u0000${key}`)) repos.sync.forgetApplied('user', key);
      }
    }
    repos.sync.setMasterCursor(nextCursor);
  });
  result.applied = events.length;
  return result;
}

/** Users head office had sent before but no longer lists: deactivated, not deleted. */
function withdrawnUsers(repos: Repos, latest: ReadonlyMap<string, MasterChange>): NewEvent[] {
  const out: NewEvent[] = [];
  for (const userId of repos.sync.appliedKeys('user')) {
    if (latest.has(`user\u0000${userId}`)) continue;
    const user = repos.users.byId(userId);
    if (!user || user.active === 0) continue;
    out.push({
      type: 'user.upserted',
      payload: {
        userId,
        name: user.name,
        role: user.role,
        badge: user.badge,
        pinHash: user.pin_hash,
        active: false,
      },
      actor: HEAD_OFFICE_ACTOR,
      subjects: [`user:${userId}`],
      reason: 'Withdrawn by head office (full refresh)',
    });
  }
  return out;
}
