import type { PreparedLine } from './normalize';

export type KeywordKind = 'expiry' | 'production' | 'lot' | 'shelf-life';

/**
 * Which kind of end date a keyword announces, in the order GS1 ranks them (AI 17 use-by
 * before 15 best-before before 16 sell-by): a label that prints two keeps the stronger one.
 */
export type ExpiryTier = 'use-by' | 'best-before' | 'sell-by';

export interface KeywordHit {
  readonly kind: KeywordKind;
  readonly tier: ExpiryTier | null;
  /** The keyword as printed. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface KeywordDef {
  readonly kind: KeywordKind;
  readonly tier: ExpiryTier | null;
  readonly re: RegExp;
  /** `L:` / `L.`: a lone letter, so it must not touch a letter on its left. */
  readonly singleLetter: boolean;
}

// OCR reads O as 0 and I as 1 inside words too: L0T, PR0D, EXP1RY.
const O = '[O0]';
const I = '[I1]';
const SINGLE_L = 'L[:.]';

const defs = (
  kind: KeywordKind,
  tier: ExpiryTier | null,
  sources: readonly string[],
): KeywordDef[] =>
  sources.map((source) => ({
    kind,
    tier,
    re: new RegExp(source, 'g'),
    singleLetter: source === SINGLE_L,
  }));

const KEYWORDS: readonly KeywordDef[] = [
  ...defs('expiry', 'use-by', [
    String.raw`EXP${I}RY\s*DATE`,
    String.raw`EXP${I}RAT${I}${O}N\s*DATE`,
    String.raw`EXP\.?\s*DATE`,
    String.raw`EXP${I}RY`,
    String.raw`EXP${I}RAT${I}${O}N`,
    String.raw`EXP${I}RES?`,
    String.raw`EXP\.?`,
    String.raw`USE\s*-?\s*BY`,
    String.raw`USE\s*BEF${O}RE`,
    String.raw`E\.\s*D\.?`,
    '有效期至',
    '有效期到',
    '有效日期',
    '失效日期',
    '失效期',
    '限用日期',
    '到期日期',
    '到期日',
  ]),
  ...defs('expiry', 'best-before', [
    String.raw`BEST\s*BEF${O}RE\s*END`,
    String.raw`BEST\s*BEF${O}RE`,
    String.raw`BEST\s*BY`,
    'BBE',
    'BB',
    '保质期至',
    '保质期到',
  ]),
  ...defs('expiry', 'sell-by', [String.raw`SELL\s*-?\s*BY`]),
  ...defs('production', null, [
    String.raw`PR${O}DUCT${I}${O}N\s*DATE`,
    String.raw`PR${O}D\.?\s*DATE`,
    String.raw`PR${O}D\.?`,
    String.raw`MFG\.?\s*DATE`,
    String.raw`MFG\.?`,
    String.raw`MFD\.?`,
    String.raw`MANUFACTUR${I}NG\s*DATE`,
    String.raw`MANUFACTURE\s*DATE`,
    String.raw`MANUFACTURED\s*${O}N`,
    String.raw`PR${O}DUCED\s*${O}N`,
    String.raw`DATE\s*${O}F\s*MANUFACTURE`,
    String.raw`PACKED\s*${O}N`,
    String.raw`P\.\s*D\.?`,
    '生产日期',
    '制造日期',
    '出厂日期',
    '包装日期',
    '生产日',
  ]),
  ...defs('lot', null, [
    // "NO" only counts when punctuation or a space follows, so the lot in LOTNOVA1 stays NOVA1.
    String.raw`L${O}T\s*(?:N${O}(?=[.:#\s])\.?|NUMBER|#)?`,
    String.raw`BATCH\s*(?:N${O}(?=[.:#\s])\.?|NUMBER|C${O}DE|#)?`,
    SINGLE_L,
    '生产批号',
    '批次号',
    '批号',
    '批次',
  ]),
  ...defs('shelf-life', null, [String.raw`SHELF\s*-?\s*L${I}FE`, '保质期', '有效期']),
];

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Z]/.test(c);

export interface KeywordChecks {
  /** True when a date starts right after `pos` (past separators). */
  readonly dateFollows: (pos: number) => boolean;
  /** True when a month name starts at `pos` (`EXPMAR2027`). */
  readonly monthNameAt: (pos: number) => boolean;
}

/**
 * A Latin keyword must stand apart from the words around it, or `SLOT`, `RUBBER`, `PRODUCT`
 * and `EXPORT` would all be keywords. OCR glues tokens, though, so: on the left it may touch
 * a digit (`…0630EXP`), or a letter when a date follows at once (`SW0630EXP20270630`); on the
 * right a date keyword may touch only a month name, while a lot keyword may touch its lot
 * (`LOTSW0630`, `LOTION` yields no lot because a lot needs a digit).
 */
function standsApart(
  def: KeywordDef,
  upper: string,
  start: number,
  end: number,
  checks: KeywordChecks,
): boolean {
  const first = upper[start];
  const before = upper[start - 1];
  if (!isAsciiLetter(first)) return true; // CJK keywords need no word boundary
  // `L:` may follow a number (`…20270630L:SW0630`); `L.` may not, or `1.5L. 20270630` is a lot.
  if (def.singleLetter)
    return (
      before === undefined ||
      (!/[A-Z]/.test(before) && !(/\d/.test(before) && upper[end - 1] === '.'))
    );
  const isDate = def.kind === 'expiry' || def.kind === 'production';
  if (isAsciiLetter(before) && !(isDate && checks.dateFollows(end))) return false;
  if (!isAsciiLetter(upper[end - 1]) || !isAsciiLetter(upper[end])) return true;
  if (def.kind === 'lot') return true;
  return isDate && checks.monthNameAt(end);
}

/** The keywords on a line, left to right; where two overlap the earlier, then longer, wins. */
export function findKeywords(line: PreparedLine, checks: KeywordChecks): KeywordHit[] {
  const all: KeywordHit[] = [];
  for (const def of KEYWORDS) {
    for (const m of line.upper.matchAll(def.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsApart(def, line.upper, start, end, checks)) continue;
      all.push({ kind: def.kind, tier: def.tier, text: line.base.slice(start, end), start, end });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: KeywordHit[] = [];
  for (const hit of all) {
    const last = hits[hits.length - 1];
    if (last && hit.start < last.end) continue;
    // `LOT BB00`, `BATCH EXP12`, `LOT LOT00`: a keyword right after a lot keyword is the
    // start of the lot when it is a date keyword with no date, or a Latin lot keyword glued to
    // what follows (`LOT/批号: A1` and `LOT/BATCH: A1` keep both keywords).
    const startsLot =
      last?.kind === 'lot' &&
      /^[\s:.#-]*$/.test(line.upper.slice(last.end, hit.start)) &&
      (hit.kind === 'expiry' || hit.kind === 'production'
        ? !checks.dateFollows(hit.end)
        : hit.kind === 'lot' &&
          isAsciiLetter(line.upper[hit.start]) &&
          /[A-Z0-9]/.test(line.upper[hit.end] ?? ''));
    if (!startsLot) hits.push(hit);
  }
  return hits;
}
