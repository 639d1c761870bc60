import { describe, expect, it } from 'vitest';
import { JobValidationError } from './fields.js';
import { parseJobSpec, renderJobSpec } from './metronome-json.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ok = { id: 'prod.example.app', run: { cmd: 'sleep 1' } };

function issues(body: unknown, pathId?: string): Array<{ path: string; error: string }> {
  try {
    parseJobSpec(body, NOW, pathId);
  } catch (e) {
    expect(e).toBeInstanceOf(JobValidationError);
    return (e as JobValidationError).issues.map(({ path, error }) => ({ path, error }));
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

describe('parseJobSpec', () => {
  it('fills the Metronome defaults', () => {
    const job = parseJobSpec(ok, NOW);
    expect(job).toMatchObject({ name: 'prod.example.app', origin: 'metronome', cpus: 1, mem: 128, disk: 0, shell: true, command: 'sleep 1', retry: { max: 0 }, maxLaunchDelaySeconds: 3600, concurrencyPolicy: 'ALLOW' });
    expect(job.schedule).toBeUndefined();
  });

  it('reads a schedule, placement, docker, restart ON_FAILURE and env', () => {
    const job = parseJobSpec(
      {
        id: 'nightly',
        labels: { team: 'a' },
        run: {
          args: ['/bin/echo', 'hi'],
          cpus: 0.5,
          mem: 64,
          env: { A: '1' },
          docker: { image: 'busybox' },
          placement: { constraints: [{ attribute: 'hostname', operator: 'IS', value: 'node1' }] },
          restart: { policy: 'ON_FAILURE', activeDeadlineSeconds: 120 },
          artifacts: [{ uri: 'http://x/a.tgz' }],
        },
        schedules: [{ id: 'default', cron: '0 2 * * *', timezone: 'Europe/Berlin', concurrencyPolicy: 'FORBID' }],
      },
      NOW,
    );
    expect(job.schedule).toEqual({ id: 'default', kind: 'cron', expression: '0 2 * * *', timeZone: 'Europe/Berlin', startingDeadlineSeconds: 900, enabled: true });
    expect(job).toMatchObject({ concurrencyPolicy: 'FORBID', shell: false, command: '', arguments: ['/bin/echo', 'hi'], retry: { deadlineSeconds: 120 }, labels: { team: 'a' } });
    expect(job.constraints).toEqual([{ attribute: 'hostname', operator: 'EQUALS', value: 'node1' }]);
    expect(job.container?.image).toBe('busybox');
    const out = renderJobSpec(job, true) as any;
    expect(out.run).toMatchObject({ args: ['/bin/echo', 'hi'], docker: { image: 'busybox' }, env: { A: '1' }, restart: { policy: 'ON_FAILURE', activeDeadlineSeconds: 120 }, placement: { constraints: [{ attribute: 'hostname', operator: 'IS', value: 'node1' }] } });
    expect(out.schedules).toEqual([{ id: 'default', cron: '0 2 * * *', timezone: 'Europe/Berlin', startingDeadlineSeconds: 900, concurrencyPolicy: 'FORBID', enabled: true }]);
  });

  const malformed: Array<[string, unknown, { path: string; error: RegExp }]> = [
    ['an array', [ok], { path: '/', error: /jsobject/ }],
    ['no id', { run: { cmd: 'x' } }, { path: '/id', error: /error.path.missing/ }],
    ['an uppercase id', { ...ok, id: 'Prod' }, { path: '/id', error: /must fully match regular expression/ }],
    ['an id with underscores', { ...ok, id: 'a_b' }, { path: '/id', error: /must fully match/ }],
    ['an id ending in a dash', { ...ok, id: 'a-' }, { path: '/id', error: /must fully match/ }],
    ['a numeric id', { ...ok, id: 5 }, { path: '/id', error: /error.expected.jsstring/ }],
    ['no run', { id: 'a' }, { path: '/run', error: /error.path.missing/ }],
    ['nothing runnable', { id: 'a', run: {} }, { path: '/run', error: /Cmd, docker or ucr image must be specified/ }],
    ['mem under 32', { id: 'a', run: { cmd: 'x', mem: 16 } }, { path: '/run/mem', error: /is less than than 32/ }],
    ['cpus as a string', { id: 'a', run: { cmd: 'x', cpus: 'lots' } }, { path: '/run/cpus', error: /jsnumber/ }],
    ['negative disk', { id: 'a', run: { cmd: 'x', disk: -1 } }, { path: '/run/disk', error: /is less than than 0/ }],
    ['cmd and args', { id: 'a', run: { cmd: 'x', args: ['y'] } }, { path: '/run/args', error: /cmd/ }],
    ['env with a number', { id: 'a', run: { cmd: 'x', env: { A: 1 } } }, { path: '/run/env/A', error: /jsstring/ }],
    ['a docker without an image', { id: 'a', run: { docker: {} } }, { path: '/run/docker/image', error: /missing/ }],
    ['docker and ucr', { id: 'a', run: { docker: { image: 'a' }, ucr: { image: { id: 'b' } } } }, { path: '/run/docker', error: /not both/ }],
    ['an unknown restart policy', { id: 'a', run: { cmd: 'x', restart: { policy: 'ALWAYS' } } }, { path: '/run/restart/policy', error: /enum/ }],
    ['an unknown placement operator', { id: 'a', run: { cmd: 'x', placement: { constraints: [{ attribute: 'a', operator: 'NEAR', value: 'b' }] } } }, { path: '/run/placement/constraints/0/operator', error: /enum/ }],
    ['secrets', { id: 'a', run: { cmd: 'x', secrets: { s: { source: 'x' } } } }, { path: '/run/secrets', error: /not supported/ }],
    ['two schedules', { ...ok, schedules: [{ id: 'a', cron: '* * * * *' }, { id: 'b', cron: '* * * * *' }] }, { path: '/schedules', error: /Only one schedule/ }],
    ['a schedule without cron', { ...ok, schedules: [{ id: 'a' }] }, { path: '/schedules/0/cron', error: /missing/ }],
    ['a bad cron', { ...ok, schedules: [{ id: 'a', cron: '61 * * * *' }] }, { path: '/schedules/0/cron', error: /Cron expression not valid/ }],
    ['an impossible cron date', { ...ok, schedules: [{ id: 'a', cron: '0 0 31 2 *' }] }, { path: '/schedules/0/cron', error: /Cron expression not valid/ }],
    ['an unknown time zone', { ...ok, schedules: [{ id: 'a', cron: '* * * * *', timezone: 'Nowhere/Land' }] }, { path: '/schedules/0/timezone', error: /Time zone not valid/ }],
    ['a deadline under 60 s', { ...ok, schedules: [{ id: 'a', cron: '* * * * *', startingDeadlineSeconds: 10 }] }, { path: '/schedules/0/startingDeadlineSeconds', error: /60/ }],
    ['an unknown concurrency policy', { ...ok, schedules: [{ id: 'a', cron: '* * * * *', concurrencyPolicy: 'QUEUE' }] }, { path: '/schedules/0/concurrencyPolicy', error: /enum/ }],
    ['dependencies and schedules', { ...ok, dependencies: [{ id: 'b' }], schedules: [{ id: 'a', cron: '* * * * *' }] }, { path: '/dependencies', error: /dependencies may not have schedules/ }],
    ['labels with a number', { ...ok, labels: { a: 1 } }, { path: '/labels/a', error: /jsstring/ }],
    ['an id differing from the path', { ...ok, id: 'other' }, { path: '/id', error: /does not match/ }],
  ];

  it(`rejects ${malformed.length} malformed job specs with Metronome paths`, () => {
    for (const [what, body, want] of malformed) {
      const pathId = what === 'an id differing from the path' ? 'prod.example.app' : undefined;
      const got = issues(body, pathId);
      expect(got.some((i) => i.path === want.path && want.error.test(i.error)), `${what}: ${JSON.stringify(got)}`).toBe(true);
    }
  });
});
