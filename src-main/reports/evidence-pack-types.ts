/** The evidence pack as plain data: what `evidencePackData` gathers and `renderEvidencePack` prints. */
import type { DefectClass, LotPlan } from '../../src-shared/events/schemas-inspection';

export type DecisionName = 'accept' | 'reject' | 'hold';

export interface EvidenceCheck {
  checkId: string;
  label: string;
  labelZh: string;
  /** Null for a result whose check is no longer in the template. */
  defectClass: DefectClass | null;
  kind: string;
  unit?: string;
  lower?: number;
  upper?: number;
}

export interface EvidenceCheckResult {
  checkId: string;
  passed: boolean;
  value?: number;
  readings?: number[];
  choice?: string;
  note?: string;
}

export interface EvidenceUnit {
  unitNo: number;
  unitCode: string | null;
  results: EvidenceCheckResult[];
  /** The unit counted as defective in these classes (ISO 2859-1 counts units, not defects). */
  defective: Record<DefectClass, boolean>;
  photos: string[];
}

export interface EvidenceInspection {
  inspectionId: string;
  inspectorName: string;
  templateName: string | null;
  startedOn: string | null;
  completedOn: string | null;
  severity: string;
  /** Null for history recorded as a summary (counts only). */
  plan: LotPlan | null;
  seed: string | null;
  cartonCount: number | null;
  /** Cartons opened (1-based), as drawn from the seed. */
  cartons: number[];
  forced: string | null;
  sampleSize: number;
  unitsInspected: number | null;
  /** Defective units per class. */
  counts: Record<DefectClass, number>;
  proposal: DecisionName | null;
  reasons: string[];
  counterfeitSuspected: boolean;
  checks: EvidenceCheck[];
  units: EvidenceUnit[];
}

export interface EvidenceSignOff {
  userId: string;
  name: string;
  meaning: string;
  /** ISO timestamp. */
  at: string;
}

export interface EvidenceDecision {
  decision: DecisionName;
  reason: string;
  decidedOn: string;
  proposal: DecisionName | null;
  conditional: boolean;
  override: boolean;
  decidedBy: string;
  signOff: EvidenceSignOff | null;
  seq: number;
  hash: string;
}

export interface EvidencePhoto {
  sha256: string;
  unitNo: number | null;
  /** The check the photo documents, when that is recorded. */
  checkId: string | null;
  /** Where it comes from when not a unit ("counterfeit confirmation"). */
  note: string | null;
}

export interface EvidenceLogReference {
  seq: number;
  hash: string;
  type: string;
  /** ISO timestamp. */
  recordedAt: string;
  /** "unit 3", "reject"… */
  detail: string | null;
}

/** Everything printed in a pack, as plain values (see evidencePackData for the station's). */
export interface EvidencePackData {
  stationId: string;
  /** ISO timestamp of printing. */
  generatedAt: string;
  delivery: {
    number: string;
    expectedDate: string;
    supplierName: string;
    supplierCode: string;
  };
  lot: {
    lotId: string;
    gtin: string;
    productName: string | null;
    productNameZh: string | null;
    brand: string | null;
    lotCode: string;
    quantity: number;
    receivedOn: string;
    production: string | null;
    expiry: string | null;
    bestBefore: string | null;
  };
  inspection: EvidenceInspection | null;
  decision: EvidenceDecision | null;
  photos: EvidencePhoto[];
  logReferences: EvidenceLogReference[];
}
