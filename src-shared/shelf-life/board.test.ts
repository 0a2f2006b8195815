import { describe, expect, it } from 'vitest';
import { compareFefo, pullStatus } from './board';

describe('pullStatus', () => {
  const today = '2027-03-10';
  it.each([
    ['2027-03-09', 'overdue'],
    ['2027-03-10', 'this-week'],
    ['2027-03-16', 'this-week'],
    ['2027-03-17', 'next-30-days'],
    ['2027-04-09', 'next-30-days'],
    ['2027-04-10', 'later'],
  ] as const)('a lot leaving sale on %s is %s', (removalDate, status) => {
    expect(pullStatus({ removalDate }, today)).toBe(status);
  });
});

describe('compareFefo', () => {
  it('orders by removal date, then by receipt date', () => {
    const lots = [
      { id: 'c', removalDate: '2027-05-01', received: '2026-12-01' },
      { id: 'a', removalDate: '2027-04-01', received: '2026-12-05' },
      { id: 'd', removalDate: '2027-05-01', received: '2026-11-01' },
      { id: 'b', removalDate: '2027-04-30', received: '2026-10-01' },
    ];
    expect([...lots].sort(compareFefo).map((l) => l.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(compareFefo(lots[0]!, { ...lots[0]! })).toBe(0);
  });
});
