/**
 * The GS1 Barcode Syntax Dictionary, read at run time from the official text file.
 *
 * Why our own reader and not a library: no maintained JavaScript package validates against the
 * official dictionary (the npm parsers carry hand-copied, out-of-date AI tables). The file is the
 * single source of truth; nothing here repeats its content. Format: /work/shared/gs1/README.md.
 */
import dictionaryText from '../../resources/gs1/gs1-syntax-dictionary.txt?raw';

/** Every linter the engine implements. A dictionary line naming another one fails the load. */
export const GS1_LINTER_NAMES = [
  'csum',
  'csumalpha',
  'gcppos1',
  'gcppos2',
  'yymmdd',
  'yymmd0',
  'yyyymmdd',
  'yyyymmd0',
  'hh',
  'mi',
  'ss',
  'hhmi',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iso5218',
  'iban',
  'yesno',
  'zero',
  'nonzero',
  'winding',
  'nozeroprefix',
  'hasnondigit',
  'hyphen',
  'pieceoftotal',
  'posinseqslash',
  'pcenc',
  'latitude',
  'longitude',
  'importeridx',
  'mediatype',
  'packagetype',
  'couponcode',
  'couponposoffer',
  'cset82',
  'cset39',
  'cset64',
  'csetnumeric',
] as const;

export type Gs1LinterName = (typeof GS1_LINTER_NAMES)[number];

/** Names used before the 2026-01-27 release, read as their current equivalents. */
const LINTER_ALIASES: Readonly<Record<string, Gs1LinterName>> = {
  key: 'gcppos1',
  keyoff1: 'gcppos2',
};

/** N digits, X CSET 82, Y CSET 39, Z CSET 64 (base64url). */
export type Gs1CharacterType = 'N' | 'X' | 'Y' | 'Z';

export interface AiComponent {
  readonly type: Gs1CharacterType;
  readonly minLength: number;
  readonly maxLength: number;
  /** Used only when data is left over after the previous components. */
  readonly optional: boolean;
  readonly linters: readonly Gs1LinterName[];
}

export interface AiDefinition {
  readonly ai: string;
  /** The dictionary title, e.g. `'USE BY or EXPIRY'`; empty for the few AIs without one. */
  readonly title: string;
  /** `*` flag: the value has a predefined length and never needs an FNC1/GS after it. */
  readonly predefinedLength: boolean;
  /** `?` flag: may be a GS1 Digital Link query attribute. */
  readonly digitalLinkAttribute: boolean;
  readonly components: readonly AiComponent[];
  /** Sum of the mandatory components' minima. */
  readonly minLength: number;
  /** Sum of every component's maximum. */
  readonly maxLength: number;
  /**
   * One entry per `req=` attribute; each must be satisfied on its own. An entry lists
   * alternatives; an alternative lists AI patterns (`n` = any digit) that must all be present.
   */
  readonly requires: readonly (readonly (readonly string[])[])[];
  /** AI patterns (`n` = any digit) that may not appear with this AI (never the AI itself). */
  readonly excludes: readonly string[];
  /**
   * `null` when the AI is not a Digital Link primary key; otherwise the alternative ordered
   * qualifier sequences (`[[]]` for a key that takes no qualifiers).
   */
  readonly dlPrimaryKey: readonly (readonly string[])[] | null;
}

/** An AI pattern such as `31nn`, split for matching without allocation. */
export interface AiPattern {
  readonly text: string;
  readonly prefix: string;
  readonly length: number;
}

/** A dictionary entry with its association rules compiled for the hot path. */
export interface AiEntry extends AiDefinition {
  readonly requirePatterns: readonly (readonly (readonly AiPattern[])[])[];
  readonly excludePatterns: readonly AiPattern[];
}

export interface AiTable {
  readonly entries: readonly AiEntry[];
  readonly byCode: ReadonlyMap<string, AiEntry>;
  /** Index by the AI's numeric value, one array per AI length (2, 3, 4 digits). */
  readonly byLength: readonly [
    readonly (AiEntry | undefined)[],
    readonly (AiEntry | undefined)[],
    readonly (AiEntry | undefined)[],
  ];
}

