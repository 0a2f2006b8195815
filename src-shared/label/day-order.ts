/** Which number comes first in `03/04/2027` when the year is last. */
export type DayOrder = 'day-first' | 'month-first';

export interface DayOrderContext {
  /** BCP 47-ish language of the label: 'zh', 'zh-CN', 'en', 'en-US', 'de'… */
  readonly language?: string;
  /** The SKU's market: 'CN', 'US', 'EU', or an ISO 3166 country code. */
  readonly market?: string;
}

// Markets that write day/month/year. The US writes month/day/year. Anything else is unknown:
// better an "ambiguous" warning than a guess (Canada, for one, uses both).
const DAY_FIRST_MARKETS = new Set([
  'CN',
  'HK',
  'MO',
  'EU',
  'GB',
  'UK',
  'IE',
  'AU',
  'NZ',
  'IN',
  'SG',
  'MY',
  'TH',
  'VN',
  'ID',
  'DE',
  'FR',
  'IT',
  'ES',
  'PT',
  'NL',
  'BE',
  'LU',
  'AT',
  'CH',
  'DK',
  'SE',
  'NO',
  'FI',
  'IS',
  'PL',
  'CZ',
  'SK',
  'HU',
  'SI',
  'HR',
  'RO',
  'BG',
  'GR',
  'CY',
  'MT',
  'EE',
  'LV',
  'LT',
  'RU',
  'UA',
  'TR',
  'BR',
  'MX',
  'AR',
]);
const MONTH_FIRST_MARKETS = new Set(['US']);

const DAY_FIRST_LANGUAGES = new Set([
  'zh',
  'de',
  'fr',
  'it',
  'es',
  'pt',
  'nl',
  'da',
  'sv',
  'nb',
  'no',
  'fi',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'ru',
  'uk',
  'tr',
  'vi',
  'th',
  'id',
  'ms',
]);
// English outside the US (en-GB, en-AU…) is day-first; bare 'en' and en-CA say nothing.
const UNKNOWN_ENGLISH = new Set(['en', 'en-ca']);

function fromLanguage(language: string | undefined): DayOrder | null {
  if (!language) return null;
  const tag = language.toLowerCase().replace('_', '-');
  if (tag === 'en-us') return 'month-first';
  if (UNKNOWN_ENGLISH.has(tag)) return null;
  if (tag.startsWith('en-')) return 'day-first';
  return DAY_FIRST_LANGUAGES.has(tag.split('-')[0] ?? '') ? 'day-first' : null;
}

function fromMarket(market: string | undefined): DayOrder | null {
  if (!market) return null;
  const code = market.toUpperCase();
  if (MONTH_FIRST_MARKETS.has(code)) return 'month-first';
  return DAY_FIRST_MARKETS.has(code) ? 'day-first' : null;
}

/**
 * The order the label's language and the SKU's market agree on. One known and the other
 * silent: the known one. Both known and different (a Chinese label on a US SKU): null, and
 * the reader reports the date as ambiguous rather than pick one.
 */
export function dayOrderFor(context: DayOrderContext): DayOrder | null {
  const byLanguage = fromLanguage(context.language);
  const byMarket = fromMarket(context.market);
  if (byLanguage && byMarket) return byLanguage === byMarket ? byLanguage : null;
  return byLanguage ?? byMarket;
}
