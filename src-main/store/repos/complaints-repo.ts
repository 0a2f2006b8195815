import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { Db } from '../database';

export interface ComplaintRow {
  complaint_id: string;
  source: 'customer-service' | 'mystery-buyer' | 'regulator';
  description: string;
  /** JSON array of SHA-256 hex strings. */
  photos: string;
  lot_id: string | null;
  gtin: string | null;
  lot: string | null;
  supplier_id: string | null;
  counterfeit_suspected: number;
  received_on: string;
  recorded_by: string;
  recorded_seq: number;
  inspection_id: string | null;
  status: 'open' | 'confirmed' | 'dismissed';
  counterfeit: number;
  decision_reason: string | null;
  decided_on: string | null;
  decided_by: string | null;
}

export interface ComplaintListRow extends ComplaintRow {
  supplier_name: string | null;
  sku_name: string | null;
}

export interface CapaRow {
  capa_id: string;
  supplier_id: string;
  complaint_id: string | null;
  root_cause: string;
  /** JSON array of strings. */
  actions: string;
  due_date: string;
  status: 'open' | 'verified' | 'closed';
  opened_on: string;
  opened_by: string;
  opened_seq: number;
  /** JSON array of { on, by, kind, note }. */
  notes: string;
  effective: number | null;
  verified_on: string | null;
  closed_on: string | null;
}

export interface CapaListRow extends CapaRow {
  supplier_name: string | null;
}

export interface CapaNote {
  on: string;
  by: string;
  kind: 'updated' | 'verified' | 'closed';
  note: string;
}

interface Filter {
  status: string | null;
  supplierId: string | null;
}

const LIST_SQL = `
  SELECT c.*, s.name AS supplier_name,
    (SELECT k.name FROM sku_packaging p JOIN skus k ON k.sku_id = p.sku_id WHERE p.gtin = c.gtin) AS sku_name
  FROM complaints c LEFT JOIN suppliers s ON s.supplier_id = c.supplier_id`;

const CAPA_SQL = `
  SELECT a.*, s.name AS supplier_name
  FROM corrective_actions a LEFT JOIN suppliers s ON s.supplier_id = a.supplier_id`;

