/**
 * Runs a stream of lots of one supplier × SKU through the plans and the switching rules, starting
 * on normal inspection. Backs `qcs sampling simulate … --json`, whose output is this result
 * serialised as is (the key order of every object below is the order the CLI prints).
 *
 * Each lot is given either as a defect count or as an accepted flag:
 * - `{ defects }`: the lot is judged against the plan of the severity in force for it (accepted when
 *   the count is at most Ac; on a reduced plan a count between Ac and Re is accepted too, and
 *   reinstates normal inspection). The switching score uses the count for the +3 rule.
 * - `{ accepted }`: no count is known. Under plans with Ac 0 or 1 an accepted lot scores +2 as the
 *   standard says. Under plans with Ac ≥ 2 the standard asks whether the lot would also have been
 *   accepted one AQL step tighter, which a flag cannot show, so the lot earns nothing and the score
 *   goes back to 0 (see nextSwitchingScore). Give defect counts to simulate reduced inspection.
 *
 * `switchingScore` of a row is the score after that lot while on normal inspection (including the
 * lot that earned reduced inspection), and 0 for lots inspected on tightened or reduced inspection,
 * where no score is kept. With `allowReduced`, steady production and the QC manager's approval are
 * assumed as soon as the score reaches 30. After discontinuation no further lot is inspected.
 */
import type { InspectionLevel } from './code-letters';
import { SamplingError } from './errors';
import {
  acceptNumberOneStepTighter,
  assertValidDefectCount,
  judgeLot,
  parseAql,
  planFor,
  type AqlInput,
} from './plan';
import {
  applyLotResult,
  initialSwitchingState,
  nextSwitchingScore,
  type LotResult,
} from './switching';
import type { Severity } from './tables';

export type SimulatedLotInput = { accepted: boolean } | { defects: number };

export interface SimulationRequest {
  lotSize: number;
  level: InspectionLevel;
  aql: AqlInput;
  lots: readonly SimulatedLotInput[];
  allowReduced: boolean;
}

export interface SimulatedLot {
  lot: number;
  severity: Severity;
  sampleSize: number;
  accept: number;
  reject: number;
  accepted: boolean;
  switchingScore: number;
}

export interface SimulationResult {
  lots: SimulatedLot[];
  discontinued: boolean;
  discontinuedAfterLot: number | null;
}

export function simulate(request: SimulationRequest): SimulationResult {
  const aql = parseAql(request.aql);
  const rows: SimulatedLot[] = [];
  let state = initialSwitchingState();
  for (const [index, input] of request.lots.entries()) {
    const severity = state.severity;
    const plan = planFor({ lotSize: request.lotSize, level: request.level, aql, severity });
    const lotNumber = index + 1;
    const defects = readDefects(input, lotNumber);
    if (defects !== undefined) assertValidDefectCount(defects, plan.sampleSize);
    const accepted =
      defects !== undefined
        ? judgeLot(plan, defects) !== 'not-accepted'
        : readAccepted(input, lotNumber);
    const result: LotResult = {
      accepted,
      defects,
      plan: {
        accept: plan.accept,
        reject: plan.reject,
        acceptOneStepTighter:
          severity === 'normal' ? acceptNumberOneStepTighter(plan.planCodeLetter, aql) : null,
      },
      productionSteady: true,
      managerApprovesReduced: request.allowReduced,
    };
    const switchingScore =
      severity === 'normal' ? nextSwitchingScore(state.switchingScore, result) : 0;
    state = applyLotResult(state, result).state;
    rows.push({
      lot: lotNumber,
      severity,
      sampleSize: plan.sampleSize,
      accept: plan.accept,
      reject: plan.reject,
      accepted,
      switchingScore,
    });
    if (state.discontinued) {
      return { lots: rows, discontinued: true, discontinuedAfterLot: lotNumber };
    }
  }
  return { lots: rows, discontinued: false, discontinuedAfterLot: null };
}

function readDefects(input: SimulatedLotInput, lotNumber: number): number | undefined {
  if (!('defects' in input)) return undefined;
  if (typeof input.defects !== 'number') throw invalidLot(lotNumber);
  return input.defects;
}

function readAccepted(input: SimulatedLotInput, lotNumber: number): boolean {
  if ('accepted' in input && typeof input.accepted === 'boolean') return input.accepted;
  throw invalidLot(lotNumber);
}

function invalidLot(lotNumber: number): SamplingError {
  return new SamplingError(
    'invalid-lot-result',
    `Lot ${lotNumber} needs either a number of nonconforming units ("defects") or an accepted flag (true or false).`,
  );
}
