import { describe, expect, it } from 'vitest';
import { EffortSchedule } from './effort-schedule';

describe('EffortSchedule', () => {
  it('stays quick while codes keep being read', () => {
    const s = new EffortSchedule(0);
    for (let t = 0; t < 5000; t += 100) {
      expect(s.next(t)).toBe('fast');
      s.done(t, 'fast', true, 20);
    }
  });

  it('alternates hard and quick passes once nothing was read for a second', () => {
    const s = new EffortSchedule(0);
    const efforts: string[] = [];
    for (let t = 0; t <= 1600; t += 100) {
      const e = s.next(t);
      efforts.push(e);
      s.done(t, e, false, 20);
    }
    expect(efforts.slice(0, 10).every((e) => e === 'fast')).toBe(true);
    expect(efforts.slice(10)).toEqual(['hard', 'fast', 'hard', 'fast', 'hard', 'fast', 'hard']);
  });

  it('tries harder sooner when the camera is still and reads nothing', () => {
    const s = new EffortSchedule(0);
    s.done(0, 'fast', false, 1);
    s.done(100, 'fast', false, 1);
    expect(s.next(200)).toBe('fast');
    s.done(200, 'fast', false, 1);
    expect(s.next(300)).toBe('hard');
  });

  it('goes back to quick passes as soon as a code is read or the picture moves', () => {
    const s = new EffortSchedule(0);
    s.done(1100, 'fast', false, 20);
    expect(s.next(1200)).toBe('hard');
    s.done(1200, 'hard', true, 20);
    expect(s.next(1300)).toBe('fast');
    const still = new EffortSchedule(0);
    still.done(0, 'fast', false, 1);
    still.done(400, 'fast', false, 30);
    expect(still.next(500)).toBe('fast');
  });

  it('starts over on reset', () => {
    const s = new EffortSchedule(0);
    s.done(1500, 'fast', false, 20);
    expect(s.next(1600)).toBe('hard');
    s.reset(1600);
    expect(s.next(1700)).toBe('fast');
  });
});
