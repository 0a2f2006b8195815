/**
 * The barcode reader shared by the camera (the renderer's Web Worker) and `qcs vision decode`:
 * zxing-wasm on pre-processed copies of a frame, with every candidate validated and, for 1-D
 * symbols, agreed on by several differently pre-processed copies before it is reported.
 *
 * zxing-wasm itself is injected (`ReadBarcodes`): Node loads its .wasm from node_modules, the
 * browser from the app's own bundle; this module only needs the function.
 *
 * Why the agreement rule: a 1-D symbol has no error correction, only a check digit, and one
 * photo in ten of a blurred or glared EAN yields a read whose check digit is right and whose
 * digits are wrong. Such misreads depend on the exact pixels: a copy enlarged, sharpened or
 * equalised differently reads either the true value or another wrong one. So a 1-D read counts
 * only when at least two different copies of the frame gave it and its evidence (the scan lines
 * that agreed, summed over copies) is at least twice that of every other reading of the same
 * place together. DataMatrix and QR carry Reed-Solomon error correction and are accepted from
 * one read, unless another read at the same place disagrees.
 */
import { parseGs1 } from '../gs1';
import {
  DEFAULT_BARCODE_FORMATS,
  formatOfResult,
  LINEAR_FORMATS,
  RETAIL_FORMATS,
  ZXING_FORMAT,
  type BarcodeFormatName,
  type ZxingFormat,
} from './formats';
import {
  FAST_PASSES,
  HARD_PASSES,
  PreparedFrame,
  type Pass,
  type PassReaderOptions,
} from './passes';
import {
  applyAffine,
  type Affine,
  type Point,
  type RgbaImage,
  type RgbaPixels,
} from './preprocess';

/** The options we hand to zxing-wasm (a subset of its `ReaderOptions`). */
export interface ZxingReaderOptions extends PassReaderOptions {
  formats: ZxingFormat[];
  /** Plain: GS1 data keeps its GS (ASCII 29) separators, ISO 15434 its RS/GS/EOT. */
  textMode: 'Plain';
  eanAddOnSymbol: 'Ignore';
  maxNumberOfSymbols: number;
  returnErrors: false;
}

/** The fields we use of zxing-wasm's `ReadResult`. */
export interface ZxingReadResult {
  isValid: boolean;
  format: string;
  text: string;
  /** ISO/IEC 15424 symbology identifier, e.g. ']C1' for GS1-128, ']d2' for GS1 DataMatrix. */
  symbologyIdentifier: string;
  position: Quad;
  /** Scan lines that agreed on a 1-D symbol (0 for 2-D symbols). */
  lineCount: number;
}

/**
 * zxing-wasm's `readBarcodes`, or an adapter to it. In Node the function itself fits; in a
 * browser wrap the pixels as a DOM ImageData: `(img, o) => readBarcodes(new ImageData(img.data,
 * img.width, img.height), o)`.
 */
export type ReadBarcodes = (
  image: RgbaPixels,
  options: ZxingReaderOptions,
) => Promise<readonly ZxingReadResult[]>;

