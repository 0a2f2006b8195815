import { daysBetween } from '../util/dates';
import type { IsoDate } from '../util/dates';

/** Where a lot sits on the shelf-life board, by how far away its removal date is. */
export type PullStatus = 'overdue' | 'this-week' | 'next-30-days' | 'later';

/**
 * Rolling windows from today, not calendar weeks, so the board never shrinks to a day on a
 * Sunday: removal date already past → overdue; today to 6 days ahead → this week (a lot whose
 * removal date is today is pulled today, on time); 7–30 days → next 30 days; beyond → later.
 */
export function pullStatus(lot: { readonly removalDate: IsoDate }, today: IsoDate): PullStatus {
  const daysLeft = daysBetween(today, lot.removalDate);
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 6) return 'this-week';
  if (daysLeft <= 30) return 'next-30-days';
  return 'later';
}

export interface FefoLot {
  readonly removalDate: IsoDate;
  readonly received: IsoDate;
}

/**
 * First expired, first out: the lot that must leave sale first is picked first; between equal
 * removal dates the older receipt goes first. `YYYY-MM-DD` strings sort as dates.
 */
export function compareFefo(a: FefoLot, b: FefoLot): number {
  if (a.removalDate !== b.removalDate) return a.removalDate < b.removalDate ? -1 : 1;
  if (a.received !== b.received) return a.received < b.received ? -1 : 1;
  return 0;
}
