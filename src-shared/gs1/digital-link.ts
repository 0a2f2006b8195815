/**
 * GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax, §4): the primary key and its
 * qualifiers in the path (`/01/…/10/…`), other AIs as query attributes (`?17=…`).
 *
 * Choices, all matching the reference engine's defaults:
 * - the scheme is `http://` or `https://` in one case (`HTTPS://` too, not `Https://`);
 * - the path is read backwards in /AI/value pairs until a primary key; anything before it is
 *   the resolver's own path (the "stem") and ignored;
 * - path qualifiers must follow one of the key's `dlpkey` sequences, in order, without mixing;
 * - query parameters without `=` and non-numeric keys (`linkType`, `utm_source`…) are ignored;
 *   a numeric key that is not an AI is an error; an AI without the `?` flag may not be a query
 *   attribute, nor may one that belongs in the path as a qualifier;
 * - percent-escapes are decoded (`+` means space in the query only); an invalid `%` sequence is
 *   kept as a literal `%`;
 * - zero-suppressed GTINs (8, 12, 13 digits) and `/gtin/`-style convenience names are rejected;
 * - the same AI twice in one URI is an error, even with the same value;
 * - the fragment (`#…`) is ignored.
 */
import type { ParsedAi } from './associations';
import { aiTable, type AiEntry } from './dictionary';
import { describeChar, firstNonDigit } from './charsets';
import { gs1Error } from './errors';
import type { ParseSink } from './element-string';
import { subjectOf } from './messages';
import { validateValue } from './validate-value';

/** RFC 3986 characters the reference accepts anywhere in a Digital Link URI. */
const URI_CHARS = (() => {
  const t = new Uint8Array(128);
  const chars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
})();
const BAD_DOMAIN_CHARS = "_~?#@!$&'()*+,;=%";

/** Deprecated path names the reference refuses by default; listed only to explain the refusal. */
const CONVENIENCE_NAMES = new Set(
  'cpid cpsn cpv gcn gdti giai ginc gln glnx gmn grai gsin gsrn gsrnp gtin itip lot party refno ser srin sscc'.split(
    ' ',
  ),
);

/** True when the text (after any AIM id) is meant as a Digital Link: an http(s) scheme, any case. */
export function looksLikeDigitalLink(s: string, start: number): boolean {
  const head = s.slice(start, start + 8).toLowerCase();
  return head.startsWith('http://') || head === 'https://';
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Percent-decodes s[start, end) byte by byte; null if it decodes to a NUL. */
function decode(s: string, start: number, end: number, plusIsSpace: boolean): string | null {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && i < end - 2) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) continue;
      const byte = hi * 16 + lo;
      if (byte === 0) return null;
      out += s.slice(from, i) + String.fromCharCode(byte);
      i += 2;
      from = i + 1;
    } else if (c === 43 && plusIsSpace) {
      out += s.slice(from, i) + ' ';
      from = i + 1;
    }
  }
  return from === start ? s.slice(start, end) : out + s.slice(from, end);
}

/** Qualifiers appear in the order of `seq`, each at most once (skipping is allowed). */
function inOrder(qualifiers: readonly string[], seq: readonly string[]): boolean {
  let j = 0;
  for (const q of qualifiers) {
    while (j < seq.length && seq[j] !== q) j++;
    if (j === seq.length) return false;
    j++;
  }
  return true;
}

function validPath(key: AiEntry, qualifiers: readonly string[]): boolean {
  return key.dlPrimaryKey?.some((seq) => inOrder(qualifiers, seq)) ?? false;
}

function allowedQualifiers(key: AiEntry): string {
  const seqs = (key.dlPrimaryKey ?? []).filter((seq) => seq.length > 0);
  if (seqs.length === 0) return 'nothing: it takes no key qualifiers';
  return seqs.map((seq) => seq.map((ai) => `(${ai})`).join(', ')).join(' or ') + ', in that order';
}

