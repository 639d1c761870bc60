/**
 * Bad input over HTTP to the built `tsmesos chronos` (issue 6: "at least 30 malformed jobs get
 * upstream-shaped 400s"): Chronos answers every one with its ApiResult
 * `{"message","status":"400 Bad Request"}` and never lists the job; Metronome answers 422
 * `{"message":"Object is not valid","details":[{path,errors}]}`; malformed JSON, a huge body and a
 * wrong method get their statuses; the daemon keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Daemon } from '../helpers/daemon.js';
import { ChronosCluster, call } from './chronos-harness.js';

let cluster: ChronosCluster;
let chronos: Daemon;

beforeAll(async () => {
  cluster = await new ChronosCluster().start(false);
  chronos = await cluster.chronos();
  await cluster.leading(chronos);
  await call(chronos.url, 'POST', '/v1/scheduler/iso8601', { name: 'base', command: 'true', schedule: 'R0//PT1H' });
}, 60_000);
afterAll(async () => {
  await cluster?.cleanup();
});

const iso = 'R/2030-01-01T00:00:00Z/PT1M';
const CHRONOS: Array<[string, '/iso8601' | '/dependency', unknown, RegExp]> = [
  ['a JSON array', '/iso8601', [{ name: 'x' }], /Expected a JSON object/],
  ['a JSON string', '/iso8601', '"job"', /Expected a JSON object/],
  ['no name', '/iso8601', { command: 'x', schedule: iso }, /name is missing/],
  ['a numeric name', '/iso8601', { name: 1, command: 'x', schedule: iso }, /name must be a string/],
  ['a name with spaces', '/iso8601', { name: 'job with spaces', command: 'x', schedule: iso }, /the job's name is invalid/],
  ['a name with a slash', '/iso8601', { name: 'a/b', command: 'x', schedule: iso }, /the job's name is invalid/],
  ['a name with a colon', '/iso8601', { name: 'a:b', command: 'x', schedule: iso }, /the job's name is invalid/],
  ['no command', '/iso8601', { name: 'nocmd', schedule: iso }, /command must not be empty/],
  ['a garbage schedule', '/iso8601', { name: 'g', command: 'x', schedule: 'daily' }, /Cannot parse schedule 'daily'/],
  ['a schedule without a period', '/iso8601', { name: 'g', command: 'x', schedule: 'R/2030-01-01T00:00:00Z' }, /Cannot parse schedule/],
  ['a period without P', '/iso8601', { name: 'g', command: 'x', schedule: 'R/2030-01-01T00:00:00Z/T1M' }, /Cannot parse schedule/],
  ['a zero period', '/iso8601', { name: 'g', command: 'x', schedule: 'R/2030-01-01T00:00:00Z/PT0S' }, /Cannot parse schedule/],
  ['an impossible start date', '/iso8601', { name: 'g', command: 'x', schedule: 'R/2030-02-30T00:00:00Z/PT1M' }, /Cannot parse schedule/],
  ['a start before 1970', '/iso8601', { name: 'g', command: 'x', schedule: 'R/1960-01-01T00:00:00Z/PT1M' }, /before 1970/],
  ['a start years ago', '/iso8601', { name: 'g', command: 'x', schedule: 'R/2001-01-01T00:00:00Z/PT1M' }, /more than 1 year in the past/],
  ['an unknown time zone', '/iso8601', { name: 'g', command: 'x', schedule: iso, scheduleTimeZone: 'Atlantis/Capital' }, /time zone/i],
  ['an impossible cron', '/iso8601', { name: 'g', command: 'x', schedule: '0 0 30 2 *' }, /Cannot parse schedule '0 0 30 2 \*'/],
  ['a schedule and parents', '/iso8601', { name: 'g', command: 'x', schedule: iso, parents: ['base'] }, /either a schedule or parents/],
  ['no parents on /dependency', '/dependency', { name: 'd', command: 'x' }, /needs parents/],
  ['an unknown parent', '/dependency', { name: 'd', command: 'x', parents: ['ghost'] }, /parent job 'ghost' does not exist/],
  ['a self parent', '/dependency', { name: 'd', command: 'x', parents: ['d'] }, /job 'd' can not be its own parent/],
  ['a cycle', '/dependency', { name: 'base', command: 'x', parents: ['cyc'] }, /would make a cycle: base -> cyc -> base/],
  ['parents as a string', '/dependency', { name: 'd', command: 'x', parents: 'base' }, /parents must be an array/],
  ['retries as a string', '/iso8601', { name: 'g', command: 'x', schedule: iso, retries: 'two' }, /retries must be a number/],
  ['negative retries', '/iso8601', { name: 'g', command: 'x', schedule: iso, retries: -2 }, /retries must be at least 0/],
  ['negative mem', '/iso8601', { name: 'g', command: 'x', schedule: iso, mem: -1 }, /mem must be at least 0/],
  ['cpus as a string', '/iso8601', { name: 'g', command: 'x', schedule: iso, cpus: 'one' }, /cpus must be a number/],
  ['disabled as a number', '/iso8601', { name: 'g', command: 'x', schedule: iso, disabled: 0 }, /disabled must be a boolean/],
  ['a container without image', '/iso8601', { name: 'g', command: 'x', schedule: iso, container: { type: 'DOCKER' } }, /container.image is required/],
  ['a container type RKT', '/iso8601', { name: 'g', command: 'x', schedule: iso, container: { type: 'RKT', image: 'a' } }, /DOCKER or MESOS/],
  ['environmentVariables as a map', '/iso8601', { name: 'g', command: 'x', schedule: iso, environmentVariables: { A: 'b' } }, /must be an array/],
  ['a two-field constraint', '/iso8601', { name: 'g', command: 'x', schedule: iso, constraints: [['rack', 'EQUALS']] }, /\[attribute, operator, value\]/],
  ['a GROUP_BY constraint', '/iso8601', { name: 'g', command: 'x', schedule: iso, constraints: [['rack', 'GROUP_BY', '2']] }, /unknown constraint operator/],
  ['uris and fetch', '/iso8601', { name: 'g', command: 'x', schedule: iso, uris: ['http://a'], fetch: [{ uri: 'http://b' }] }, /Tried to add both uri \(deprecated\) and fetch parameters on g/],
  ['a bad lastError', '/iso8601', { name: 'g', command: 'x', schedule: iso, lastError: 'never' }, /lastError must be an ISO 8601 timestamp/],
];

describe('tsmesos chronos bad input', () => {
  it(`answers ${CHRONOS.length} malformed Chronos jobs 400 with an ApiResult and lists none of them`, async () => {
    // A child of `base` that `base` would then depend on: the cycle case above.
    expect((await call(chronos.url, 'POST', '/v1/scheduler/dependency', { name: 'cyc', command: 'x', parents: ['base'] })).status).toBe(204);
    expect(CHRONOS.length).toBeGreaterThanOrEqual(30);
    for (const [what, path, body, message] of CHRONOS) {
      const r = await call(chronos.url, 'POST', `/v1/scheduler${path}`, body);
      expect(r.status, what).toBe(400);
      expect(Object.keys(r.body).sort(), what).toEqual(['message', 'status']);
      expect(r.body.status, what).toBe('400 Bad Request');
      expect(r.body.message, what).toMatch(message);
    }
    const names = (await call(chronos.url, 'GET', '/v1/scheduler/jobs')).body.map((j: { name: string }) => j.name);
    expect(names).toEqual(['base', 'cyc']);
    expect((await call(chronos.url, 'GET', '/v1/scheduler/job/base')).body.parents).toBeUndefined();
  });

  it('answers unknown jobs 400, malformed JSON 400, a huge body 413 and a wrong method 405, then keeps serving', async () => {
    for (const [method, path] of [['GET', '/v1/scheduler/job/nope'], ['PUT', '/scheduler/job/nope'], ['DELETE', '/v1/scheduler/job/nope'], ['DELETE', '/v1/scheduler/task/kill/nope'], ['GET', '/v1/scheduler/job/stat/nope'], ['GET', '/v1/scheduler/job/nope/history']] as const) {
      const r = await call(chronos.url, method, path);
      expect([r.status, r.body], `${method} ${path}`).toEqual([400, { message: "Job 'nope' not found", status: '400 Bad Request' }]);
    }
    const broken = await call(chronos.url, 'POST', '/v1/scheduler/iso8601', '{"name": "x", ');
    expect([broken.status, broken.body.status]).toEqual([400, '400 Bad Request']);
    const huge = await call(chronos.url, 'POST', '/v1/scheduler/iso8601', JSON.stringify({ name: 'big', command: 'x'.repeat(3 * 1024 * 1024), schedule: iso }));
    expect([huge.status, huge.body.status]).toEqual([413, '413 Payload Too Large']);
    const wrong = await call(chronos.url, 'POST', '/v1/scheduler/jobs', {});
    expect([wrong.status, wrong.body.status, wrong.headers.get('allow')]).toEqual([405, '405 Method Not Allowed', 'GET, HEAD']);
    expect((await call(chronos.url, 'DELETE', '/v1/scheduler/job/base')).body.message).toBe("job 'base' can not be deleted: job 'cyc' depends on it; delete or re-parent it first");
    const ping = await call(chronos.url, 'GET', '/ping');
    expect([ping.status, ping.text]).toEqual([200, 'pong']);
  });

  const METRONOME: Array<[string, unknown, string]> = [
    ['no id', { run: { cmd: 'x' } }, '/id'],
    ['an uppercase id', { id: 'Nightly', run: { cmd: 'x' } }, '/id'],
    ['no run', { id: 'a' }, '/run'],
    ['nothing to run', { id: 'a', run: {} }, '/run'],
    ['mem 16', { id: 'a', run: { cmd: 'x', mem: 16 } }, '/run/mem'],
    ['cpus as a string', { id: 'a', run: { cmd: 'x', cpus: 'x' } }, '/run/cpus'],
    ['a bad cron', { id: 'a', run: { cmd: 'x' }, schedules: [{ id: 's', cron: '* * *' }] }, '/schedules/0/cron'],
    ['two schedules', { id: 'a', run: { cmd: 'x' }, schedules: [{ id: 's', cron: '* * * * *' }, { id: 't', cron: '* * * * *' }] }, '/schedules'],
    ['a short deadline', { id: 'a', run: { cmd: 'x' }, schedules: [{ id: 's', cron: '* * * * *', startingDeadlineSeconds: 5 }] }, '/schedules/0/startingDeadlineSeconds'],
    ['an unknown dependency', { id: 'a', run: { cmd: 'x' }, dependencies: [{ id: 'ghost' }] }, '/dependencies'],
  ];

  it(`answers ${METRONOME.length} malformed Metronome jobs 422 with details, and bad JSON 400`, async () => {
    for (const [what, body, path] of METRONOME) {
      const r = await call(chronos.url, 'POST', '/v1/jobs', body);
      expect(r.status, what).toBe(422);
      expect(r.body.message, what).toBe('Object is not valid');
      expect(r.body.details.map((d: { path: string }) => d.path), what).toContain(path);
      for (const d of r.body.details) expect(d.errors.length, what).toBeGreaterThan(0);
    }
    const bad = await call(chronos.url, 'POST', '/v1/jobs', '{nope');
    expect([bad.status, bad.body.message]).toEqual([400, 'Invalid JSON']);
    expect((await call(chronos.url, 'GET', '/v1/jobs/nope')).status).toBe(404);
    expect((await call(chronos.url, 'GET', '/v1/jobs?embed=everything')).status).toBe(400);
    expect((await call(chronos.url, 'GET', '/ping')).text).toBe('pong');
  });
});
