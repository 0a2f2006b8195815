import { v7 as uuidv7 } from 'uuid';
import type {
  CapaStatus,
  CapaView,
  ComplaintSource,
  ComplaintStatus,
  ComplaintView,
} from '../../src-shared/api/domain-complaints';
import { classifyScan } from '../../src-shared/intake/scan-classify';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { CapaListRow, CapaNote, ComplaintListRow } from '../store/repos/complaints-repo';
import type { PenaltyService } from '../suppliers/penalty-service';
import type { SupplierQualityService } from '../suppliers/supplier-quality-service';

export interface ComplaintServiceDeps {
  repos: Repos;
  log: EventLog;
  today: () => string;
  penalties: PenaltyService;
  quality: SupplierQualityService;
}

export interface RecordComplaintInput {
  source: ComplaintSource;
  description: string;
  photos: readonly string[];
  lotId?: string | undefined;
  gtin?: string | undefined;
  lot?: string | undefined;
  scan?: string | undefined;
  counterfeitSuspected: boolean;
}

function complaintOf(c: ComplaintListRow): ComplaintView {
  return {
    complaintId: c.complaint_id,
    source: c.source,
    description: c.description,
    photos: JSON.parse(c.photos) as string[],
    lotId: c.lot_id,
    gtin: c.gtin,
    lot: c.lot,
    skuName: c.sku_name,
    supplierId: c.supplier_id,
    supplierName: c.supplier_name,
    counterfeitSuspected: c.counterfeit_suspected === 1,
    receivedOn: c.received_on,
    recordedBy: c.recorded_by,
    inspectionId: c.inspection_id,
    status: c.status,
    counterfeit: c.counterfeit === 1,
    decisionReason: c.decision_reason,
    decidedOn: c.decided_on,
    decidedBy: c.decided_by,
  };
}

function capaOf(a: CapaListRow, today: string): CapaView {
  return {
    capaId: a.capa_id,
    supplierId: a.supplier_id,
    supplierName: a.supplier_name,
    complaintId: a.complaint_id,
    rootCause: a.root_cause,
    actions: JSON.parse(a.actions) as string[],
    dueDate: a.due_date,
    status: a.status,
    overdue: a.status === 'open' && a.due_date < today,
    openedOn: a.opened_on,
    openedBy: a.opened_by,
    effective: a.effective === null ? null : a.effective === 1,
    verifiedOn: a.verified_on,
    closedOn: a.closed_on,
    notes: JSON.parse(a.notes) as CapaNote[],
  };
}

/**
 * Customer complaints, traced to the lot they concern, and the corrective actions (CAPA) asked
 * of suppliers. A complaint a QC manager confirms counts on the supplier's scorecard; a confirmed
 * counterfeit goes through the penalty ledger's own counterfeit confirmation.
 */
export class ComplaintService {
  constructor(private readonly d: ComplaintServiceDeps) {}

  get(complaintId: string): ComplaintView {
    const c = this.d.repos.complaints.byId(complaintId);
    if (!c) throw new AppError('not_found', `No complaint with id ${complaintId}.`);
    return complaintOf(c);
  }

  list(filter: { status?: ComplaintStatus | undefined; supplierId?: string | undefined }) {
    return this.d.repos.complaints
      .list(filter.status ?? null, filter.supplierId ?? null)
      .map(complaintOf);
  }

  /** The lot of a complaint: by id, by GTIN + lot number, or from the returned item's barcode. */
  private resolveLot(input: RecordComplaintInput): {
    lotId: string | null;
    gtin: string | null;
    lot: string | null;
    supplierId: string | null;
  } {
    const recalls = this.d.repos.recalls;
    if (input.lotId) {
      const row = recalls.lot(input.lotId);
      if (!row) throw new AppError('not_found', `No lot with id ${input.lotId}.`);
      return { lotId: row.lot_id, gtin: row.gtin, lot: row.lot, supplierId: row.supplier_id };
    }
    let gtin = input.gtin ?? null;
    let lot = input.lot ?? null;
    if (input.scan) {
      const { meaning } = classifyScan(input.scan, this.d.today());
      if (meaning.kind !== 'product' && meaning.kind !== 'pallet-content')
        throw new AppError(
          'invalid_input',
          'The scan is not a product barcode: scan the GS1 barcode of the returned item, or type its GTIN and lot.',
        );
      gtin = meaning.kind === 'product' ? meaning.gtin : meaning.contentGtin;
      lot = meaning.lot;
      if (!lot)
        throw new AppError(
          'invalid_input',
          'The barcode carries no lot number: type the lot number printed on the item.',
        );
    }
    if (!gtin || !lot)
      throw new AppError('invalid_input', 'Give the lot: scan the item, or type GTIN and lot.');
    const [row] = recalls.byGtinLot(gtin, lot);
    // A lot this station never received (a fake with an invented lot number) is still recorded.
    return row
      ? { lotId: row.lot_id, gtin: row.gtin, lot: row.lot, supplierId: row.supplier_id }
      : { lotId: null, gtin, lot, supplierId: null };
  }

