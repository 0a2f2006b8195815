import { createRequire } from 'node:module';
import { gtinCheckDigit, parseGs1 } from '../src-shared/gs1';
import { median, result, type Benchmark } from './harness';

const ROUNDS = 15;
const INPUTS = 6_000;
const GS = '\u001d';

/** What we read of the peer's answer (the package ships no types). */
interface PeerAnswer {
  codeName: string;
  parsedCodeItems: { ai: string; raw: string }[];
}

/**
 * The peer, gs1-barcode-parser-mod: a hand-written AI switch that splits the data and converts
 * dates and numbers, with no check digits, character sets, lengths or AI associations. It
 * throws a string on data it cannot split. Loaded with require() because it is CommonJS
 * without type declarations; the cast states the part of its answer this benchmark reads.
 */
function loadPeer(): (data: string) => PeerAnswer {
  const peer = createRequire(import.meta.url)('gs1-barcode-parser-mod') as {
    parseBarcode: (data: string) => PeerAnswer;
  };
  return peer.parseBarcode;
}

/** mulberry32: the same "random" mix on every run, so runs compare. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Several thousand scans as they reach the station from a scanner: AIM symbology identifier,
 * FNC1 transmitted as GS (ASCII 29), the form both parsers accept. About one in ten is faulty in
 * ways seen at docks: misprinted check digits, impossible dates, truncated reads, overlong or
 * illegal lot codes, an AI that does not exist, a count without its content GTIN.
 */
function gs1Inputs(count = INPUTS): { data: string; faulty: boolean }[] {
  const random = prng(0x6a5e1);
  const int = (n: number) => Math.floor(random() * n);
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const prefixes = ['692000', '690123', '695432', '400638', '501234', '761234', '088000'];
  const withCheck = (body: string) => `${body}${gtinCheckDigit(body)}`;
  const gtin = (indicator: string) => withCheck(`${indicator}${pick(prefixes)}${digits(6)}`);
  const sscc = () => withCheck(`${int(10)}${pick(prefixes)}${digits(10)}`);
  const wrongCheckDigit = (key: string) =>
    `${key.slice(0, -1)}${(Number(key.slice(-1)) + 1 + int(9)) % 10}`;
  const two = (n: number) => String(n).padStart(2, '0');
  // Day 00 means the last day of the month (GS1 GenSpecs); labels use it for best-before.
  const date = () =>
    `${two(25 + int(5))}${two(1 + int(12))}${two(random() < 0.1 ? 0 : 1 + int(28))}`;
  const lot = () =>
    `${pick(['L', 'B', 'LOT', ''])}${digits(2 + int(6))}${pick(['', 'A', 'B', 'X'])}`;
  const serial = () => `${pick(['S', 'SN', ''])}${digits(6 + int(8))}`;
  const weight = () => digits(6);

  const sound: (() => string)[] = [
    // GS1-128 case labels: GTIN of the case, best-before or expiry, sometimes production, lot.
    () => `]C101${gtin(pick(['1', '2', '3']))}15${date()}10${lot()}`,
    () => `]C101${gtin('1')}11${date()}17${date()}10${lot()}`,
    () => `]C101${gtin('1')}17${date()}10${lot()}${GS}30${1 + int(48)}`,
    // GS1 DataMatrix on units: GTIN, expiry, lot, serial (the pharma/cosmetics pattern).
    () => `]d201${gtin('0')}17${date()}10${lot()}${GS}21${serial()}`,
    () => `]d201${gtin('0')}21${serial()}${GS}17${date()}10${lot()}`,
    // SSCC pallet labels: SSCC, content GTIN + count, expiry, lot.
    () => `]C100${sscc()}02${gtin('1')}17${date()}37${1 + int(120)}${GS}10${lot()}`,
    () => `]C100${sscc()}02${gtin('1')}37${1 + int(120)}`,
    // Variable-measure items: net weight in kg with 1-3 decimals, packaging date, lot.
    () => `]C101${gtin('9')}310${1 + int(3)}${weight()}13${date()}10${lot()}`,
    () => `]C101${gtin('9')}3102${weight()}17${date()}`,
    // Unbracketed element string without an AIM identifier (FNC1-in-first implied).
    () => `01${gtin('0')}17${date()}10${lot()}`,
  ];
  const faulty: (() => string)[] = [
    () => `]C101${wrongCheckDigit(gtin('1'))}17${date()}10${lot()}`,
    () => `]C100${wrongCheckDigit(sscc())}02${gtin('1')}37${1 + int(50)}`,
    () => `]d201${gtin('0')}17${two(25 + int(5))}13${two(1 + int(28))}10${lot()}`,
    () => `]d201${gtin('0')}17${date()}10${lot()}${GS}21${serial()}${GS}23${digits(6)}`,
    () => `]C101${gtin('1').slice(0, 9 + int(4))}`,
    () => `]C101${gtin('1')}10${digits(25)}`,
    () => `]C101${gtin('1')}10L#${digits(4)}`,
    () => `]C101${gtin('1')}37${1 + int(50)}`,
  ];
  return Array.from({ length: count }, () => {
    const isFaulty = random() < 0.1;
    return { data: pick(isFaulty ? faulty : sound)(), faulty: isFaulty };
  });
}

