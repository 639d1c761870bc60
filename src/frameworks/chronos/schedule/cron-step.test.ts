import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matcherOf, nextMatch } from './cron-step.js';

/** A cron field: *, n, a-b, * /k, a-b/k, or a list of those. */
const field = (min: number, max: number, extra: string[] = []): fc.Arbitrary<string> => {
  const n = fc.integer({ min, max });
  const range = fc.tuple(n, n).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
  const step = fc.integer({ min: 1, max: Math.max(1, max - min) });
  const item = fc.oneof(
    n.map(String),
    range,
    fc.tuple(range, step).map(([r, k]) => `${r}/${k}`),
    step.map((k) => `*/${k}`),
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('*') },
    { weight: 4, arbitrary: item },
    { weight: 2, arbitrary: fc.array(item, { minLength: 2, maxLength: 3 }).map((xs) => xs.join(',')) },
    ...extra.map((e) => ({ weight: 1, arbitrary: fc.constant(e) })),
  );
};
const dowSpecial = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 5 })).map(([d, k]) => `${d}#${k}`),
  fc.integer({ min: 0, max: 7 }).map((d) => `${d}L`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 7 })).map(([a, d]) => `${a},${d}L`),
);
const expression = fc
  .tuple(
    fc.option(field(0, 59), { nil: undefined }),
    field(0, 59),
    field(0, 23),
    field(1, 31, ['L', '?', 'L,15']),
    field(1, 12, ['JAN-MAR', 'FEB']),
    fc.oneof(field(0, 7, ['MON-FRI', 'SUN']), dowSpecial),
  )
  .map(([s, ...rest]) => (s === undefined ? rest : [s, ...rest]).join(' '));
const start = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });

describe('nextMatch', () => {
  it('agrees with cron-parser (zone UTC) on the next 5 matches of random expressions', () => {
    let compared = 0;
    fc.assert(
      fc.property(expression, start, (expr, from) => {
        let interval;
        try {
          interval = CronExpressionParser.parse(expr, { tz: 'UTC', currentDate: new Date(from) });
        } catch {
          return; // cron-parser rejects it: nothing to compare
        }
        const want: number[] = [];
        try {
          for (let i = 0; i < 5; i++) want.push(interval.next().getTime());
        } catch {
          return; // cron-parser gives up (loop limit) on very sparse expressions
        }
        const m = matcherOf(interval.fields);
        // cron-parser's loop limit makes it return dates outside its own month field for very sparse
        // expressions (e.g. '0 0 1 FEB 0#5' → 2031-06-04); those answers are not an oracle.
        if (want.some((w) => !m.months.has(new Date(w).getUTCMonth() + 1))) return;
        const got: number[] = [];
        let t = from;
        for (let i = 0; i < 5; i++) {
          const n = nextMatch(m, t);
          if (n === undefined) break;
          got.push(n);
          t = n;
        }
        compared++;
        expect(got.map((x) => new Date(x).toISOString()), expr).toEqual(want.map((x) => new Date(x).toISOString()));
      }),
      { numRuns: 400, seed: 20260308 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('is strictly after the given wall-clock time, at whole seconds', () => {
    const m = matcherOf(CronExpressionParser.parse('*/15 * * * * *', { tz: 'UTC' }).fields);
    expect(nextMatch(m, Date.UTC(2026, 0, 1, 10, 0, 15))).toBe(Date.UTC(2026, 0, 1, 10, 0, 30));
    expect(nextMatch(m, Date.UTC(2026, 0, 1, 10, 0, 14, 999))).toBe(Date.UTC(2026, 0, 1, 10, 0, 15));
    expect(nextMatch(m, Date.UTC(2026, 0, 1, 23, 59, 45))).toBe(Date.UTC(2026, 0, 2, 0, 0, 0));
  });

  it('returns undefined for an expression that never matches', () => {
    const m = matcherOf(CronExpressionParser.parse('0 0 * * 1#5', { tz: 'UTC' }).fields);
    m.months = new Set([2]);
    m.dowDays = new Set([1]);
    m.nth = 6; // no month has a sixth week
    expect(nextMatch(m, Date.UTC(2026, 0, 1))).toBeUndefined();
  });
});
