/**
 * Gathers one lot's evidence pack from the station's tables and its log. The tables give the
 * facts as they stand (the lot, the inspection and its units, the last decision); the log gives
 * the references that prove them (seq + hash of every event about the lot or its inspection).
 */
import { z } from 'zod';
import { decision as decisionSchema } from '../../src-shared/events/schemas';
import {
  checkResult,
  DEFECT_CLASSES,
  lotPlan,
  sha256Hex,
  signOff,
  type DefectClass,
} from '../../src-shared/events/schemas-inspection';
import { AppError } from '../api/app-error';
import type { EventRow } from '../store/event-log';
import type { Repos } from '../store/repos';
import type {
  EvidenceCheck,
  EvidenceDecision,
  EvidenceInspection,
  EvidenceLogReference,
  EvidencePackData,
  EvidencePhoto,
} from './evidence-pack-types';

/** Projections hold JSON written from validated events; parsing it again keeps the pack honest. */
const json = <T extends z.ZodType>(schema: T, text: string | null): z.output<T> | null =>
  text === null ? null : schema.parse(JSON.parse(text));

/** More events than any inspection records (Table II-A's largest sample is 2,000 units). */
const MAX_EVENTS = 10_000;

const proposal = decisionSchema.nullable().catch(null);

function logReference(row: EventRow): EvidenceLogReference {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  let detail: string | null = null;
  if (typeof payload.unitNo === 'number') detail = `unit ${payload.unitNo}`;
  else if (typeof payload.decision === 'string') detail = payload.decision;
  return {
    seq: row.seq,
    hash: row.hash,
    type: row.type,
    recordedAt: new Date(row.recorded_at).toISOString(),
    detail,
  };
}

/** Photos cited by an event about the lot other than a unit (e.g. `counterfeit.confirmed`). */
function photosOfEvent(row: EventRow): EvidencePhoto[] {
  if (row.type === 'inspection.unit-recorded') return [];
  const payload = JSON.parse(row.payload) as { photos?: unknown };
  const photos = z.array(sha256Hex).safeParse(payload.photos);
  if (!photos.success) return [];
  const note =
    row.type === 'counterfeit.confirmed' ? 'Counterfeit confirmation 确认假冒' : row.type;
  return photos.data.map((sha256) => ({ sha256, unitNo: null, checkId: null, note }));
}

function userName(repos: Repos, userId: string): string {
  const user = repos.users.byId(userId);
  return user ? `${user.name} (${userId})` : userId;
}

function inspectionOf(repos: Repos, lotId: string): EvidenceInspection | null {
  const row = repos.inspections.latestForLot(lotId);
  if (!row) return null;
  const template = row.template_id ? repos.templates.byId(row.template_id) : undefined;
  // The template as it stands now: labels may have been reworded since, but check ids and
  // classes are what the unit results refer to.
  const checks: EvidenceCheck[] = (template?.checks ?? []).map((c) => ({
    checkId: c.checkId,
    label: c.label,
    labelZh: c.labelZh,
    defectClass: c.defectClass,
    kind: c.kind,
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    ...(c.lower !== undefined ? { lower: c.lower } : {}),
    ...(c.upper !== undefined ? { upper: c.upper } : {}),
  }));
  const units = repos.inspections.units(row.inspection_id).map((u) => ({
    unitNo: u.unit_no,
    unitCode: u.unit_code,
    results: json(z.array(checkResult), u.results) ?? [],
    defective: Object.fromEntries(DEFECT_CLASSES.map((c) => [c, u[c] === 1])) as Record<
      DefectClass,
      boolean
    >,
    photos: json(z.array(sha256Hex), u.photos) ?? [],
  }));
  return {
    inspectionId: row.inspection_id,
    inspectorName: userName(repos, row.inspector),
    templateName: template ? `${template.name} ${template.nameZh}`.trim() : row.template_id,
    startedOn: row.started_on,
    completedOn: row.status === 'completed' && row.completed_on ? row.completed_on : null,
    severity: row.severity,
    plan: json(lotPlan, row.plan),
    seed: row.seed,
    cartonCount: row.carton_count,
    cartons: json(z.array(z.number().int()), row.cartons) ?? [],
    forced: row.forced,
    sampleSize: row.sample_size,
    unitsInspected: row.units_inspected,
    counts: { critical: row.critical, major: row.major, minor: row.minor },
    proposal: proposal.parse(row.proposal),
    reasons: json(z.array(z.string()), row.reasons) ?? [],
    counterfeitSuspected: row.counterfeit_suspected === 1,
    checks,
    units,
  };
}

