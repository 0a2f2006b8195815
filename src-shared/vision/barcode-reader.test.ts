import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  rejectReason,
  resolveCandidates,
  type Candidate,
  type Quad,
  type ReadBarcodes,
  type ZxingReaderOptions,
  type ZxingReadResult,
} from './barcode-reader';
import type { Pass } from './passes';
import { FAST_PASSES, HARD_PASSES } from './passes';
import type { RgbaImage, RgbaPixels } from './preprocess';

const GS = '\u001d';

/** A horizontal read from (x, y) to (x + length, y), its agreeing lines `thickness` tall. */
function quad(x: number, y: number, length: number, thickness = 30): Quad {
  return {
    topLeft: { x, y },
    topRight: { x: x + length, y },
    bottomRight: { x: x + length, y: y + thickness },
    bottomLeft: { x, y: y + thickness },
  };
}

function cand(over: Partial<Candidate> = {}): Candidate {
  return {
    format: 'EAN-13',
    rawText: '5449000039231',
    symbologyIdentifier: ']E0',
    position: quad(0, 0, 100),
    pass: 'p',
    copy: 'c',
    evidence: 10,
    ...over,
  };
}

/** Reads of one text by several copies. */
function copies(n: number, over: Partial<Candidate> = {}): Candidate[] {
  return Array.from({ length: n }, (_, i) => cand({ pass: `p${i}`, copy: `c${i}`, ...over }));
}

describe('rejectReason: single reads that cannot be trusted', () => {
  const check = (format: Parameters<typeof rejectReason>[0], aim: string, text: string) =>
    rejectReason(format, text, aim + text);

  it('retail symbols need their check digit', () => {
    expect(check('EAN-13', ']E0', '5449000039231')).toBeNull();
    expect(check('EAN-13', ']E0', '5449000039232')).not.toBeNull();
    expect(check('UPC-A', ']E0', '0036602301467')).toBeNull();
    expect(check('EAN-8', ']E4', '96385074')).toBeNull();
    expect(check('EAN-8', ']E4', '96385075')).not.toBeNull();
  });

  it('ITF needs pairs of digits, six at least, and ITF-14 its check digit', () => {
    expect(check('ITF', ']I0', '070429')).toBeNull();
    expect(check('ITF', ']I0', '0704')).toBe('ITF too short');
    expect(check('ITF', ']I0', '07042')).not.toBeNull();
    expect(check('ITF', ']I1', '15400141288763')).toBeNull();
    expect(check('ITF', ']I1', '15400141288764')).toBe('ITF-14 check digit');
  });

  it('Code 128: short plain reads refused; GS1-128 refused on a wrong check digit only', () => {
    expect(check('Code128', ']C0', 'FW72')).toBeNull();
    expect(check('Code128', ']C0', 'FW7')).toBe('Code 128 too short');
    expect(check('Code128', ']C0', 'A\u0001BCD')).not.toBeNull();
    expect(check('Code128', ']C1', `0109501101020917${GS}10ABC`)).toBeNull();
    expect(check('Code128', ']C1', '0109501101020918')).toBe('GS1-128 check digit');
    // An AI our dictionary no longer has is what the label says, not a misread.
    expect(check('Code128', ']C1', '8101054321120021123456')).toBeNull();
  });

  it('2-D symbols are error-corrected and pass as they are, even with bad GS1 data', () => {
    expect(check('DataMatrix', ']d2', '0109501101020918')).toBeNull();
    expect(check('QRCode', ']Q1', 'hello')).toBeNull();
    expect(check('QRCode', ']Q1', '')).toBe('empty');
  });
});

