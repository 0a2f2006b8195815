/**
 * ISO 2859-1 (= ANSI/ASQ Z1.4) single sampling for the intake station: plans, switching rules,
 * spot-check quota and the choice of cartons. Pure functions only: values in, values out.
 */
export {
  CODE_LETTERS,
  INSPECTION_LEVELS,
  TABLE_1_CODE_LETTERS,
  codeLetterFor,
  isCodeLetter,
  isInspectionLevel,
  parseInspectionLevel,
  type CodeLetter,
  type InspectionLevel,
} from './code-letters';
export {
  DEFECT_CLASSES,
  judgeDefectClasses,
  plansForDefectClasses,
  type ClassPlans,
  type ClassPlansRequest,
  type ClassVerdict,
  type ClassesVerdict,
  type DefectClass,
} from './defect-classes';
export { SamplingError, isSamplingError, type SamplingErrorCode } from './errors';
export {
  acceptNumberOneStepTighter,
  isAql,
  judgeLot,
  oneStepTighterAql,
  parseAql,
  parseSeverity,
  planFor,
  resolvePlan,
  toSeverity,
  type AqlInput,
  type LotVerdict,
  type PlanRequest,
  type ResolvedPlan,
  type SamplingPlan,
} from './plan';
export {
  DEFAULT_SPOT_CHECK_QUOTA,
  decideSpotCheck,
  isoWeek,
  recordSpotCheck,
  type IsoWeek,
  type SpotCheckCounts,
  type SpotCheckDecision,
  type SpotCheckRequest,
} from './quota';
export {
  simulate,
  type SimulatedLot,
  type SimulatedLotInput,
  type SimulationRequest,
  type SimulationResult,
} from './simulate';
export {
  SWITCHING_SCORE_FOR_REDUCED,
  applyLotResult,
  approveReducedInspection,
  explainTransition,
  initialSwitchingState,
  nextSwitchingScore,
  reinstateNormalInspection,
  resumeAfterDiscontinuation,
  type LotPlanForSwitching,
  type LotResult,
  type SwitchingOutcome,
  type SwitchingStage,
  type SwitchingState,
  type Transition,
  type TransitionReason,
} from './switching';
export {
  AQL_VALUES,
  SEVERITIES,
  masterCell,
  masterSampleSize,
  masterTableName,
  masterTableRows,
  type AcRe,
  type Aql,
  type MasterCell,
  type PlanCodeLetter,
  type Severity,
} from './tables';
export {
  fnv1a64,
  newSeed,
  selectUnits,
  splitMix64,
  type UnitSelectionRequest,
} from './unit-selection';