  record(input: RecordComplaintInput, actor: string): ComplaintView {
    const target = this.resolveLot(input);
    const complaintId = `cmp-${uuidv7()}`;
    this.d.log.append({
      type: 'complaint.recorded',
      payload: {
        complaintId,
        source: input.source,
        description: input.description.trim(),
        photos: [...input.photos],
        ...target,
        counterfeitSuspected: input.counterfeitSuspected,
        receivedOn: this.d.today(),
      },
      actor,
      subjects: [
        `complaint:${complaintId}`,
        ...(target.lotId ? [`lot:${target.lotId}`] : []),
        ...(target.supplierId ? [`supplier:${target.supplierId}`] : []),
        ...(target.gtin ? [`gtin:${target.gtin}`] : []),
      ],
    });
    return this.get(complaintId);
  }

  link(input: { complaintId: string; inspectionId?: string | undefined }, actor: string) {
    const c = this.get(input.complaintId);
    let inspectionId = input.inspectionId ?? null;
    if (!inspectionId) {
      if (!c.lotId)
        throw new AppError('refused', 'The complaint has no lot: name the inspection to link.');
      inspectionId = this.d.repos.inspections.latestForLot(c.lotId)?.inspection_id ?? null;
      if (!inspectionId)
        throw new AppError('not_found', 'The lot of this complaint was never inspected.');
    }
    this.d.log.append({
      type: 'complaint.linked',
      payload: { complaintId: c.complaintId, inspectionId },
      actor,
      subjects: [`complaint:${c.complaintId}`, `inspection:${inspectionId}`],
    });
    return this.get(c.complaintId);
  }

  /**
   * Confirms or dismisses an open complaint. Confirmation, the counterfeit confirmation with its
   * penalties, and the supplier's standing review go in one transaction.
   */
  decide(
    input: {
      complaintId: string;
      decision: 'confirm' | 'dismiss';
      reason: string;
      counterfeit: boolean;
    },
    actor: string,
  ): ComplaintView {
    const c = this.get(input.complaintId);
    if (c.status !== 'open')
      throw new AppError('conflict', `This complaint is already ${c.status}.`);
    const reason = input.reason.trim();
    const subjects = [
      `complaint:${c.complaintId}`,
      ...(c.lotId ? [`lot:${c.lotId}`] : []),
      ...(c.supplierId ? [`supplier:${c.supplierId}`] : []),
    ];
    if (input.decision === 'dismiss') {
      this.d.log.append({
        type: 'complaint.dismissed',
        payload: { complaintId: c.complaintId, reason, decidedOn: this.d.today() },
        actor,
        reason,
        subjects,
      });
      return this.get(c.complaintId);
    }
    if (input.counterfeit && !c.lotId)
      throw new AppError(
        'refused',
        'The complaint has no lot received here: a counterfeit can be charged to a supplier only through its lot.',
      );
    this.d.log.transaction(() => {
      this.d.log.append({
        type: 'complaint.confirmed',
        payload: {
          complaintId: c.complaintId,
          reason,
          counterfeit: input.counterfeit,
          decidedOn: this.d.today(),
        },
        actor,
        reason,
        subjects,
      });
      if (input.counterfeit && c.lotId && !this.d.repos.supplierQuality.counterfeits.byLot(c.lotId))
        this.d.penalties.confirmCounterfeit(
          {
            lotId: c.lotId,
            note: `Complaint ${c.complaintId} (${c.source}): ${reason}`.slice(0, 1000),
            photos: c.photos,
          },
          actor,
          { complaintId: c.complaintId },
        );
      else if (c.supplierId) this.d.quality.reviewStanding(c.supplierId, actor);
    });
    return this.get(c.complaintId);
  }

