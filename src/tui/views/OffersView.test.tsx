import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { OffersView, recentRate } from './OffersView.js';
import { sample, sampleState } from './rows.test-helpers.js';

const rate = [...Array(50).fill(0), 1, 2, 4, 8, 4, 2, 1, 0, 3, 5];

describe('OffersView', () => {
  it('lists offers newest first with action, framework, agent, role, resources and age, plus counts and a rate sparkline', () => {
    const { lastFrame } = render(<OffersView rows={sample.offers} held={1} totals={sampleState.offers.totals} rate={rate} width={80} height={6} selected={0} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "held 1  sent 2  accepted 0  declined 1  rescinded 0   ▁▁▁▁▁▁▁▁▁▁▂▃▅█▅▃▂▁▄▅ 2.5/s
      AGE  ACTION    FRAMEWORK  AGENT          ROLE  RESOURCES
       0s  DECLINED  batch      beta.example   *     cpus 3
       1m  SENT      web        alpha.example  *     cpus 2 mem 3G

      "
    `);
  });

  it('adds the offer id column on a wide screen, and says what to expect when empty', () => {
    const wide = render(<OffersView rows={sample.offers} held={1} totals={sampleState.offers.totals} rate={rate} width={120} height={6} selected={-1} />).lastFrame()!;
    expect(wide.split('\n')[1]).toMatch(/AGE +ACTION +FRAMEWORK +AGENT +ROLE +RESOURCES +OFFER$/);
    expect(wide).toContain('offer-1');
    const empty = render(<OffersView rows={[]} held={0} totals={{ SENT: 0, ACCEPTED: 0, DECLINED: 0, RESCINDED: 0 }} rate={[]} width={80} height={4} selected={-1} />).lastFrame()!;
    expect(empty).toContain('no offers yet');
    expect(empty).toContain('held 0  sent 0');
  });

  it('the rate is the mean of the last ten whole seconds', () => {
    expect(recentRate(rate)).toBeCloseTo((2 + 4 + 8 + 4 + 2 + 1 + 0 + 3 + 1 + 0) / 10);
    expect(recentRate([])).toBe(0);
  });
});