/** `complaints` and `corrective_actions`: customer complaints and the CAPAs asked of suppliers. */
export function createComplaintsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO complaints (complaint_id, source, description, photos, lot_id, gtin, lot, supplier_id,
       counterfeit_suspected, received_on, recorded_by, recorded_seq)
     VALUES (@complaintId, @source, @description, @photos, @lotId, @gtin, @lot, @supplierId,
       @counterfeitSuspected, @receivedOn, @actor, @seq)`,
  );
  const link = db.prepare('UPDATE complaints SET inspection_id = ? WHERE complaint_id = ?');
  const decide = db.prepare(
    `UPDATE complaints SET status = ?, counterfeit = ?, decision_reason = ?, decided_on = ?, decided_by = ?
     WHERE complaint_id = ?`,
  );
  const byId = db.prepare<[string], ComplaintListRow>(`${LIST_SQL} WHERE c.complaint_id = ?`);
  const list = db.prepare<Filter, ComplaintListRow>(
    `${LIST_SQL} WHERE (@status IS NULL OR c.status = @status)
       AND (@supplierId IS NULL OR c.supplier_id = @supplierId)
     ORDER BY c.recorded_seq DESC LIMIT 500`,
  );
  const confirmedSince = db.prepare<[string, string], { received_on: string }>(
    `SELECT received_on FROM complaints
     WHERE supplier_id = ? AND status = 'confirmed' AND received_on >= ? ORDER BY received_on`,
  );
  const insertCapa = db.prepare(
    `INSERT INTO corrective_actions (capa_id, supplier_id, complaint_id, root_cause, actions, due_date,
       opened_on, opened_by, opened_seq)
     VALUES (@capaId, @supplierId, @complaintId, @rootCause, @actions, @dueDate, @openedOn, @actor, @seq)`,
  );
  const capaRow = db.prepare<[string], CapaListRow>(`${CAPA_SQL} WHERE a.capa_id = ?`);
  const capaList = db.prepare<Filter, CapaListRow>(
    `${CAPA_SQL} WHERE (@status IS NULL OR a.status = @status)
       AND (@supplierId IS NULL OR a.supplier_id = @supplierId)
     ORDER BY a.opened_seq DESC LIMIT 500`,
  );
  const capaUpdate = db.prepare(
    `UPDATE corrective_actions SET actions = COALESCE(?, actions), due_date = COALESCE(?, due_date),
       notes = ? WHERE capa_id = ?`,
  );
  const capaVerify = db.prepare(
    // Actions found ineffective leave the CAPA open for more work.
    `UPDATE corrective_actions SET status = CASE WHEN @effective = 1 THEN 'verified' ELSE 'open' END,
       effective = @effective, verified_on = @on, notes = @notes WHERE capa_id = @capaId`,
  );
  const capaClose = db.prepare(
    `UPDATE corrective_actions SET status = 'closed', closed_on = ?, notes = ? WHERE capa_id = ?`,
  );
  const withNote = (capaId: string, note: CapaNote): string => {
    const row = capaRow.get(capaId);
    const notes = row ? (JSON.parse(row.notes) as CapaNote[]) : [];
    return JSON.stringify([...notes, note]);
  };
  return {
    recorded(p: EventPayload<'complaint.recorded'>, seq: number, actor: string): void {
      insert.run({
        ...p,
        photos: JSON.stringify(p.photos),
        counterfeitSuspected: p.counterfeitSuspected ? 1 : 0,
        actor,
        seq,
      });
    },
    linked(p: EventPayload<'complaint.linked'>): void {
      link.run(p.inspectionId, p.complaintId);
    },
    confirmed(p: EventPayload<'complaint.confirmed'>, actor: string): void {
      decide.run('confirmed', p.counterfeit ? 1 : 0, p.reason, p.decidedOn, actor, p.complaintId);
    },
    dismissed(p: EventPayload<'complaint.dismissed'>, actor: string): void {
      decide.run('dismissed', 0, p.reason, p.decidedOn, actor, p.complaintId);
    },
    byId: (complaintId: string): ComplaintListRow | undefined => byId.get(complaintId),
    list: (status: string | null, supplierId: string | null): ComplaintListRow[] =>
      list.all({ status, supplierId }),
    /** The supplier's confirmed complaints received on or after `from` (the scorecard's input). */
    confirmedSince: (supplierId: string, from: string): { received_on: string }[] =>
      confirmedSince.all(supplierId, from),

    capaOpened(p: EventPayload<'corrective-action.opened'>, seq: number, actor: string): void {
      insertCapa.run({ ...p, actions: JSON.stringify(p.actions), actor, seq });
    },
    capaUpdated(p: EventPayload<'corrective-action.updated'>, actor: string): void {
      capaUpdate.run(
        p.actions ? JSON.stringify(p.actions) : null,
        p.dueDate ?? null,
        withNote(p.capaId, { on: p.on, by: actor, kind: 'updated', note: p.note }),
        p.capaId,
      );
    },
    capaVerified(p: EventPayload<'corrective-action.verified'>, actor: string): void {
      capaVerify.run({
        effective: p.effective ? 1 : 0,
        on: p.on,
        notes: withNote(p.capaId, { on: p.on, by: actor, kind: 'verified', note: p.note }),
        capaId: p.capaId,
      });
    },
    capaClosed(p: EventPayload<'corrective-action.closed'>, actor: string): void {
      capaClose.run(
        p.on,
        withNote(p.capaId, { on: p.on, by: actor, kind: 'closed', note: p.note }),
        p.capaId,
      );
    },
    capa: (capaId: string): CapaListRow | undefined => capaRow.get(capaId),
    capas: (status: string | null, supplierId: string | null): CapaListRow[] =>
      capaList.all({ status, supplierId }),
  };
}
export type ComplaintsRepo = ReturnType<typeof createComplaintsRepo>;
