import { describe, expect, it } from 'vitest';
import { versionInfo } from './version-info.js';

describe('versionInfo', () => {
  it('reports the emulated Mesos version and ours in git_tag', async () => {
    const { default: pkg } = await import('../../../package.json', { with: { type: 'json' } });
    const v = versionInfo();
    expect(v.version).toBe('1.11.0');
    expect(v.git_tag).toBe(`tsmesos-${pkg.version}`);
  });

  it('has upstream build fields: date text, float-second time, user', () => {
    const v = versionInfo();
    expect(v.build_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(typeof v.build_time).toBe('number');
    expect(v.build_time).toBeGreaterThan(1.6e9);
    expect(typeof v.build_user).toBe('string');
  });

  it('is stable across calls and returns copies', () => {
    const a = versionInfo();
    a.version = 'x';
    expect(versionInfo().version).toBe('1.11.0');
    expect(versionInfo().build_time).toBe(versionInfo().build_time);
  });
});
