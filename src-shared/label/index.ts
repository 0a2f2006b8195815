export type {
  CandidateKind,
  DatePattern,
  LabelCandidate,
  LabelContext,
  LabelData,
  LabelDate,
  LabelDateStatus,
  LabelWarning,
  LabelWarningCode,
  ShelfLifeStatement,
  ShelfLifeUnit,
} from './types';
export type { DayOrder, DayOrderContext } from './day-order';
export { dayOrderFor } from './day-order';
export { parseLabelDate } from './date-formats';
export { extractLabelData } from './extract';
export { addCalendarMonths } from './shelf-life-statement';
