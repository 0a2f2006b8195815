import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../util/dates';
import { compareFefo } from './board';
import { evaluateShelfLife } from './evaluate';
import { defaultShelfLifeRules, removalWindowFor, resolveRules } from './rules';
import type { RemovalBand } from './rules';
import { validateRules } from './validate-rules';

const isoDate = fc
  .integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2099-12-31') })
  .map(fromDayNumber);

const lot = fc.record({
  expiry: isoDate,
  shelfLifeDays: fc.integer({ min: 1, max: 2000 }),
  offset: fc.integer({ min: -100, max: 2100 }),
});

/** A random valid table: cut points split 1..∞ into contiguous rows. */
const validBands = fc
  .uniqueArray(fc.integer({ min: 2, max: 1000 }), { maxLength: 8 })
  .chain((cuts) => {
    const starts = [1, ...[...cuts].sort((a, b) => a - b)];
    return fc.tuple(
      fc.constant(starts),
      fc.array(fc.integer({ min: 0, max: 120 }), {
        minLength: starts.length,
        maxLength: starts.length,
      }),
    );
  })
  .map(([starts, windows]): RemovalBand[] =>
    starts.map((minDays, i) => ({
      minDays,
      maxDays: i + 1 < starts.length ? starts[i + 1]! - 1 : null,
      removalWindowDays: windows[i]!,
    })),
  );

describe('shelf-life properties', () => {
  it('removal ≤ expiry, alert ≤ removal, and acceptance matches the minimum', () => {
    fc.assert(
      fc.property(lot, ({ expiry, shelfLifeDays, offset }) => {
        const received = addDays(expiry, -offset);
        const result = evaluateShelfLife({
          expiry,
          shelfLifeDays,
          received,
          rules: defaultShelfLifeRules,
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const v = result.value;
        expect(v.removalDate <= v.expiry).toBe(true);
        expect(v.alertDate <= v.removalDate).toBe(true);
        expect(v.remainingDays).toBe(offset);
        expect(v.removalWindowDays).toBe(removalWindowFor(defaultShelfLifeRules, shelfLifeDays));
        expect(v.minRemainingDays).toBe(
          Math.max(Math.ceil((2 * shelfLifeDays) / 3), v.removalWindowDays + 1),
        );
        expect(v.acceptable).toBe(v.remainingDays >= v.minRemainingDays);
        if (v.acceptable) {
          expect(v.remainingDays).toBeGreaterThan(v.removalWindowDays);
          expect(3 * v.remainingDays).toBeGreaterThanOrEqual(2 * v.totalDays);
        }
        expect(v.reason.code === 'accepted').toBe(v.acceptable);
      }),
    );
  });

  it('receiving a lot earlier never turns an acceptance into a refusal', () => {
    fc.assert(
      fc.property(
        lot,
        fc.integer({ min: 1, max: 100 }),
        ({ expiry, shelfLifeDays, offset }, earlier) => {
          const at = (received: string) =>
            evaluateShelfLife({ expiry, shelfLifeDays, received, rules: defaultShelfLifeRules });
          const late = at(addDays(expiry, -offset));
          const early = at(addDays(expiry, -offset - earlier));
          if (late.ok && early.ok && late.value.acceptable)
            expect(early.value.acceptable).toBe(true);
        },
      ),
    );
  });

  it('production + shelf life and the two-date path agree', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 2000 }), (production, shelfLifeDays) => {
        const received = addDays(production, 1);
        const fromSku = evaluateShelfLife({
          production,
          shelfLifeDays,
          received,
          rules: defaultShelfLifeRules,
        });
        expect(fromSku.ok).toBe(true);
        if (!fromSku.ok) return;
        expect(daysBetween(production, fromSku.value.expiry)).toBe(shelfLifeDays);
        const fromDates = evaluateShelfLife({
          production,
          expiry: fromSku.value.expiry,
          received,
          rules: defaultShelfLifeRules,
        });
        expect(fromDates.ok && fromDates.value.totalDays).toBe(shelfLifeDays);
        expect(fromDates.ok && fromDates.value.removalDate).toBe(fromSku.value.removalDate);
      }),
    );
  });

  it('any table that tiles 1..∞ validates, and every total finds exactly one row', () => {
    fc.assert(
      fc.property(validBands, fc.integer({ min: 1, max: 5000 }), (bands, total) => {
        const rules = resolveRules(defaultShelfLifeRules, { bands });
        expect(validateRules(rules)).toEqual([]);
        const matching = bands.filter(
          (b) => total >= b.minDays && (b.maxDays === null || total <= b.maxDays),
        );
        expect(matching).toHaveLength(1);
      }),
    );
  });

  it('removing an inner row or stretching one always gives a gap or an overlap', () => {
    fc.assert(
      fc.property(
        validBands.filter((b) => b.length >= 3),
        fc.nat(),
        fc.boolean(),
        (bands, pick, stretch) => {
          const i = 1 + (pick % (bands.length - 2));
          const edited = stretch
            ? bands.map((b, j) => (j === i ? { ...b, maxDays: (b.maxDays ?? 0) + 1 } : b))
            : bands.filter((_, j) => j !== i);
          const codes = validateRules(resolveRules(defaultShelfLifeRules, { bands: edited })).map(
            (p) => p.code,
          );
          expect(codes).toEqual([stretch ? 'overlap' : 'gap']);
        },
      ),
    );
  });

  it('FEFO order is sorted by removal date, then receipt date', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ removalDate: isoDate, received: isoDate })), (lots) => {
        const sorted = [...lots].sort(compareFefo);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          expect(
            a.removalDate < b.removalDate ||
              (a.removalDate === b.removalDate && a.received <= b.received),
          ).toBe(true);
        }
      }),
    );
  });
});