export const gs1Parse: Benchmark = {
  name: 'gs1-parse',
  description:
    'Full GS1 validation (our engine) against gs1-barcode-parser-mod splitting the same scans',
  targets: {
    'gs1-parse': {
      minRatio: 1.0,
      why: 'full validation must be at least as fast as the peer that only splits the data',
    },
  },
  run() {
    const peerParse = loadPeer();
    const scans = gs1Inputs();
    const inputs = scans.map((s) => s.data);
    const peer = (data: string): PeerAnswer | null => {
      try {
        return peerParse(data);
      } catch {
        return null;
      }
    };

    // Who accepts what, and whether both read the same AIs and values where both accept.
    const count = { sound: 0, faulty: 0, oursOk: 0, peerOk: 0, oursCaught: 0, peerCaught: 0 };
    let bothAccept = 0;
    let agree = 0;
    for (const { data, faulty } of scans) {
      const a = parseGs1(data);
      const b = peer(data);
      count[faulty ? 'faulty' : 'sound'] += 1;
      if (faulty && !a.valid) count.oursCaught += 1;
      if (faulty && !b) count.peerCaught += 1;
      if (!faulty && a.valid) count.oursOk += 1;
      if (!faulty && b) count.peerOk += 1;
      if (!a.valid || !b) continue;
      bothAccept += 1;
      const ours = a.fields.map((f) => `${f.ai}=${f.value}`).join('|');
      const theirs = b.parsedCodeItems.map((f) => `${f.ai}=${f.raw}`).join('|');
      if (ours === theirs) agree += 1;
    }
    const oursAccepts = count.oursOk + count.faulty - count.oursCaught;
    const peerAccepts = count.peerOk + count.faulty - count.peerCaught;

    // Each pass reads something from every answer, so neither side's work can be skipped.
    let sink = 0;
    const passOurs = () => {
      const t = performance.now();
      for (const data of inputs) sink += parseGs1(data).fields.length;
      return inputs.length / ((performance.now() - t) / 1000);
    };
    const passPeer = () => {
      const t = performance.now();
      for (const data of inputs) sink += peer(data)?.parsedCodeItems.length ?? 0;
      return inputs.length / ((performance.now() - t) / 1000);
    };
    for (let i = 0; i < 3; i += 1) {
      passOurs();
      passPeer();
    }
    // Rounds alternate which side goes first, so drift in machine load hits both alike.
    const oursRates: number[] = [];
    const peerRates: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        oursRates.push(passOurs());
        peerRates.push(passPeer());
      } else {
        peerRates.push(passPeer());
        oursRates.push(passOurs());
      }
    }
    if (sink === 0) throw new Error('gs1-parse: no fields were read');

    const n = inputs.length;
    return [
      result({
        name: 'gs1-parse',
        value: median(oursRates),
        unit: 'parses/s',
        baseline:
          'gs1-barcode-parser-mod parseBarcode on the same scans (splits and converts; no validation)',
        baselineValue: median(peerRates),
        notes:
          `median of ${ROUNDS} alternating rounds over ${n} scans (GS1-128 case labels, DataMatrix with lot/expiry/serial, SSCC pallets with 02+37, 310n weights, dates incl. day 00, ~10 % faulty), AIM id + GS as FNC1; higher ratio is better (target >= 1.0). ` +
          `Ours accepts ${oursAccepts} and rejects ${n - oursAccepts}; the peer accepts ${peerAccepts} and rejects ${n - peerAccepts}. ` +
          `Of ${count.sound} sound scans ours accepts ${count.oursOk}, the peer ${count.peerOk}; of ${count.faulty} faulty ones ours rejects ${count.oursCaught}, the peer ${count.peerCaught} ` +
          `(the peer passes wrong check digits, month 13, overlong or illegal lots, 37 without 02). ` +
          `Where both accept (${bothAccept}), AIs and values agree on ${agree}.`,
      }),
    ];
  },
};
