import { describe, expect, it } from 'vitest';
import type { DecodedCode, Quad } from './barcode-reader';
import { ScanConfirmer } from './confirm';

function quad(x: number): Quad {
  return {
    topLeft: { x, y: 0 },
    topRight: { x: x + 100, y: 0 },
    bottomRight: { x: x + 100, y: 40 },
    bottomLeft: { x, y: 40 },
  };
}

function code(text: string, over: Partial<DecodedCode> = {}): DecodedCode {
  return {
    format: 'EAN-13',
    text: `]E0${text}`,
    rawText: text,
    symbologyIdentifier: ']E0',
    position: quad(0),
    pass: 'fast',
    passes: ['fast'],
    confirmed: false,
    ...over,
  };
}

const EAN = '5449000039231';
const OTHER = '7034759003930';

describe('ScanConfirmer', () => {
  it('passes on an unconfirmed code seen in two frames, once', () => {
    const c = new ScanConfirmer();
    expect(c.push([code(EAN)], 0)).toEqual([]);
    expect(c.push([code(EAN)], 100).map((x) => x.rawText)).toEqual([EAN]);
    expect(c.push([code(EAN)], 200)).toEqual([]);
    expect(c.push([code(EAN)], 1900)).toEqual([]);
  });

  it('passes on a confirmed code at once', () => {
    const c = new ScanConfirmer();
    const dm = code('hello', { format: 'DataMatrix', text: ']d1hello', confirmed: true });
    expect(c.push([dm], 0)).toEqual([dm]);
    expect(c.push([dm], 50)).toEqual([]);
  });

  it('passes a code on again after it was out of view', () => {
    const c = new ScanConfirmer({ repeatAfterMs: 1000 });
    c.push([code(EAN)], 0);
    expect(c.push([code(EAN)], 100)).toHaveLength(1);
    expect(c.push([], 600)).toEqual([]);
    // Back in view: the earlier frames still vouch for it.
    expect(c.push([code(EAN)], 1200)).toHaveLength(1);
    expect(c.push([code(EAN)], 1300)).toEqual([]);
  });

  it('does not confirm frames too far apart', () => {
    const c = new ScanConfirmer({ windowMs: 500 });
    c.push([code(EAN)], 0);
    expect(c.push([code(EAN)], 800)).toEqual([]);
    expect(c.push([code(EAN)], 900)).toHaveLength(1);
  });

  it('trusts neither of two texts read at the same place', () => {
    const c = new ScanConfirmer();
    c.push([code(EAN)], 0);
    c.push([code(OTHER, { position: quad(5) })], 100);
    expect(c.push([code(EAN)], 200)).toEqual([]);
    // Elsewhere in the frame, another code does not interfere.
    const d = new ScanConfirmer();
    d.push([code(EAN), code(OTHER, { position: quad(600) })], 0);
    const out = d.push([code(EAN), code(OTHER, { position: quad(600) })], 100);
    expect(out.map((x) => x.rawText)).toEqual([EAN, OTHER]);
  });

  it('forgets everything on reset', () => {
    const c = new ScanConfirmer();
    c.push([code(EAN)], 0);
    c.reset();
    expect(c.push([code(EAN)], 100)).toEqual([]);
  });
});
