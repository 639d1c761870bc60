import { describe, expect, it } from 'vitest';
import { matchesLabelSelector, parseLabelSelector } from './label-selector.js';

const labels = { env: 'prod', tier: 'web', 'a,b': 'x y' };

describe('label selector (GET /v2/apps?label=…)', () => {
  it.each([
    ['env', true],
    ['missing', false],
    ['env==prod', true],
    ['env==dev', false],
    ['env!=dev', true],
    ['missing!=dev', false],
    ['tier in (web, api)', true],
    ['tier in (api)', false],
    ['tier notin (api, db)', true],
    ['env==prod,tier==web', true],
    ['env==prod,tier==api', false],
    ['a\\,b==x y', true],
  ])('%s → %s', (selector, want) => expect(matchesLabelSelector(selector, labels)).toBe(want));

  it('parses set terms with commas inside the parentheses', () => {
    expect(parseLabelSelector('tier in (a, b),env')).toEqual([
      { key: 'tier', op: 'in', values: ['a', 'b'] },
      { key: 'env', op: 'exists', values: [] },
    ]);
  });

  it('refuses what does not parse', () => {
    for (const bad of ['a in (', '==x', 'a b']) expect(() => parseLabelSelector(bad), bad).toThrow(/Invalid label selector/);
  });
});
