import { addDays, parseIsoDate } from '../util/dates';
import type { IsoDate } from '../util/dates';

/** The GS1 Application Identifiers that carry a date relevant to shelf life. */
export type Gs1DateAi = '17' | '15' | '16' | '11' | '13';

/** Dates already decoded from a GS1 element string (day 00 already made the month's last day). */
export interface Gs1Dates {
  /** AI 17, use by / expiry. */
  readonly expiry?: IsoDate | null;
  /** AI 15, best before. */
  readonly bestBefore?: IsoDate | null;
  /** AI 16, sell by. */
  readonly sellBy?: IsoDate | null;
  /** AI 11, production date. */
  readonly production?: IsoDate | null;
  /** AI 13, packaging date. */
  readonly packaging?: IsoDate | null;
}

export interface Gs1ExpiryPick {
  readonly expiry: IsoDate;
  /** Which AI the expiry came from; 11 or 13 means production + the SKU's shelf life. */
  readonly ai: Gs1DateAi;
  /** AI 11, else AI 13, when present: with a printed expiry it gives the total shelf life. */
  readonly production: IsoDate | null;
  readonly productionAi: '11' | '13' | null;
}

const usable = (date: IsoDate | null | undefined): date is IsoDate =>
  date != null && parseIsoDate(date) !== null;

/**
 * The expiry by GS1 precedence: 17, else 15, else 16, else (11 or 13) + shelfLifeDays.
 * Strings that are not calendar dates count as absent; null when nothing yields an expiry.
 */
export function expiryFromGs1(
  dates: Gs1Dates,
  shelfLifeDays?: number | null,
): Gs1ExpiryPick | null {
  const made: { date: IsoDate; ai: '11' | '13' } | null = usable(dates.production)
    ? { date: dates.production, ai: '11' }
    : usable(dates.packaging)
      ? { date: dates.packaging, ai: '13' }
      : null;
  const production = made?.date ?? null;
  const productionAi = made?.ai ?? null;
  const printed: readonly [IsoDate | null | undefined, Gs1DateAi][] = [
    [dates.expiry, '17'],
    [dates.bestBefore, '15'],
    [dates.sellBy, '16'],
  ];
  for (const [date, ai] of printed) {
    if (usable(date)) return { expiry: date, ai, production, productionAi };
  }
  if (made && isShelfLife(shelfLifeDays)) {
    return { expiry: addDays(made.date, shelfLifeDays), ai: made.ai, production, productionAi };
  }
  return null;
}

function isShelfLife(days: number | null | undefined): days is number {
  return days != null && Number.isInteger(days) && days >= 1;
}