describe('resolveCandidates: weighing the passes', () => {
  it('confirms a 1-D read that two copies agree on', () => {
    const [code] = resolveCandidates(copies(2), false);
    expect(code).toMatchObject({
      format: 'EAN-13',
      text: ']E05449000039231',
      rawText: '5449000039231',
      symbologyIdentifier: ']E0',
      confirmed: true,
      passes: ['p0', 'p1'],
    });
  });

  it('holds back a 1-D read of one copy (two passes on the same copy count once)', () => {
    const one = [cand({ pass: 'a' }), cand({ pass: 'b' })];
    expect(resolveCandidates(one, false)).toEqual([]);
    expect(resolveCandidates(one, true)).toMatchObject([{ confirmed: false }]);
  });

  it('needs one copy with at least three agreeing scan lines', () => {
    expect(resolveCandidates(copies(4, { evidence: 2 }), false)).toEqual([]);
    expect(
      resolveCandidates([...copies(3, { evidence: 2 }), cand({ copy: 'x', evidence: 3 })], false),
    ).toHaveLength(1);
  });

  it('drops both of two readings of one place without a clear winner', () => {
    const a = copies(3);
    const b = copies(3, { rawText: '7034759003930', position: quad(2, 10, 98) });
    expect(resolveCandidates([...a, ...b], false)).toEqual([]);
    // Unconfirmed reads that disagree are not offered to the live path either.
    expect(resolveCandidates([...a, ...b], true)).toEqual([]);
  });

  it('keeps the reading with twice the evidence of its rivals together', () => {
    const strong = copies(3, { evidence: 30 });
    const weak = copies(2, {
      rawText: '7034759003930',
      evidence: 4,
      position: quad(0, 40, 100, 2),
    });
    expect(resolveCandidates([...strong, ...weak], false).map((c) => c.rawText)).toEqual([
      '5449000039231',
    ]);
  });

  it('counts a read across a tilted symbol as a rival of the straight read', () => {
    const straight = copies(2, {
      format: 'ITF',
      symbologyIdentifier: ']I0',
      rawText: '0053611912',
      evidence: 8,
    });
    const tilted: Quad = {
      topLeft: { x: 10, y: -20 },
      topRight: { x: 80, y: 30 },
      bottomRight: { x: 80, y: 32 },
      bottomLeft: { x: 10, y: -18 },
    };
    const partial = copies(2, {
      format: 'ITF',
      symbologyIdentifier: ']I0',
      rawText: '005361',
      position: tilted,
      evidence: 8,
    });
    expect(resolveCandidates([...straight, ...partial], false)).toEqual([]);
  });

  it('keeps stacked GS1-128 symbols apart', () => {
    const sscc = copies(2, {
      format: 'Code128',
      symbologyIdentifier: ']C1',
      rawText: '00340123450000000017',
      position: quad(0, 0, 300, 80),
    });
    const gtin = copies(2, {
      format: 'Code128',
      symbologyIdentifier: ']C1',
      rawText: '0209501101020917' + '3724',
      position: quad(0, 140, 280, 80),
    });
    expect(resolveCandidates([...gtin, ...sscc], false).map((c) => c.rawText)).toEqual([
      '00340123450000000017',
      '02095011010209173724',
    ]);
  });

  it('refuses ITF that agreed only along a thin band (a partial read across a tilted symbol)', () => {
    const itf = { format: 'ITF' as const, symbologyIdentifier: ']I0', rawText: '005361' };
    expect(resolveCandidates(copies(8, { ...itf, position: quad(0, 0, 120, 1) }), false)).toEqual(
      [],
    );
    expect(
      resolveCandidates(copies(2, { ...itf, position: quad(0, 0, 120, 30) }), false),
    ).toHaveLength(1);
  });

  it('accepts a 2-D read alone, but not two different ones at one place', () => {
    const dm = cand({
      format: 'DataMatrix',
      symbologyIdentifier: ']d2',
      rawText: `0109501101020917${GS}10A`,
      evidence: 1,
    });
    expect(resolveCandidates([dm], false)).toMatchObject([
      { confirmed: true, text: `]d20109501101020917${GS}10A` },
    ]);
    const other = { ...dm, rawText: '0109501101020917', position: quad(5, 5, 90) };
    expect(resolveCandidates([dm, other], false)).toEqual([]);
    // A 1-D and a 2-D symbol side by side do not compete.
    expect(resolveCandidates([dm, ...copies(2)], false)).toHaveLength(2);
  });

  it('calls one symbol read as EAN-13 and as UPC-A by the name most reads used', () => {
    const upc = { rawText: '0036602301467' };
    const reads = [
      cand({ ...upc, format: 'UPC-A', copy: 'a' }),
      cand({ ...upc, format: 'UPC-A', copy: 'b' }),
      cand({ ...upc, copy: 'c' }),
    ];
    expect(resolveCandidates(reads, false)).toMatchObject([{ format: 'UPC-A' }]);
  });

  it('orders codes top to bottom, then left to right', () => {
    const low = copies(2, { position: quad(0, 500, 100) });
    const right = copies(2, { rawText: '9780140013993', position: quad(400, 0, 100) });
    const left = copies(2, { rawText: '5000213002834', position: quad(0, 0, 100) });
    expect(resolveCandidates([...low, ...right, ...left], false).map((c) => c.rawText)).toEqual([
      '5000213002834',
      '9780140013993',
      '5449000039231',
    ]);
  });
});