function decisionOf(repos: Repos, lotId: string): EvidenceDecision | null {
  const row = repos.lots.lastDecision(lotId);
  if (!row) return null;
  const event = repos.events.recent(row.seq + 1, 1)[0];
  const signed = json(signOff, row.sign_off);
  return {
    decision: row.decision,
    reason: row.reason,
    decidedOn: row.decided_on,
    proposal: proposal.parse(row.proposal),
    conditional: row.conditional === 1,
    override: row.override === 1,
    decidedBy: userName(repos, event?.actor ?? row.actor),
    signOff: signed
      ? {
          userId: signed.userId,
          name: signed.name,
          meaning: signed.meaning,
          at: new Date(signed.at).toISOString(),
        }
      : null,
    seq: row.seq,
    hash: row.event_hash ?? event?.hash ?? '',
  };
}

/**
 * The evidence pack of a lot, as plain data for `renderEvidencePack`. A lot without an
 * inspection or a decision still gets a pack (it says so); an unknown lot is `not_found`.
 */
export function evidencePackData(
  repos: Repos,
  lotId: string,
  options: { stationId: string; now?: Date },
): EvidencePackData {
  const lot = repos.lots.byId(lotId);
  if (!lot) throw new AppError('not_found', `No lot with id ${lotId}.`);
  const delivery = repos.deliveries.byId(lot.delivery_id);
  const supplier = delivery ? repos.suppliers.byId(delivery.supplier_id) : undefined;
  if (!delivery || !supplier) {
    throw new AppError('not_found', `The delivery of lot ${lot.lot} is missing from the station.`);
  }
  const sku = repos.skus.byAnyGtin(lot.gtin)?.sku;
  const inspection = inspectionOf(repos, lotId);

  // Everything the log holds about this lot and its inspection, once each, in log order.
  const events = new Map<number, EventRow>();
  const subjects = [
    `lot:${lotId}`,
    ...(inspection ? [`inspection:${inspection.inspectionId}`] : []),
  ];
  for (const subject of subjects) {
    for (const row of repos.events.recent(Number.MAX_SAFE_INTEGER, MAX_EVENTS, subject)) {
      events.set(row.seq, row);
    }
  }
  const rows = [...events.values()].sort((a, b) => a.seq - b.seq);

  const photos: EvidencePhoto[] = [];
  for (const unit of inspection?.units ?? []) {
    for (const sha256 of unit.photos) {
      photos.push({ sha256, unitNo: unit.unitNo, checkId: null, note: null });
    }
  }
  for (const row of rows) photos.push(...photosOfEvent(row));

  return {
    stationId: options.stationId,
    generatedAt: (options.now ?? new Date()).toISOString(),
    delivery: {
      number: delivery.number,
      expectedDate: delivery.expected_date,
      supplierName: supplier.name,
      supplierCode: supplier.code,
    },
    lot: {
      lotId,
      gtin: lot.gtin,
      productName: sku?.name ?? null,
      productNameZh: sku?.name_zh ?? null,
      brand: sku?.brand ?? null,
      lotCode: lot.lot,
      quantity: lot.quantity,
      receivedOn: lot.received_on,
      production: lot.production,
      expiry: lot.expiry,
      bestBefore: lot.best_before,
    },
    inspection,
    decision: decisionOf(repos, lotId),
    photos,
    logReferences: rows.map(logReference),
  };
}
