export type {
  AcceptanceRule,
  AlertRule,
  BindingRule,
  Fraction,
  RemovalBand,
  ShelfLifeRules,
  ShelfLifeRulesOverride,
} from './rules';
export {
  alertLeadFor,
  defaultShelfLifeRules,
  minRemainingDaysFor,
  removalWindowFor,
  resolveRules,
} from './rules';
export type { RuleProblem, RuleProblemCode } from './validate-rules';
export { validateRules } from './validate-rules';
export type { AcceptanceReason, AcceptanceReasonCode, ReasonLanguage } from './reasons';
export { preview, renderReason } from './reasons';
export type {
  DateSource,
  ShelfLifeError,
  ShelfLifeErrorCode,
  ShelfLifeEvaluation,
  ShelfLifeInput,
  ShelfLifeJson,
  ShelfLifeResult,
} from './evaluate';
export { evaluateShelfLife, toShelfLifeJson } from './evaluate';
export type { Gs1DateAi, Gs1Dates, Gs1ExpiryPick } from './gs1-dates';
export { expiryFromGs1 } from './gs1-dates';
export { toCalendarDate } from './entered-date';
export type { FefoLot, PullStatus } from './board';
export { compareFefo, pullStatus } from './board';
