/**
 * The after-sales registers (complaints, corrective actions, recalls) and the user list as CSV
 * tables, beside the intake tables of csv-export.ts. Registers read oldest first; the
 * repositories list newest first, so the rows are reversed.
 */
import { z } from 'zod';
import type { Repos } from '../store/repos';
import { userSummary } from '../users/user-admin';
import type { Cell, Table } from './csv-table';
import { yesNo } from './csv-table';

const stringList = z.array(z.string());
/** A JSON list of strings as the projections write it from validated events. */
const listOf = (json: string): string[] => {
  const parsed = stringList.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [json];
};

/** Complaints (the 500 most recent, as the complaints screen lists them), oldest first. */
export function complaints(repos: Repos): Table {
  const names = repos.users.names();
  const rows = repos.complaints.list(null, null).reverse();
  return {
    columns: [
      'complaint_id',
      'received_on',
      'source',
      'status',
      'description',
      'gtin',
      'sku',
      'lot',
      'lot_id',
      'supplier',
      'counterfeit_suspected',
      'counterfeit_confirmed',
      'inspection_id',
      'photos',
      'decision_reason',
      'decided_on',
      'decided_by',
      'recorded_by',
    ],
    rows: rows.map((c): Cell[] => [
      c.complaint_id,
      c.received_on,
      c.source,
      c.status,
      c.description,
      c.gtin,
      c.sku_name,
      c.lot,
      c.lot_id,
      c.supplier_name,
      yesNo(c.counterfeit_suspected),
      c.status === 'confirmed' ? yesNo(c.counterfeit) : '',
      c.inspection_id,
      listOf(c.photos).length,
      c.decision_reason,
      c.decided_on,
      c.decided_by ? (names.get(c.decided_by) ?? c.decided_by) : '',
      names.get(c.recorded_by) ?? c.recorded_by,
    ]),
  };
}

/** Corrective and preventive actions asked of suppliers (the 500 most recent), oldest first. */
export function capas(repos: Repos): Table {
  const names = repos.users.names();
  const rows = repos.complaints.capas(null, null).reverse();
  return {
    columns: [
      'capa_id',
      'supplier',
      'complaint_id',
      'status',
      'root_cause',
      'actions',
      'due_date',
      'opened_on',
      'opened_by',
      'effective',
      'verified_on',
      'closed_on',
    ],
    rows: rows.map((a): Cell[] => [
      a.capa_id,
      a.supplier_name ?? a.supplier_id,
      a.complaint_id,
      a.status,
      a.root_cause,
      listOf(a.actions).join('; '),
      a.due_date,
      a.opened_on,
      names.get(a.opened_by) ?? a.opened_by,
      a.effective === null ? '' : yesNo(a.effective),
      a.verified_on,
      a.closed_on,
    ]),
  };
}

/** Recalls with their progress: lots in the recall, found, pulled. */
export function recalls(repos: Repos): Table {
  const names = repos.users.names();
  const rows = repos.recalls.list().reverse();
  return {
    columns: [
      'recall_id',
      'opened_on',
      'reason',
      'criteria',
      'status',
      'lots',
      'found',
      'pulled',
      'opened_by',
      'closed_on',
      'close_note',
    ],
    rows: rows.map((r): Cell[] => [
      r.recall_id,
      r.opened_on,
      r.reason,
      r.criteria,
      r.status,
      r.lots,
      r.found ?? 0,
      r.pulled ?? 0,
      names.get(r.opened_by) ?? r.opened_by,
      r.closed_on,
      r.close_note,
    ]),
  };
}

/** The station's users as the admin list shows them: never a PIN hash. */
export function users(repos: Repos, now: Date): Table {
  return {
    columns: [
      'user_id',
      'name',
      'role',
      'badge',
      'active',
      'failed_attempts',
      'locked_until',
      'last_sign_in',
    ],
    rows: repos.users
      .all()
      .map((row) => userSummary(row, repos.events, now.getTime()))
      .map((u): Cell[] => [
        u.userId,
        u.name,
        u.role,
        u.badge,
        yesNo(u.active),
        u.failedAttempts,
        u.lockedUntil,
        u.lastSignInAt,
      ]),
  };
}