describe('decodeFrame with a stand-in zxing', () => {
  const frame: RgbaImage = { width: 200, height: 100, data: new Uint8ClampedArray(200 * 100 * 4) };

  function result(over: Partial<ZxingReadResult> = {}): ZxingReadResult {
    return {
      isValid: true,
      format: 'EAN13',
      text: '5449000039231',
      symbologyIdentifier: ']E0',
      position: quad(20, 10, 100),
      lineCount: 10,
      ...over,
    };
  }

  /** A zxing that answers the same results for every copy, and records what it was given. */
  function fake(results: (image: RgbaPixels) => ZxingReadResult[]) {
    const calls: { image: RgbaPixels; options: ZxingReaderOptions }[] = [];
    const read: ReadBarcodes = (image, options) => {
      calls.push({ image, options });
      return Promise.resolve(results(image));
    };
    return { read, calls };
  }

  const reader = HARD_PASSES[0]?.reader ?? FAST_PASSES[0]!.reader;
  const pass = (name: string, steps: Pass['steps']): Pass => ({ name, steps, reader });

  it('asks zxing for plain text in the enabled formats only', async () => {
    const { read, calls } = fake(() => []);
    await decodeFrame(read, frame, { formats: ['EAN-13', 'UPC-A', 'Code128', 'DataMatrix'] });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options).toMatchObject({
      formats: ['EAN13', 'UPCA', 'Code128', 'DataMatrix'],
      textMode: 'Plain',
      eanAddOnSymbol: 'Ignore',
      returnErrors: false,
      tryHarder: false,
    });
    // The fast pass hands over the frame itself when nothing needs changing.
    expect(calls[0]?.image.data).toBe(frame.data);
    expect(await decodeFrame(read, frame, { formats: [] })).toEqual([]);
  });

  it('maps positions back from a scaled copy into the frame', async () => {
    const { read } = fake((image) => [
      result({
        position: quad(image.width / 10, image.height / 10, image.width / 2, image.height / 4),
      }),
    ]);
    const codes = await decodeFrame(read, frame, {
      passes: [
        pass('double', [{ op: 'scale', factor: 2 }]),
        pass('half', [{ op: 'scale', factor: 0.5 }]),
      ],
    });
    expect(codes).toHaveLength(1);
    const p = codes[0]?.position;
    expect(p?.topLeft.x).toBeCloseTo(20);
    expect(p?.topLeft.y).toBeCloseTo(10);
    expect(p?.bottomRight.x).toBeCloseTo(120);
    expect(p?.bottomRight.y).toBeCloseTo(35);
    expect(codes[0]).toMatchObject({
      text: ']E05449000039231',
      confirmed: true,
      passes: ['double', 'half'],
    });
  });

  it('skips a pass whose copy and settings repeat an earlier one', async () => {
    const { read, calls } = fake(() => [result()]);
    const codes = await decodeFrame(read, frame, {
      passes: [
        pass('a', []),
        pass('b', [{ op: 'fit', maxSide: 5000 }]),
        pass('c', [{ op: 'grow', minSide: 90, maxFactor: 2 }]),
      ],
      includeUnconfirmed: true,
    });
    expect(calls).toHaveLength(1);
    // One copy only: unconfirmed.
    expect(codes).toMatchObject([{ confirmed: false }]);
  });

  it('turns zxing results into scan strings, dropping what fails validation', async () => {
    const { read } = fake(() => [
      result({ format: 'UPCA', text: '036602301467', position: quad(0, 0, 50) }),
      result({ text: '5449000039232', position: quad(0, 60, 50) }),
      result({
        format: 'QRCode',
        text: 'https://id.gs1.org/01/09501101020917',
        symbologyIdentifier: '',
        lineCount: 0,
        position: quad(100, 0, 60, 60),
      }),
      result({ isValid: false, format: 'QRCode', text: 'junk', position: quad(150, 60, 40, 40) }),
      result({
        format: 'DataMatrix',
        text: `0109501101020917${GS}10A`,
        symbologyIdentifier: ']d8',
        lineCount: 0,
        position: quad(100, 70, 20, 20),
      }),
    ]);
    const codes = await decodeFrame(read, frame, {
      passes: [pass('a', []), pass('b', [{ op: 'gamma', gamma: 0.8 }])],
    });
    expect(codes.map((c) => [c.format, c.text])).toEqual([
      ['UPC-A', ']E00036602301467'],
      ['QRCode', ']Q1https://id.gs1.org/01/09501101020917'],
      // A rectangular (DMRE) GS1 DataMatrix, which zxing calls ]d8.
      ['DataMatrix', `]d20109501101020917${GS}10A`],
    ]);
  });

  it('stops between passes when asked', async () => {
    const { read, calls } = fake(() => []);
    let n = 0;
    await decodeFrame(read, frame, { effort: 'hard', shouldStop: () => ++n > 2 });
    expect(calls).toHaveLength(2);
  });

  it('runs the fast pass, then every hard pass, for effort hard', async () => {
    const { read, calls } = fake(() => []);
    const big: RgbaImage = { width: 64, height: 48, data: new Uint8ClampedArray(64 * 48 * 4) };
    await decodeFrame(read, big, { effort: 'hard' });
    // The untouched frame is read twice (fast and hard settings); every other copy once.
    expect(calls.length).toBeGreaterThanOrEqual(HARD_PASSES.length - 1);
    expect(calls[0]?.options.tryHarder).toBe(false);
    expect(calls[1]?.options.tryHarder).toBe(true);
  });
});