  // Corrective actions

  capa(capaId: string): CapaView {
    const a = this.d.repos.complaints.capa(capaId);
    if (!a) throw new AppError('not_found', `No corrective action with id ${capaId}.`);
    return capaOf(a, this.d.today());
  }

  capas(filter: { status?: CapaStatus | undefined; supplierId?: string | undefined }) {
    const today = this.d.today();
    return this.d.repos.complaints
      .capas(filter.status ?? null, filter.supplierId ?? null)
      .map((a) => capaOf(a, today));
  }

  openCapa(
    input: {
      supplierId?: string | undefined;
      complaintId?: string | undefined;
      rootCause: string;
      actions: readonly string[];
      dueDate: string;
    },
    actor: string,
  ): CapaView {
    const complaint = input.complaintId ? this.get(input.complaintId) : null;
    const supplierId = input.supplierId ?? complaint?.supplierId ?? null;
    if (!supplierId)
      throw new AppError('invalid_input', 'The complaint has no supplier: choose the supplier.');
    if (complaint?.supplierId && complaint.supplierId !== supplierId)
      throw new AppError('invalid_input', 'The complaint is about another supplier.');
    if (!this.d.repos.suppliers.byId(supplierId))
      throw new AppError('not_found', `No supplier with id ${supplierId}.`);
    const today = this.d.today();
    if (input.dueDate < today)
      throw new AppError('invalid_input', 'The due date must not be in the past.');
    const capaId = `capa-${uuidv7()}`;
    this.d.log.append({
      type: 'corrective-action.opened',
      payload: {
        capaId,
        supplierId,
        complaintId: complaint?.complaintId ?? null,
        rootCause: input.rootCause.trim(),
        actions: input.actions.map((a) => a.trim()),
        dueDate: input.dueDate,
        openedOn: today,
      },
      actor,
      subjects: [
        `capa:${capaId}`,
        `supplier:${supplierId}`,
        ...(complaint ? [`complaint:${complaint.complaintId}`] : []),
      ],
    });
    return this.capa(capaId);
  }

  private openOnly(capaId: string, what: string): CapaView {
    const a = this.capa(capaId);
    if (a.status === 'closed')
      throw new AppError('conflict', `This corrective action is closed: it cannot be ${what}.`);
    return a;
  }

  updateCapa(
    input: {
      capaId: string;
      note: string;
      actions?: readonly string[] | undefined;
      dueDate?: string | undefined;
    },
    actor: string,
  ): CapaView {
    const a = this.openOnly(input.capaId, 'updated');
    this.d.log.append({
      type: 'corrective-action.updated',
      payload: {
        capaId: a.capaId,
        note: input.note.trim(),
        ...(input.actions ? { actions: input.actions.map((x) => x.trim()) } : {}),
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
        on: this.d.today(),
      },
      actor,
      subjects: [`capa:${a.capaId}`, `supplier:${a.supplierId}`],
    });
    return this.capa(a.capaId);
  }

  verifyCapa(input: { capaId: string; effective: boolean; note: string }, actor: string) {
    const a = this.openOnly(input.capaId, 'verified');
    this.d.log.append({
      type: 'corrective-action.verified',
      payload: {
        capaId: a.capaId,
        effective: input.effective,
        note: input.note.trim(),
        on: this.d.today(),
      },
      actor,
      subjects: [`capa:${a.capaId}`, `supplier:${a.supplierId}`],
    });
    return this.capa(a.capaId);
  }

  closeCapa(input: { capaId: string; note: string }, actor: string): CapaView {
    const a = this.openOnly(input.capaId, 'closed again');
    if (a.status !== 'verified' || a.effective !== true)
      throw new AppError(
        'refused',
        'Only a corrective action verified effective can be closed: verify it first.',
      );
    this.d.log.append({
      type: 'corrective-action.closed',
      payload: { capaId: a.capaId, note: input.note.trim(), on: this.d.today() },
      actor,
      subjects: [`capa:${a.capaId}`, `supplier:${a.supplierId}`],
    });
    return this.capa(a.capaId);
  }
}