/** Corner points, clockwise from the symbol's own top left. */
export interface Quad {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

export interface DecodedCode {
  format: BarcodeFormatName;
  /**
   * What a hardware scanner would send: the AIM symbology identifier, then the data in plain
   * text with GS (ASCII 29) between GS1 fields, e.g. `]C10109501101020917␝10ABC`. This is the
   * string for the scan pipeline (`classifyScan`).
   */
  text: string;
  /** The data without the identifier. */
  rawText: string;
  /** `]E0`, `]C1`, `]d2`… */
  symbologyIdentifier: string;
  /** Where the symbol is, in the pixel coordinates of the image given to `decodeFrame`. */
  position: Quad;
  /** The pass whose read is reported (the one with the most evidence). */
  pass: string;
  /** Every pass that read this same text here. */
  passes: string[];
  /**
   * True when this frame alone vouches for the code: a 2-D symbol, or a 1-D symbol that
   * differently pre-processed copies agreed on. An unconfirmed code (a 1-D symbol read by one
   * copy, as from the fast pass) needs confirming by later frames (see ScanConfirmer).
   */
  confirmed: boolean;
}

export type DecodeEffort = 'fast' | 'hard';

export interface DecodeOptions {
  /** Formats to look for; default DEFAULT_BARCODE_FORMATS. */
  formats?: readonly BarcodeFormatName[];
  /** 'fast' (live frames): one quick pass. 'hard' (idle frames, files): the fast pass and every hard pass. */
  effort?: DecodeEffort;
  /** Replaces the passes the effort would run (tests, benchmarks). */
  passes?: readonly Pass[];
  /** Also return unconfirmed codes (the live path confirms them over frames); default false. */
  includeUnconfirmed?: boolean;
  /** Asked before each pass; true stops (a newer frame arrived, the user left the screen). */
  shouldStop?: () => boolean;
  /** Sees every validated read before they are weighed (tuning and tests). */
  onCandidates?: (candidates: readonly Candidate[]) => void;
}

/** Shortest plain Code 128 / ITF data we trust: shorter reads are mostly fragments of noise. */
export const MIN_CODE128_LENGTH = 4;
export const MIN_ITF_LENGTH = 6;
/** A 1-D read needs this many differently pre-processed copies agreeing … */
export const MIN_AGREEING_COPIES = 2;
/** … at least one of them with this many scan lines agreeing (zxing's own minimum is 2) … */
export const MIN_AGREEING_LINES = 3;
/** … (ITF: lines spanning this fraction of the symbol's length, see enoughLinearEvidence) … */
export const MIN_ITF_SPAN = 0.08;
/** … and this many times the evidence of all rival reads at the same place together. */
export const EVIDENCE_RATIO = 2;

const MAX_SYMBOLS_PER_PASS = 16;

/** GS1 errors that, in a 1-D symbol, mean the scanner most likely misread a digit. */
const MISREAD_ERRORS: ReadonlySet<string> = new Set(['check-digit', 'check-pair']);

/** One validated read of one pass, before the passes' reads are weighed against each other. */
export interface Candidate {
  format: BarcodeFormatName;
  rawText: string;
  symbologyIdentifier: string;
  position: Quad;
  pass: string;
  /** Identifies the pre-processed copy the read came from (passes may share one). */
  copy: string;
  evidence: number;
}

function isArrayBufferBacked(
  a: Uint8ClampedArray | Uint8Array,
): a is Uint8ClampedArray<ArrayBuffer> {
  return a instanceof Uint8ClampedArray && a.buffer instanceof ArrayBuffer;
}

/** The identifier zxing would give, for the rare result that comes without one. */
function defaultAimId(format: BarcodeFormatName): string {
  switch (format) {
    case 'EAN-13':
    case 'UPC-A':
    case 'UPC-E':
      return ']E0';
    case 'EAN-8':
      return ']E4';
    case 'Code128':
      return ']C0';
    case 'ITF':
      return ']I0';
    case 'DataMatrix':
      return ']d1';
    case 'QRCode':
      return ']Q1';
  }
}

const AIM_ID = /^\][A-Za-z][0-9A-Za-z]$/;

/**
 * zxing reports a rectangular-extension DataMatrix (DMRE, ISO/IEC 21471) with 6 added to the
 * modifier (]d8 for GS1 data). It is the same ECC 200 symbol; scanners and the GS1 engine know
 * it as ]d1-]d3, so a GS1 DMRE reaches the pipeline as GS1 DataMatrix.
 */
const DMRE_IDENTIFIERS: Readonly<Record<string, string>> = {
  ']d7': ']d1',
  ']d8': ']d2',
  ']d9': ']d3',
};

/** Control characters other than those GS1 and ISO/IEC 15434 data carry (EOT, GS, RS). */
function hasUnexpectedControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x04 && c !== 0x1d && c !== 0x1e) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Why a single read cannot be trusted, or null when it can be considered. `scan` is the AIM id
 * followed by the data.
 */
