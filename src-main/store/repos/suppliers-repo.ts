import type { DocumentType, SupplierStanding } from '../../../src-shared/events/schemas';
import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { Db } from '../database';

export interface SupplierRow {
  supplier_id: string;
  code: string;
  name: string;
  standing: SupplierStanding;
  contact: string;
  cumulative_sales_cny: number;
}
export interface SupplierDocumentRow {
  supplier_id: string;
  type: DocumentType;
  number: string;
  valid_until: string;
}
export interface SupplierAuditRow {
  supplier_id: string;
  date: string;
  auditor: string;
  score: number;
  result: 'passed' | 'conditional' | 'failed';
  valid_until: string;
}

export function createSuppliersRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO suppliers (supplier_id, code, name, standing, contact, cumulative_sales_cny, updated_seq)
     VALUES (@supplierId, @code, @name, @standing, @contact, @cumulativeSalesCny, @seq)
     ON CONFLICT (supplier_id) DO UPDATE SET code = excluded.code, name = excluded.name, standing = excluded.standing,
       contact = excluded.contact, cumulative_sales_cny = excluded.cumulative_sales_cny, updated_seq = excluded.updated_seq`,
  );
  const clearDocs = db.prepare('DELETE FROM supplier_documents WHERE supplier_id = ?');
  const clearAudits = db.prepare('DELETE FROM supplier_audits WHERE supplier_id = ?');
  const insertDoc = db.prepare(
    'INSERT OR REPLACE INTO supplier_documents (supplier_id, type, number, valid_until) VALUES (?, ?, ?, ?)',
  );
  const insertAudit = db.prepare(
    'INSERT OR REPLACE INTO supplier_audits (supplier_id, date, auditor, score, result, valid_until) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const setStanding = db.prepare(
    'UPDATE suppliers SET standing = ?, updated_seq = ? WHERE supplier_id = ?',
  );
  const byCode = db.prepare<[string], SupplierRow>(
    'SELECT * FROM suppliers WHERE code = ? COLLATE NOCASE',
  );
  const all = db.prepare<[], SupplierRow>('SELECT * FROM suppliers ORDER BY name');
  const byId = db.prepare<[string], SupplierRow>('SELECT * FROM suppliers WHERE supplier_id = ?');
  const docs = db.prepare<[], SupplierDocumentRow>(
    'SELECT * FROM supplier_documents ORDER BY valid_until',
  );
  const docsOf = db.prepare<[string], SupplierDocumentRow>(
    'SELECT * FROM supplier_documents WHERE supplier_id = ? ORDER BY valid_until',
  );
  const audits = db.prepare<[], SupplierAuditRow>('SELECT * FROM supplier_audits ORDER BY date');
  const auditsOf = db.prepare<[string], SupplierAuditRow>(
    'SELECT * FROM supplier_audits WHERE supplier_id = ? ORDER BY date',
  );
  return {
    /** Replaces the supplier and its documents and audits with what the event says. */
    upsert(p: EventPayload<'supplier.upserted'>, seq: number): void {
      upsert.run({ ...p, seq });
      clearDocs.run(p.supplierId);
      clearAudits.run(p.supplierId);
      for (const d of p.documents) insertDoc.run(p.supplierId, d.type, d.number, d.validUntil);
      for (const a of p.audits) {
        insertAudit.run(p.supplierId, a.date, a.auditor, a.score, a.result, a.validUntil);
      }
    },
    /** A standing change (scorecard, manager, head office): the rest of the record stays. */
    setStanding(supplierId: string, standing: SupplierStanding, seq: number): void {
      setStanding.run(standing, seq, supplierId);
    },
    all: (): SupplierRow[] => all.all(),
    byCode: (code: string): SupplierRow | undefined => byCode.get(code),
    byId: (id: string): SupplierRow | undefined => byId.get(id),
    allDocuments: (): SupplierDocumentRow[] => docs.all(),
    documentsOf: (id: string): SupplierDocumentRow[] => docsOf.all(id),
    allAudits: (): SupplierAuditRow[] => audits.all(),
    auditsOf: (id: string): SupplierAuditRow[] => auditsOf.all(id),
  };
}
export type SuppliersRepo = ReturnType<typeof createSuppliersRepo>;