export function parseDigitalLink(s: string, start: number, end: number, out: ParseSink): boolean {
  const invalid = (message: string, position: number): false => {
    out.errors.push(gs1Error('dl-invalid-uri', message, undefined, position));
    return false;
  };
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || URI_CHARS[c] === 0) {
      return invalid(`${describeChar(s, i)} at position ${i + 1} is not allowed in a URI`, i);
    }
  }
  let p: number;
  if (s.startsWith('https://', start) || s.startsWith('HTTPS://', start)) p = start + 8;
  else if (s.startsWith('http://', start) || s.startsWith('HTTP://', start)) p = start + 7;
  else return invalid('A Digital Link must start with http:// or https:// (in one case)', start);
  let r = p;
  while (r < end && s.charCodeAt(r) !== 47) {
    if (BAD_DOMAIN_CHARS.includes(s.charAt(r))) {
      return invalid(`The domain contains ${describeChar(s, r)}`, r);
    }
    r++;
  }
  if (r >= end || r === p) return invalid('The URI has no domain or no path', p);

  let uriEnd = s.indexOf('#', r);
  if (uriEnd < 0 || uriEnd > end) uriEnd = end;
  const q = s.indexOf('?', r);
  const hasQuery = q >= 0 && q < uriEnd;
  const pathEnd = hasQuery ? q : uriEnd;

  const slashes: number[] = [];
  for (let i = r; i < pathEnd; i++) if (s.charCodeAt(i) === 47) slashes.push(i);
  const segStart = (k: number): number => (slashes[k] ?? pathEnd) + 1;
  const segEnd = (k: number): number => slashes[k + 1] ?? pathEnd;
  const segment = (k: number): string => s.slice(segStart(k), segEnd(k));

  const table = aiTable();
  let keyIndex = -1;
  for (let k = slashes.length - 2; k >= 0; k -= 2) {
    const entry = table.byCode.get(segment(k));
    if (!entry) break;
    if (entry.dlPrimaryKey) {
      keyIndex = k;
      break;
    }
  }
  if (keyIndex < 0) {
    for (let k = 0; k < slashes.length; k++) {
      if (CONVENIENCE_NAMES.has(segment(k))) {
        out.errors.push(
          gs1Error(
            'dl-convenience-name',
            `The path uses the name "${segment(k)}"; a GS1 Digital Link must use the numeric AI instead`,
            undefined,
            segStart(k),
          ),
        );
        return false;
      }
    }
    out.errors.push(
      gs1Error(
        'dl-no-primary-key',
        'The URI path holds no GS1 primary key (such as /01/ followed by a GTIN)',
        undefined,
        r,
      ),
    );
    return false;
  }

  const pathItems: ParsedAi[] = [];
  const addValue = (entry: AiEntry, valueStart: number, valueEnd: number, query: boolean) => {
    if (valueEnd === valueStart) {
      out.errors.push(
        gs1Error('empty-value', `${subjectOf(entry)} has no value`, entry.ai, valueStart),
      );
      return false;
    }
    const value = decode(s, valueStart, valueEnd, query);
    if (value === null) {
      return invalid(`${subjectOf(entry)} decodes to a NUL character`, valueStart);
    }
    if (
      entry.ai === '01' &&
      (value.length === 8 || value.length === 12 || value.length === 13) &&
      firstNonDigit(value, 0, value.length) < 0
    ) {
      out.errors.push(
        gs1Error(
          'dl-zero-suppressed-gtin',
          `GTIN ${value} must be written with 14 digits in a Digital Link (${value.padStart(14, '0')})`,
          entry.ai,
          valueStart,
        ),
      );
    } else {
      const error = validateValue(entry, value, 0, value.length, valueStart);
      if (error) out.errors.push(error);
    }
    const item = { entry, value, position: valueStart - entry.ai.length - 1 };
    out.items.push(item);
    if (!query) pathItems.push(item);
    return true;
  };

  for (let k = keyIndex; k + 1 < slashes.length; k += 2) {
    const entry = table.byCode.get(segment(k));
    if (!entry || !addValue(entry, segStart(k + 1), segEnd(k + 1), false)) return false;
  }

  const queryItems: ParsedAi[] = [];
  if (hasQuery) {
    let i = q + 1;
    while (i < uriEnd) {
      let amp = s.indexOf('&', i);
      if (amp < 0 || amp > uriEnd) amp = uriEnd;
      const eq = s.indexOf('=', i);
      if (eq >= 0 && eq < amp && eq > i && firstNonDigit(s, i, eq) < 0) {
        const entry = table.byCode.get(s.slice(i, eq));
        if (!entry) {
          out.errors.push(
            gs1Error(
              'dl-unknown-query-ai',
              `Query parameter ${s.slice(i, eq)} is not a known GS1 AI`,
              undefined,
              i,
            ),
          );
          return false;
        }
        if (!addValue(entry, eq + 1, amp, true)) return false;
        const last = out.items[out.items.length - 1];
        if (last) queryItems.push(last);
      }
      i = amp + 1;
    }
  }

  checkPathAndAttributes(pathItems, queryItems, out);
  return true;
}

function checkPathAndAttributes(
  pathItems: readonly ParsedAi[],
  queryItems: readonly ParsedAi[],
  out: ParseSink,
): void {
  const [keyItem, ...qualifierItems] = pathItems;
  if (!keyItem) return;
  const key = keyItem.entry;
  const qualifiers = qualifierItems.map((item) => item.entry.ai);
  if (!validPath(key, qualifiers)) {
    out.errors.push(
      gs1Error(
        'dl-invalid-key-qualifiers',
        `In a Digital Link path, ${subjectOf(key)} may be followed by ${allowedQualifiers(key)}`,
        key.ai,
        qualifierItems[0]?.position,
      ),
    );
  }
  const all = [...pathItems, ...queryItems];
  all.forEach((item, i) => {
    const again = all.findIndex((other, j) => j > i && other.entry.ai === item.entry.ai);
    const first = all.findIndex((other) => other.entry.ai === item.entry.ai) === i;
    if (again >= 0 && first) {
      out.errors.push(
        gs1Error(
          'dl-duplicate-ai',
          `${subjectOf(item.entry)} appears more than once in the URI`,
          item.entry.ai,
          all[again]?.position,
        ),
      );
    }
  });
  for (const item of queryItems) {
    const ai = item.entry.ai;
    // Would the attribute make a valid path if inserted after the key or any qualifier?
    let fitsPath = false;
    for (let j = 0; j <= qualifiers.length && !fitsPath; j++) {
      fitsPath = validPath(key, [...qualifiers.slice(0, j), ai, ...qualifiers.slice(j)]);
    }
    if (!item.entry.digitalLinkAttribute) {
      const hint = fitsPath ? `; put it in the path after (${key.ai})` : '';
      out.errors.push(
        gs1Error(
          'dl-not-attribute',
          `${subjectOf(item.entry)} may not be a Digital Link query attribute${hint}`,
          ai,
          item.position,
        ),
      );
    } else if (fitsPath) {
      out.errors.push(
        gs1Error(
          'dl-attribute-in-path',
          `${subjectOf(item.entry)} is a key qualifier of (${key.ai}): put it in the path, not the query`,
          ai,
          item.position,
        ),
      );
    }
  }
}
