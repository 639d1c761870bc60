import { describe, expect, it } from 'vitest';
import { parseChronosJob, renderChronosJob } from './chronos-json.js';
import { JobValidationError } from './fields.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ok = { name: 'tutorial', command: 'date >> /tmp/test2.txt', schedule: 'R/2026-03-01T12:00:00Z/PT2S' };

function fails(body: unknown, endpoint: 'iso8601' | 'dependency' = 'iso8601'): string {
  try {
    parseChronosJob(body, endpoint, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(JobValidationError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

describe('parseChronosJob', () => {
  it('fills the Chronos 3 defaults', () => {
    const { job, stats } = parseChronosJob(ok, 'iso8601', NOW);
    expect(job).toMatchObject({ name: 'tutorial', shell: true, cpus: 0.1, mem: 128, disk: 256, retry: { max: 2 }, concurrencyPolicy: 'FORBID', disabled: false, parents: [] });
    expect(job.schedule).toEqual({ id: 'default', kind: 'iso8601', expression: ok.schedule, timeZone: '', enabled: true });
    expect(stats).toBeUndefined();
  });

  it('treats 0 resources as the defaults, accepts and ignores epsilon/async, maps concurrent and the extension policy', () => {
    const { job } = parseChronosJob({ ...ok, cpus: 0, mem: 0, disk: 0, epsilon: 'PT30M', async: true, concurrent: true }, 'iso8601', NOW);
    expect(job).toMatchObject({ cpus: 0.1, mem: 128, disk: 256, concurrencyPolicy: 'ALLOW' });
    expect(parseChronosJob({ ...ok, concurrencyPolicy: 'replace' }, 'iso8601', NOW).job.concurrencyPolicy).toBe('REPLACE');
  });

  it('runs a job without a schedule once, now', () => {
    const { job } = parseChronosJob({ name: 'once', command: 'true' }, 'iso8601', NOW);
    expect(job.schedule?.expression).toBe('R1/2026-03-01T12:00:00.000Z/PT24H');
  });

  it('reads a dependent job, a container, fetch, constraints, env and stats', () => {
    const { job, stats } = parseChronosJob(
      {
        name: 'child',
        command: 'echo hi',
        parents: ['a', 'b'],
        container: { type: 'docker', image: 'busybox', volumes: [{ containerPath: '/data', hostPath: '/srv', mode: 'ro' }], parameters: [{ key: 'label', value: 'x=y' }] },
        uris: ['http://x/y.tgz'],
        constraints: [['rack', 'LIKE', 'r[12]']],
        environmentVariables: [{ name: 'A', value: '1' }],
        successCount: 3,
        lastSuccess: '2026-01-01T00:00:00.000Z',
      },
      'dependency',
      NOW,
    );
    expect(job.parents).toEqual(['a', 'b']);
    expect(job.schedule).toBeUndefined();
    expect(job.container).toEqual({ type: 'DOCKER', image: 'busybox', network: 'HOST', volumes: [{ containerPath: '/data', hostPath: '/srv', mode: 'RO' }], forcePullImage: false, privileged: false, parameters: [{ key: 'label', value: 'x=y' }] });
    expect(job.fetch).toEqual([{ uri: 'http://x/y.tgz', executable: false, cache: false, extract: true }]);
    expect(job.constraints).toEqual([{ attribute: 'rack', operator: 'LIKE', value: 'r[12]' }]);
    expect(stats).toMatchObject({ successCount: 3, lastSuccess: '2026-01-01T00:00:00.000Z', errorCount: 0 });
  });

  it('renders exactly one of schedule and parents, with every field clients index', () => {
    const { job } = parseChronosJob(ok, 'iso8601', NOW);
    const out = renderChronosJob(job, { successCount: 0, errorCount: 0, lastSuccess: '', lastError: '', errorsSinceLastSuccess: 0 });
    expect(out).toMatchObject({ name: 'tutorial', command: ok.command, owner: '', disabled: false, schedule: ok.schedule, scheduleTimeZone: '', retries: 2, concurrent: false, uris: [], fetch: [], environmentVariables: [] });
    expect(out.parents).toBeUndefined();
    const dep = renderChronosJob({ ...job, parents: ['x'], schedule: undefined }, { successCount: 0, errorCount: 0, lastSuccess: '', lastError: '', errorsSinceLastSuccess: 0 });
    expect(dep.parents).toEqual(['x']);
    expect(dep.schedule).toBeUndefined();
  });

  const malformed: Array<[string, unknown, RegExp, ('iso8601' | 'dependency')?]> = [
    ['an array body', [ok], /Expected a JSON object, got array/],
    ['a string body', 'job', /Expected a JSON object, got string/],
    ['a null body', null, /Expected a JSON object/],
    ['no name', { command: 'x', schedule: ok.schedule }, /name is missing/],
    ['a numeric name', { ...ok, name: 42 }, /name must be a string/],
    ['a name with spaces', { ...ok, name: 'job with spaces' }, /the job's name is invalid/],
    ['a name with a slash', { ...ok, name: 'a/b' }, /the job's name is invalid/],
    ['an empty name', { ...ok, name: '' }, /the job's name is invalid/],
    ['a name with a colon', { ...ok, name: 'a:b' }, /the job's name is invalid/],
    ['no command', { name: 'x', schedule: ok.schedule }, /command must not be empty/],
    ['a numeric command', { ...ok, command: 7 }, /command must be a string/],
    ['a garbage schedule', { ...ok, schedule: 'every day' }, /Cannot parse schedule 'every day'/],
    ['a schedule without a period', { ...ok, schedule: 'R/2026-03-01T12:00:00Z' }, /Cannot parse schedule/],
    ['a bad period', { ...ok, schedule: 'R/2026-03-01T12:00:00Z/1M' }, /Cannot parse schedule/],
    ['a zero period', { ...ok, schedule: 'R/2026-03-01T12:00:00Z/PT0S' }, /Cannot parse schedule/],
    ['a bad start date', { ...ok, schedule: 'R/2026-13-45T12:00:00Z/PT1M' }, /Cannot parse schedule/],
    ['a start before 1970', { ...ok, schedule: 'R/1969-12-31T00:00:00Z/PT1M' }, /before 1970/],
    ['a start over a year ago', { ...ok, schedule: 'R/2020-01-01T00:00:00Z/PT1M' }, /more than 1 year in the past/],
    ['a schedule that is a number', { ...ok, schedule: 5 }, /schedule must be a string/],
    ['an unknown time zone', { ...ok, scheduleTimeZone: 'Mars/Olympus' }, /time zone/i],
    ['an impossible cron date', { ...ok, schedule: '0 0 31 2 *' }, /Cannot parse schedule '0 0 31 2 \*'/],
    ['a cron with 3 fields', { ...ok, schedule: '* * *' }, /Cannot parse schedule/],
    ['both a schedule and parents', { ...ok, parents: ['a'] }, /either a schedule or parents/],
    ['a dependent job without parents', { name: 'c', command: 'x' }, /needs parents/, 'dependency'],
    ['a dependent job with a schedule', { name: 'c', command: 'x', parents: ['a'], schedule: ok.schedule }, /either a schedule or parents/, 'dependency'],
    ['parents that are not strings', { name: 'c', command: 'x', parents: [1] }, /parents\[0\] must be a string/, 'dependency'],
    ['parents that are a string', { name: 'c', command: 'x', parents: 'a' }, /parents must be an array/, 'dependency'],
    ['negative retries', { ...ok, retries: -1 }, /retries must be at least 0/],
    ['fractional retries', { ...ok, retries: 1.5 }, /retries must be an integer/],
    ['retries as a string', { ...ok, retries: '2' }, /retries must be a number/],
    ['negative cpus', { ...ok, cpus: -0.5 }, /cpus must be at least 0/],
    ['mem as a string', { ...ok, mem: '128' }, /mem must be a number/],
    ['disabled as a string', { ...ok, disabled: 'no' }, /disabled must be a boolean/],
    ['concurrent as a number', { ...ok, concurrent: 1 }, /concurrent must be a boolean/],
    ['an unknown concurrencyPolicy', { ...ok, concurrencyPolicy: 'SOMETIMES' }, /concurrencyPolicy must be ALLOW, FORBID or REPLACE/],
    ['a container without an image', { ...ok, container: { type: 'DOCKER' } }, /container.image is required/],
    ['a container of an unknown type', { ...ok, container: { type: 'RKT', image: 'x' } }, /container.type must be DOCKER or MESOS/],
    ['a container that is a string', { ...ok, container: 'busybox' }, /container must be an object/],
    ['a volume without a container path', { ...ok, container: { image: 'x', volumes: [{ hostPath: '/a' }] } }, /containerPath is required/],
    ['environmentVariables as a map', { ...ok, environmentVariables: { A: '1' } }, /environmentVariables must be an array/],
    ['an environment variable without a name', { ...ok, environmentVariables: [{ value: '1' }] }, /name is required/],
    ['a constraint with two fields', { ...ok, constraints: [['rack', 'EQUALS']] }, /must be \[attribute, operator, value\]/],
    ['an unknown constraint operator', { ...ok, constraints: [['rack', 'CLUSTER', 'a']] }, /unknown constraint operator 'CLUSTER'/],
    ['a LIKE constraint with a bad regex', { ...ok, constraints: [['rack', 'LIKE', '([']] }, /not a valid regular expression/],
    ['both uris and fetch', { ...ok, uris: ['http://a'], fetch: [{ uri: 'http://b' }] }, /Tried to add both uri \(deprecated\) and fetch parameters on tutorial/],
    ['a fetch entry without a uri', { ...ok, fetch: [{ executable: true }] }, /uri is required/],
    ['a bad lastSuccess', { ...ok, lastSuccess: 'yesterday' }, /lastSuccess must be an ISO 8601 timestamp/],
    ['a negative successCount', { ...ok, successCount: -3 }, /successCount must be at least 0/],
    ['arguments that are not strings', { ...ok, shell: false, arguments: ['-v', 3] }, /arguments\[1\] must be a string/],
  ];

  it(`rejects ${malformed.length} malformed jobs with a message naming the problem`, () => {
    expect(malformed.length).toBeGreaterThanOrEqual(30);
    for (const [what, body, message, endpoint] of malformed) {
      const got = fails(body, endpoint);
      expect(got, what).toMatch(message);
    }
  });
});
