import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.js';
import { fixedMaster, redirectBase } from './leader-url.js';

describe('Backoff', () => {
  it('doubles up to the cap, with jitter in the upper half, and resets', () => {
    const b = new Backoff(500, 15_000, () => 1);
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
    b.reset();
    expect(b.next()).toBe(500);
    const low = new Backoff(500, 15_000, () => 0);
    expect(low.next()).toBe(250);
  });
});

describe('leader URLs', () => {
  it('resolves a protocol-relative Location against the called URL', () => {
    expect(redirectBase('//10.0.0.2:5050/api/v1/scheduler', 'http://10.0.0.1:5050/api/v1/scheduler')).toBe('http://10.0.0.2:5050');
    expect(redirectBase('http://h:1/x', 'http://a:2')).toBe('http://h:1');
  });

  it('accepts host:port or a URL for a fixed master', async () => {
    expect(await fixedMaster('127.0.0.1:5050')()).toBe('http://127.0.0.1:5050');
    expect(await fixedMaster('http://m:5050/ignored')()).toBe('http://m:5050');
  });
});