export function rejectReason(
  format: BarcodeFormatName,
  rawText: string,
  scan: string,
): string | null {
  if (rawText.length === 0) return 'empty';
  switch (format) {
    case 'EAN-13':
    case 'UPC-A':
    case 'EAN-8':
    case 'UPC-E': {
      if (!/^\d+$/.test(rawText)) return 'retail data must be digits';
      return parseGs1(scan).valid ? null : 'retail check digit or length';
    }
    case 'ITF': {
      if (!/^\d+$/.test(rawText) || rawText.length % 2 !== 0)
        return 'ITF data must be pairs of digits';
      if (rawText.length < MIN_ITF_LENGTH) return 'ITF too short';
      if (rawText.length === 14 && !parseGs1(scan).valid) return 'ITF-14 check digit';
      return null;
    }
    case 'Code128': {
      if (hasUnexpectedControl(rawText)) return 'Code 128 with unexpected control characters';
      if (scan.startsWith(']C1')) {
        // GS1-128: an unknown or outdated AI is what the label says (the pipeline shows it);
        // a wrong GS1 check digit is the typical 1-D misread and is refused.
        const r = parseGs1(scan);
        if (r.errors.some((e) => MISREAD_ERRORS.has(e.code))) return 'GS1-128 check digit';
        return null;
      }
      return rawText.length < MIN_CODE128_LENGTH ? 'Code 128 too short' : null;
    }
    case 'DataMatrix':
    case 'QRCode':
      // Reed-Solomon corrected: the data is what is printed. GS1 data that breaks the rules is
      // passed on as it is, as a hardware scanner would; the scan pipeline reports the error.
      return null;
  }
}

function toCandidate(
  r: ZxingReadResult,
  pass: Pass,
  copy: string,
  toSource: Affine,
  enabled: ReadonlySet<BarcodeFormatName>,
): Candidate | null {
  if (!r.isValid) return null;
  const format = formatOfResult(r.format, r.text, enabled);
  if (format === null) return null;
  let rawText = r.text;
  // ISO/IEC 15424: EAN/UPC data is sent as 13 digits; a 12-digit UPC-A gets its leading 0.
  if (format === 'UPC-A' && /^\d{12}$/.test(rawText)) rawText = `0${rawText}`;
  const symbologyIdentifier = AIM_ID.test(r.symbologyIdentifier)
    ? (DMRE_IDENTIFIERS[r.symbologyIdentifier] ?? r.symbologyIdentifier)
    : defaultAimId(format);
  if (rejectReason(format, rawText, symbologyIdentifier + rawText) !== null) return null;
  const map = (p: Point) => applyAffine(toSource, p);
  const q = r.position;
  return {
    format,
    rawText,
    symbologyIdentifier,
    position: {
      topLeft: map(q.topLeft),
      topRight: map(q.topRight),
      bottomRight: map(q.bottomRight),
      bottomLeft: map(q.bottomLeft),
    },
    pass: pass.name,
    copy,
    evidence: Math.max(1, r.lineCount),
  };
}

