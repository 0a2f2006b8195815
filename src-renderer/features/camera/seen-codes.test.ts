import { describe, expect, it } from 'vitest';
import { GONE_AFTER_MS, SeenCodes } from './seen-codes';

const sure = (...data: string[]) => data.map((d) => ({ data: d, confirmed: true }));
const unsure = (...data: string[]) => data.map((d) => ({ data: d, confirmed: false }));

describe('SeenCodes', () => {
  it('submits a code once while it stays in view, frame after frame', () => {
    const seen = new SeenCodes();
    expect(seen.observe(sure('A'), 0)).toEqual(['A']);
    for (let t = 100; t <= 10_000; t += 100) expect(seen.observe(sure('A'), t)).toEqual([]);
  });

  it('submits it again after it has been out of view for 1.5 s', () => {
    const seen = new SeenCodes();
    seen.observe(sure('A'), 0);
    expect(seen.observe([], 1000)).toEqual([]);
    expect(seen.observe(sure('A'), GONE_AFTER_MS - 1)).toEqual([]);
    // Seen at 1499: out of view from then on.
    expect(seen.observe(sure('A'), 1499 + GONE_AFTER_MS - 1)).toEqual([]);
    expect(seen.observe(sure('A'), 2998 + GONE_AFTER_MS)).toEqual(['A']);
  });

  it('keeps a code through missed reads shorter than the window', () => {
    const seen = new SeenCodes();
    seen.observe(sure('A'), 0);
    expect(seen.observe([], 700)).toEqual([]);
    expect(seen.observe(sure('A'), 1400)).toEqual([]);
    expect(seen.inView(2000)).toEqual(['A']);
    expect(seen.inView(1400 + GONE_AFTER_MS)).toEqual([]);
  });

  it('tells several codes in one frame apart, and a code read twice in a frame once', () => {
    const seen = new SeenCodes();
    expect(seen.observe(sure('A', 'B', 'A'), 0)).toEqual(['A', 'B']);
    expect(seen.observe(sure('B', 'C'), 100)).toEqual(['C']);
  });

  it('waits for a second frame before an unconfirmed 1-D read counts', () => {
    const seen = new SeenCodes();
    expect(seen.observe(unsure('5449000039231'), 0)).toEqual([]);
    // Read twice in one frame is still one frame.
    expect(seen.observe(unsure('X', 'X'), 10)).toEqual([]);
    expect(seen.observe(unsure('5449000039231'), 100)).toEqual(['5449000039231']);
    expect(seen.observe(unsure('5449000039231'), 200)).toEqual([]);
    // A misread seen once and never again is forgotten.
    expect(seen.observe(unsure('X'), 10 + GONE_AFTER_MS)).toEqual([]);
    expect(seen.observe(unsure('X'), 20 + GONE_AFTER_MS)).toEqual(['X']);
  });

  it('forgets everything on clear', () => {
    const seen = new SeenCodes();
    seen.observe(sure('A'), 0);
    seen.observe(unsure('B'), 0);
    seen.clear();
    expect(seen.observe(sure('A'), 10)).toEqual(['A']);
    expect(seen.observe(unsure('B'), 10)).toEqual([]);
  });

  it('honours a shorter window', () => {
    const seen = new SeenCodes(200);
    seen.observe(sure('A'), 0);
    expect(seen.observe(sure('A'), 150)).toEqual([]);
    expect(seen.observe(sure('A'), 400)).toEqual(['A']);
  });
});
