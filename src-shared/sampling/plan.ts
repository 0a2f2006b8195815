/**
 * Choosing a single sampling plan: Table 1 code letter, then the master table of the current
 * severity, following arrows to the first plan below or above. The plan's own sample size is used
 * (not the code letter's), and 100 % inspection replaces sampling when that sample is the whole lot.
 */
import {
  assertValidLotSize,
  codeLetterFor,
  isInspectionLevel,
  parseInspectionLevel,
  type CodeLetter,
  type InspectionLevel,
} from './code-letters';
import { SamplingError } from './errors';
import {
  AQL_VALUES,
  SEVERITIES,
  masterCell,
  masterSampleSize,
  masterTableName,
  masterTableRows,
  type AcRe,
  type Aql,
  type PlanCodeLetter,
  type Severity,
} from './tables';

/**
 * An AQL as people and other processes give it: a printed column heading ('0.65', '1.0') or its
 * numeric value (0.65, 1). parseAql maps it to the column, or refuses it.
 */
export type AqlInput = number | string;

export interface PlanRequest {
  lotSize: number;
  level: InspectionLevel;
  /** An AQL column of the master tables: '0.65', 0.65 and '.65' all mean the same column. */
  aql: AqlInput;
  /** Defaults to normal inspection, where every new supplier × SKU starts. */
  severity?: Severity;
}

export interface SamplingPlan {
  /** Table 1 code letter for this lot size and inspection level. */
  codeLetter: CodeLetter;
  /** Units to pull: the plan's sample size, or the lot size under 100 % inspection. */
  sampleSize: number;
  /** Ac: the lot is accepted with this many nonconforming units or fewer. */
  accept: number;
  /** Re: the lot is not accepted with this many nonconforming units or more. */
  reject: number;
  /** True when the plan's sample is at least the lot: inspect every unit, judge with Ac/Re. */
  inspectAll: boolean;
  /** Row of the plan actually used after following arrows (may differ from codeLetter; S = 3150). */
  planCodeLetter: PlanCodeLetter;
}

export function isAql(value: unknown): value is Aql {
  return typeof value === 'string' && (AQL_VALUES as readonly string[]).includes(value);
}

/** Maps a numeric AQL to its printed column heading; rejects AQLs the tables do not have. */
export function parseAql(value: AqlInput): Aql {
  const numeric = typeof value === 'number' ? value : Number(value.trim());
  const match = Number.isFinite(numeric)
    ? AQL_VALUES.find((label) => Number(label) === numeric)
    : undefined;
  if (match !== undefined) return match;
  throw new SamplingError(
    'unknown-aql',
    `AQL ${String(value)} is not in the ISO 2859-1 sampling tables. Choose one of ${AQL_VALUES.join(', ')} (percent nonconforming).`,
  );
}

export function parseSeverity(value: string): Severity {
  const normalised = value.trim().toLowerCase();
  const match = SEVERITIES.find((s) => s === normalised);
  if (match !== undefined) return match;
  throw new SamplingError(
    'unknown-severity',
    `"${value}" is not an inspection severity. Use normal, tightened or reduced.`,
  );
}

/** Accepts a typed severity or, from untyped callers, its spelling in any case. */
export function toSeverity(value: string): Severity {
  return SEVERITIES.find((s) => s === value) ?? parseSeverity(String(value));
}

/** The next smaller AQL column (one step tighter), or null at 0.010. */
export function oneStepTighterAql(aql: Aql): Aql | null {
  const index = AQL_VALUES.indexOf(aql);
  return index > 0 ? (AQL_VALUES[index - 1] ?? null) : null;
}

export interface ResolvedPlan extends AcRe {
  readonly planCodeLetter: PlanCodeLetter;
  readonly sampleSize: number;
}

/**
 * Follows the arrows of a master table from (code letter, AQL) to the plan to use.
 *
 * Two printed arrows point off the table, and we resolve them the way the standard's users do:
 * - Tables II-A and II-C, code letter A at AQL 10: the up arrow has no row above it. It is read
 *   downward, to code letter C (normal n = 5, 1/2; reduced n = 2, 0/2), as the AQL Inspector's Rule
 *   notes say ("AQL 10 and code letter A: normal and reduced use code letter C, tightened D") and
 *   as AQLSchemes resolves it.
 * - Code letter R at AQL 0.015 has nothing below it, so the tables print an up arrow there; it
 *   leads to code letter P (normal 800, tightened Q 1250, reduced 315), as the same notes say.
 */