const COMPONENT_SYNTAX = /^(\[)?([NXYZ])(\d*)(?:\.\.(\d+))?(\])?((?:,[a-z0-9]+)*)$/;
const FLAG_SYNTAX = /^[!"$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/;
const AI_SYNTAX = /^\d{2,4}$/;
const PATTERN_SYNTAX = /^\d{1,4}n*$/;

function compilePattern(text: string, line: string): AiPattern {
  if (!PATTERN_SYNTAX.test(text) || text.length < 2 || text.length > 4) {
    throw new Error(`GS1 dictionary: bad AI pattern "${text}" in line: ${line}`);
  }
  const wildcard = text.indexOf('n');
  return { text, prefix: wildcard < 0 ? text : text.slice(0, wildcard), length: text.length };
}

function parseComponent(token: string, line: string): AiComponent {
  const m = COMPONENT_SYNTAX.exec(token);
  if (!m) throw new Error(`GS1 dictionary: bad component "${token}" in line: ${line}`);
  const [, open, type, fixed, max, close, linterList] = m;
  if (Boolean(open) !== Boolean(close)) {
    throw new Error(`GS1 dictionary: unbalanced [ ] in "${token}" in line: ${line}`);
  }
  // `N14` is exactly 14; `X..20` is 1 to 20; `N3..5` (not used today) is 3 to 5.
  const maxLength = Number(max ?? fixed);
  const minLength = max === undefined ? maxLength : fixed ? Number(fixed) : 1;
  if (!(maxLength >= 1) || minLength > maxLength) {
    throw new Error(`GS1 dictionary: bad length in "${token}" in line: ${line}`);
  }
  const linters = (linterList ?? '')
    .split(',')
    .filter((name) => name !== '')
    .map((name) => {
      const known = GS1_LINTER_NAMES.find((n) => n === name) ?? LINTER_ALIASES[name];
      if (!known) throw new Error(`GS1 dictionary: unknown linter "${name}" in line: ${line}`);
      return known;
    });
  if (type !== 'N' && type !== 'X' && type !== 'Y' && type !== 'Z') {
    throw new Error(`GS1 dictionary: bad type in "${token}" in line: ${line}`);
  }
  return { type, minLength, maxLength, optional: Boolean(open), linters };
}

function expandRange(spec: string, line: string): string[] {
  const [first, last] = spec.split('-');
  if (first === undefined || !AI_SYNTAX.test(first)) {
    throw new Error(`GS1 dictionary: bad AI "${spec}" in line: ${line}`);
  }
  if (last === undefined) return [first];
  // A range's two ends differ only in the last digit (README "Line format").
  if (last.length !== first.length || last.slice(0, -1) !== first.slice(0, -1) || last < first) {
    throw new Error(`GS1 dictionary: bad AI range "${spec}" in line: ${line}`);
  }
  const stem = first.slice(0, -1);
  const out: string[] = [];
  for (let d = Number(first.slice(-1)); d <= Number(last.slice(-1)); d++) out.push(stem + d);
  return out;
}

/** Parses the dictionary text. Throws on anything it does not understand, so a new release is noticed. */
export function parseSyntaxDictionary(text: string): AiEntry[] {
  const entries: AiEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const hash = line.indexOf('#');
    const title = hash < 0 ? '' : line.slice(hash + 1).trim();
    const tokens = (hash < 0 ? line : line.slice(0, hash)).split(/\s+/).filter((t) => t !== '');
    const [aiSpec, ...rest] = tokens;
    if (aiSpec === undefined) continue;
    let flags = '';
    if (rest[0] !== undefined && FLAG_SYNTAX.test(rest[0])) flags = rest.shift() ?? '';
    const components: AiComponent[] = [];
    const requires: string[][][] = [];
    const excludes: string[] = [];
    let dlPrimaryKey: string[][] | null = null;
    for (const token of rest) {
      if (token.startsWith('req=')) {
        requires.push(
          token
            .slice(4)
            .split(',')
            .map((alt) => alt.split('+')),
        );
      } else if (token.startsWith('ex=')) {
        excludes.push(...token.slice(3).split(','));
      } else if (token === 'dlpkey') {
        dlPrimaryKey = [[]];
      } else if (token.startsWith('dlpkey=')) {
        dlPrimaryKey = token
          .slice(7)
          .split('|')
          .map((seq) => seq.split(','));
      } else if (/^\[?[NXYZ]/.test(token) && !token.includes('=')) {
        if (requires.length || excludes.length || dlPrimaryKey) {
          throw new Error(`GS1 dictionary: component after attributes in line: ${line}`);
        }
        components.push(parseComponent(token, line));
      } else {
        throw new Error(`GS1 dictionary: unknown attribute "${token}" in line: ${line}`);
      }
    }
    if (components.length === 0) throw new Error(`GS1 dictionary: no components in line: ${line}`);
    // Invariants the parsers rely on: only the last component varies in length, and no
    // mandatory component follows an optional one.
    components.forEach((c, i) => {
      const last = i === components.length - 1;
      if (!last && c.minLength !== c.maxLength) {
        throw new Error(`GS1 dictionary: variable-length component not last in line: ${line}`);
      }
      if (i > 0 && components[i - 1]?.optional && !c.optional) {
        throw new Error(`GS1 dictionary: mandatory component after optional in line: ${line}`);
      }
    });
    const minLength = components.reduce((n, c) => n + (c.optional ? 0 : c.minLength), 0);
    const maxLength = components.reduce((n, c) => n + c.maxLength, 0);
    const requirePatterns = requires.map((alts) =>
      alts.map((group) => group.map((p) => compilePattern(p, line))),
    );
    const excludePatterns = excludes.map((p) => compilePattern(p, line));
    for (const ai of expandRange(aiSpec, line)) {
      entries.push({
        ai,
        title,
        predefinedLength: flags.includes('*'),
        digitalLinkAttribute: flags.includes('?'),
        components,
        minLength,
        maxLength,
        requires,
        excludes,
        dlPrimaryKey,
        requirePatterns,
        excludePatterns,
      });
    }
  }
  return entries;
}

export function buildAiTable(entries: readonly AiEntry[]): AiTable {
  const byCode = new Map<string, AiEntry>();
  const two: (AiEntry | undefined)[] = new Array<AiEntry | undefined>(100).fill(undefined);
  const three: (AiEntry | undefined)[] = new Array<AiEntry | undefined>(1000).fill(undefined);
  const four: (AiEntry | undefined)[] = new Array<AiEntry | undefined>(10000).fill(undefined);
  for (const entry of entries) {
    if (byCode.has(entry.ai)) throw new Error(`GS1 dictionary: AI (${entry.ai}) defined twice`);
    byCode.set(entry.ai, entry);
    const index = entry.ai.length === 2 ? two : entry.ai.length === 3 ? three : four;
    index[Number(entry.ai)] = entry;
  }
  // Unbracketed data is split greedily; that is only sound if no AI is a prefix of another.
  for (const entry of entries) {
    for (let len = 2; len < entry.ai.length; len++) {
      if (byCode.has(entry.ai.slice(0, len))) {
        throw new Error(`GS1 dictionary: AI (${entry.ai.slice(0, len)}) prefixes (${entry.ai})`);
      }
    }
  }
  return { entries, byCode, byLength: [two, three, four] };
}

let table: AiTable | undefined;

/** The AI table, built from the bundled dictionary on first use. */
export function aiTable(): AiTable {
  table ??= buildAiTable(parseSyntaxDictionary(dictionaryText));
  return table;
}

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The AI that starts at `pos` in unbracketed data, or undefined. Works on char codes so the hot
 * path allocates nothing; prefix-freedom (checked at load) makes the first match the only one.
 */
export function aiAtPosition(t: AiTable, s: string, pos: number, end: number): AiEntry | undefined {
  if (pos + 2 > end) return undefined;
  const d0 = digitAt(s, pos);
  const d1 = digitAt(s, pos + 1);
  if (d0 < 0 || d1 < 0) return undefined;
  const v2 = d0 * 10 + d1;
  const e2 = t.byLength[0][v2];
  if (e2) return e2;
  if (pos + 3 > end) return undefined;
  const d2 = digitAt(s, pos + 2);
  if (d2 < 0) return undefined;
  const v3 = v2 * 10 + d2;
  const e3 = t.byLength[1][v3];
  if (e3) return e3;
  if (pos + 4 > end) return undefined;
  const d3 = digitAt(s, pos + 3);
  if (d3 < 0) return undefined;
  return t.byLength[2][v3 * 10 + d3];
}

export function lookupAi(ai: string): AiDefinition | undefined {
  return aiTable().byCode.get(ai);
}

export function allAis(): readonly AiDefinition[] {
  return aiTable().entries;
}