/** Retail symbols are one family (a UPC-A may come back as an EAN-13); others by format. */
function family(format: BarcodeFormatName): string {
  return RETAIL_FORMATS.has(format) ? 'retail' : format;
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** A 1-D read as a scan segment: where it starts and ends, and how many lines agreed across it. */
interface ScanSegment {
  start: Point;
  end: Point;
  length: number;
  /** Unit vector along the scan. */
  ux: number;
  uy: number;
  /** Distance between the first and the last scan line that agreed. */
  thickness: number;
}

function segmentOf(q: Quad): ScanSegment {
  const start = mid(q.topLeft, q.bottomLeft);
  const end = mid(q.topRight, q.bottomRight);
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  const ux = length > 0 ? (end.x - start.x) / length : 1;
  const uy = length > 0 ? (end.y - start.y) / length : 0;
  // Across the scan direction, between the top and the bottom edge.
  const across = (a: Point, b: Point) => Math.abs((b.x - a.x) * -uy + (b.y - a.y) * ux);
  const thickness = Math.max(across(q.topLeft, q.bottomLeft), across(q.topRight, q.bottomRight));
  return { start, end, length, ux, uy, thickness };
}

/**
 * How far across its scan line a read of each family may lie from another read of the same
 * symbol, as a fraction of the symbol's length: about the bar height of the format. EAN/UPC
 * bars are nearly as tall as the symbol is long; Code 128 and ITF symbols are flatter, and
 * GS1-128 symbols come stacked on logistic labels, which must stay apart.
 */
const ACROSS_TOLERANCE: Readonly<Record<string, number>> = { retail: 0.45 };
const DEFAULT_ACROSS_TOLERANCE = 0.3;

/** Whether any point of segment `b` lies in the band around segment `a`. */
function segmentInBand(a: ScanSegment, b: ScanSegment, halfWidth: number): boolean {
  const margin = 0.05 * a.length;
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    const px = b.start.x + (b.end.x - b.start.x) * t - a.start.x;
    const py = b.start.y + (b.end.y - b.start.y) * t - a.start.y;
    const along = px * a.ux + py * a.uy;
    const across = Math.abs(-px * a.uy + py * a.ux);
    if (along >= -margin && along <= a.length + margin && across <= halfWidth) return true;
  }
  return false;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(q: Quad): Box {
  const xs = [q.topLeft.x, q.topRight.x, q.bottomRight.x, q.bottomLeft.x];
  const ys = [q.topLeft.y, q.topRight.y, q.bottomRight.y, q.bottomLeft.y];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * Whether two reads may be of the same symbol. 1-D: one's scan segment crosses the band around
 * the other's (its length, and across it about the format's bar height), whatever the angle
 * between them: a read across a tilted symbol is still a read of it. 2-D: one's centre inside
 * the other's bounds. A 1-D and a 2-D read are never of the same symbol.
 */
function samePlace(a: Candidate, b: Candidate): boolean {
  const linearA = LINEAR_FORMATS.has(a.format);
  if (linearA !== LINEAR_FORMATS.has(b.format)) return false;
  if (!linearA) {
    const ba = boxOf(a.position);
    const bb = boxOf(b.position);
    const inside = (p: Point, bx: Box) =>
      p.x >= bx.x0 && p.x <= bx.x1 && p.y >= bx.y0 && p.y <= bx.y1;
    const centre = (bx: Box) => ({ x: (bx.x0 + bx.x1) / 2, y: (bx.y0 + bx.y1) / 2 });
    return inside(centre(ba), bb) || inside(centre(bb), ba);
  }
  const sa = segmentOf(a.position);
  const sb = segmentOf(b.position);
  const tolerance = Math.min(
    ACROSS_TOLERANCE[family(a.format)] ?? DEFAULT_ACROSS_TOLERANCE,
    ACROSS_TOLERANCE[family(b.format)] ?? DEFAULT_ACROSS_TOLERANCE,
  );
  const reach = tolerance * Math.min(sa.length, sb.length);
  return (
    segmentInBand(sa, sb, Math.max(sa.thickness / 2, reach)) ||
    segmentInBand(sb, sa, Math.max(sb.thickness / 2, reach))
  );
}

/** All reads of one text (in one format family): how much evidence, from how many copies. */
interface Reading {
  members: Candidate[];
  /** Best evidence per pre-processed copy. */
  perCopy: Map<string, number>;
  evidence: number;
  /** Most scan lines any one copy had agree. */
  maxLines: number;
  /** Largest thickness / length of a read (1-D): how much of the bars' height agreed. */
  maxSpan: number;
}

function readingsOf(candidates: readonly Candidate[]): Reading[] {
  const byKey = new Map<string, Reading>();
  for (const c of candidates) {
    const key = `${family(c.format)}\u0000${c.symbologyIdentifier}\u0000${c.rawText}`;
    let reading = byKey.get(key);
    if (!reading) {
      reading = { members: [], perCopy: new Map(), evidence: 0, maxLines: 0, maxSpan: 0 };
      byKey.set(key, reading);
    }
    reading.members.push(c);
    reading.perCopy.set(c.copy, Math.max(reading.perCopy.get(c.copy) ?? 0, c.evidence));
    reading.maxLines = Math.max(reading.maxLines, c.evidence);
    if (LINEAR_FORMATS.has(c.format)) {
      const seg = segmentOf(c.position);
      if (seg.length > 0) reading.maxSpan = Math.max(reading.maxSpan, seg.thickness / seg.length);
    }
  }
  const readings = [...byKey.values()];
  for (const r of readings) r.evidence = [...r.perCopy.values()].reduce((s, e) => s + e, 0);
  return readings;
}

function report(reading: Reading, confirmed: boolean): DecodedCode {
  const best = reading.members.reduce((a, b) => (b.evidence > a.evidence ? b : a));
  const passes = [...new Set(reading.members.map((m) => m.pass))];
  // A UPC-A reported as EAN-13 by one pass and UPC-A by another is one symbol: keep the name
  // most reads used.
  const votes = new Map<BarcodeFormatName, number>();
  for (const m of reading.members) votes.set(m.format, (votes.get(m.format) ?? 0) + 1);
  const format = [...votes].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return {
    format,
    text: best.symbologyIdentifier + best.rawText,
    rawText: best.rawText,
    symbologyIdentifier: best.symbologyIdentifier,
    position: best.position,
    pass: best.pass,
    passes,
    confirmed,
  };
}

/** Whether a 1-D reading has, on its own, the evidence a confirmed code needs. */
function enoughLinearEvidence(reading: Reading): boolean {
  if (reading.perCopy.size < MIN_AGREEING_COPIES) return false;
  if (reading.maxLines < MIN_AGREEING_LINES) return false;
  // ITF has neither a fixed length nor a mandatory check digit: a scan line crossing a tilted
  // symbol reads a shorter, valid-looking number. Only a read that many lines agreed on,
  // across a good part of the bars' height, is whole.
  const itf = reading.members.some((m) => m.format === 'ITF');
  return !itf || reading.maxSpan >= MIN_ITF_SPAN;
}

/**
 * Weighs the reads of all passes against each other: for each text, its evidence against that
 * of the other texts read at the same place. Returns the codes the evidence supports.
 */
export function resolveCandidates(
  candidates: readonly Candidate[],
  includeUnconfirmed: boolean,
): DecodedCode[] {
  const readings = readingsOf(candidates);
  const rivalsOf = (r: Reading) =>
    readings.filter(
      (other) => other !== r && r.members.some((a) => other.members.some((b) => samePlace(a, b))),
    );
  const out: DecodedCode[] = [];
  for (const reading of readings) {
    const rivals = rivalsOf(reading);
    const linear = reading.members.some((m) => LINEAR_FORMATS.has(m.format));
    if (!linear) {
      // Error-corrected symbols: any disagreement at one place is suspicious enough to drop it.
      if (rivals.length === 0) out.push(report(reading, true));
      continue;
    }
    const rivalEvidence = rivals.reduce((s, r) => s + r.evidence, 0);
    const dominant = reading.evidence >= EVIDENCE_RATIO * rivalEvidence;
    if (dominant && enoughLinearEvidence(reading)) out.push(report(reading, true));
    else if (includeUnconfirmed && rivals.length === 0) out.push(report(reading, false));
  }
  // Top to bottom, then left to right, as a person reads a label.
  const centre = (q: Quad) => mid(mid(q.topLeft, q.bottomRight), mid(q.topRight, q.bottomLeft));
  return out.sort((a, b) => {
    const ca = centre(a.position);
    const cb = centre(b.position);
    return Math.abs(ca.y - cb.y) > 8 ? ca.y - cb.y : ca.x - cb.x;
  });
}

/** The zxing formats for our formats (UPC-A is read as part of EAN-13 and vice versa). */
function zxingFormats(formats: readonly BarcodeFormatName[]): ZxingFormat[] {
  return [...new Set(formats.map((f) => ZXING_FORMAT[f]))];
}

/**
 * Reads the barcodes in one image (a camera frame, a photo) with the passes of the effort.
 * `image` is RGBA as a canvas or sharp gives it; positions come back in its pixel coordinates.
 */
export async function decodeFrame(
  read: ReadBarcodes,
  image: RgbaImage,
  options: DecodeOptions = {},
): Promise<DecodedCode[]> {
  const formats = options.formats ?? DEFAULT_BARCODE_FORMATS;
  if (formats.length === 0) return [];
  const enabled = new Set(formats);
  const passes =
    options.passes ?? (options.effort === 'hard' ? [...FAST_PASSES, ...HARD_PASSES] : FAST_PASSES);
  const frame = new PreparedFrame(image);
  const zxing = zxingFormats(formats);
  const candidates: Candidate[] = [];
  const done = new Set<string>();
  for (const pass of passes) {
    if (options.shouldStop?.()) break;
    const prepared = frame.get(pass.steps);
    // Two passes on the same pixels with the same settings would only repeat each other.
    const runKey = `${prepared.copy}|${JSON.stringify(pass.reader)}`;
    if (done.has(runKey)) continue;
    done.add(runKey);
    const pixels =
      prepared.isSource && isArrayBufferBacked(image.data)
        ? { width: image.width, height: image.height, data: image.data }
        : PreparedFrame.rgba(prepared);
    const results = await read(pixels, {
      ...pass.reader,
      formats: zxing,
      textMode: 'Plain',
      eanAddOnSymbol: 'Ignore',
      maxNumberOfSymbols: MAX_SYMBOLS_PER_PASS,
      returnErrors: false,
    });
    for (const r of results) {
      const c = toCandidate(r, pass, prepared.copy, prepared.toSource, enabled);
      if (c) candidates.push(c);
    }
  }
  options.onCandidates?.(candidates);
  return resolveCandidates(candidates, options.includeUnconfirmed ?? false);
}