export function resolvePlan(severity: Severity, codeLetter: CodeLetter, aql: Aql): ResolvedPlan {
  const rows = masterTableRows(severity);
  let index = rows.indexOf(codeLetter);
  const start = masterCell(severity, codeLetter, aql);
  if (start.kind === 'plan') return planAt(severity, codeLetter, start);
  if (start.kind === 'none') throw damaged(severity, codeLetter, aql);
  let step = start.kind === 'down' ? 1 : -1;
  if (step === -1 && index === 0) step = 1;
  for (index += step; index >= 0 && index < rows.length; index += step) {
    const row = rows[index];
    if (row === undefined) break;
    const cell = masterCell(severity, row, aql);
    if (cell.kind === 'plan') return planAt(severity, row, cell);
    if (cell.kind === 'none') break;
  }
  throw damaged(severity, codeLetter, aql);
}

function planAt(severity: Severity, row: PlanCodeLetter, acRe: AcRe): ResolvedPlan {
  const sampleSize = masterSampleSize(severity, row);
  if (sampleSize === undefined) throw new Error(`${masterTableName(severity)} has no row ${row}`);
  return { planCodeLetter: row, sampleSize, accept: acRe.accept, reject: acRe.reject };
}

function damaged(severity: Severity, codeLetter: CodeLetter, aql: Aql): Error {
  // Only a corrupted table gets here: tables.test.ts resolves every cell of every table.
  return new Error(
    `${masterTableName(severity)}: no plan reachable from ${codeLetter} / AQL ${aql}`,
  );
}

export function planFor(request: PlanRequest): SamplingPlan {
  const { lotSize } = request;
  assertValidLotSize(lotSize);
  const level = isInspectionLevel(request.level)
    ? request.level
    : parseInspectionLevel(String(request.level));
  const aql = parseAql(request.aql);
  const severity = toSeverity(request.severity ?? 'normal');
  const codeLetter = codeLetterFor(lotSize, level);
  const plan = resolvePlan(severity, codeLetter, aql);
  const inspectAll = plan.sampleSize >= lotSize;
  return {
    codeLetter,
    sampleSize: inspectAll ? lotSize : plan.sampleSize,
    accept: plan.accept,
    reject: plan.reject,
    inspectAll,
    planCodeLetter: plan.planCodeLetter,
  };
}

/**
 * Ac of the normal-inspection plan one AQL step tighter, for the same sample: the same row of
 * Table II-A (the row of the plan actually used, so the sample size is the one inspected), next
 * column to the left. The switching score (ISO 2859-1:1999 §9.3.3.2) asks whether the lot "would
 * have been accepted if the AQL had been one step tighter". For every plan with Ac ≥ 2 that cell is
 * a plan on the same row; null means there is no such plan (Ac ≤ 1 plans, or AQL 0.010).
 */
export function acceptNumberOneStepTighter(
  planCodeLetter: PlanCodeLetter,
  aql: Aql,
): number | null {
  const tighter = oneStepTighterAql(aql);
  if (tighter === null) return null;
  const cell = masterCell('normal', planCodeLetter, tighter);
  return cell.kind === 'plan' ? cell.accept : null;
}

/**
 * accepted: count ≤ Ac. not-accepted: count ≥ Re. accepted-reinstate-normal: Ac < count < Re, which
 * only the reduced plans allow (Z1.4 §10.1.4: the lot is accepted, normal inspection is reinstated).
 */
export type LotVerdict = 'accepted' | 'accepted-reinstate-normal' | 'not-accepted';

export function judgeLot(plan: AcRe, defects: number): LotVerdict {
  assertValidDefectCount(defects);
  if (defects <= plan.accept) return 'accepted';
  if (defects >= plan.reject) return 'not-accepted';
  return 'accepted-reinstate-normal';
}

export function assertValidDefectCount(defects: number, sampleSize?: number): void {
  if (!Number.isSafeInteger(defects) || defects < 0) {
    throw new SamplingError(
      'invalid-defect-count',
      `The number of nonconforming units must be a whole number, 0 or more (got ${String(defects)}).`,
    );
  }
  if (sampleSize !== undefined && defects > sampleSize) {
    throw new SamplingError(
      'invalid-defect-count',
      `${defects} nonconforming units were recorded but only ${sampleSize} units were inspected.`,
    );
  }
}
