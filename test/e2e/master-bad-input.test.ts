/**
 * Bad input never crashes the master or changes its state: each malformed call gets the upstream
 * status with a plain-text reason, and the master keeps serving afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { TestScheduler } from '../helpers/scheduler.js';
import { getJson } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';

let master: Daemon;
let sched: TestScheduler;
let gone: TestScheduler;
let agent: FakeAgent;
const JSON_CT = { 'Content-Type': 'application/json' };

interface Case {
  name: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  /** A body, or a function building it once the fixtures exist. */
  body?: string | (() => string);
  status: number;
  text?: RegExp;
}

const sub = (info: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'SUBSCRIBE', subscribe: { framework_info: info, ...extra } });
const okInfo = { user: 'root', name: 'x' };
/** A call from the subscribed test framework with its real stream id. */
const call = (type: string, payload: unknown, extra: Record<string, unknown> = {}) => () =>
  JSON.stringify({ type, framework_id: { value: sched.frameworkId }, [type.toLowerCase()]: payload, ...extra });
const withStream = () => ({ ...JSON_CT, 'Mesos-Stream-Id': sched.streamId! });

const cases: Case[] = [
  { name: 'GET on the scheduler endpoint', method: 'GET', status: 405 },
  { name: 'PUT on the scheduler endpoint', method: 'PUT', body: '{}', headers: JSON_CT, status: 405 },
  { name: 'DELETE on the scheduler endpoint', method: 'DELETE', status: 405 },
  { name: 'no Content-Type', headers: {}, body: '{}', status: 400, text: /Content-Type/ },
  { name: 'text/plain body', headers: { 'Content-Type': 'text/plain' }, body: '{}', status: 415 },
  { name: 'form body', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b', status: 415 },
  { name: 'protobuf body (not decoded yet)', headers: { 'Content-Type': 'application/x-protobuf' }, body: '\x08\x01', status: 415, text: /not supported/ },
  { name: 'Accept rules out JSON', headers: { ...JSON_CT, Accept: 'text/html' }, body: sub(okInfo), status: 406 },
  { name: 'empty body', body: '', status: 400 },
  { name: 'truncated JSON', body: '{"type":"SUBSCRIBE"', status: 400, text: /JSON/ },
  { name: 'JSON array', body: '[]', status: 400 },
  { name: 'JSON string', body: '"SUBSCRIBE"', status: 400 },
  { name: 'JSON null', body: 'null', status: 400 },
  { name: 'JSON number', body: '42', status: 400 },
  { name: 'no type', body: '{}', status: 400 },
  { name: 'type is a number', body: '{"type":1}', status: 400 },
  { name: 'unknown type name', body: '{"type":"LAUNCH_ROCKETS"}', status: 400 },
  { name: 'UNKNOWN type', body: '{"type":"UNKNOWN","framework_id":{"value":"x"}}', status: 501 },
  { name: 'SUBSCRIBE without payload', body: '{"type":"SUBSCRIBE"}', status: 400, text: /subscribe/ },
  { name: 'SUBSCRIBE with null payload', body: '{"type":"SUBSCRIBE","subscribe":null}', status: 400 },
  { name: 'framework_info without user', body: sub({ name: 'x' }), status: 400, text: /user/ },
  { name: 'framework name is a number', body: sub({ user: 'root', name: 5 }), status: 400 },
  { name: 'failover_timeout is a string', body: sub({ ...okInfo, failover_timeout: 'soon' }), status: 400 },
  { name: 'negative failover_timeout', body: sub({ ...okInfo, failover_timeout: -1 }), status: 400 },
  { name: 'capabilities not an array', body: sub({ ...okInfo, capabilities: 'MULTI_ROLE' }), status: 400 },
  { name: 'roles of numbers', body: sub({ ...okInfo, roles: [1] }), status: 400 },
  { name: 'checkpoint is a string', body: sub({ ...okInfo, checkpoint: 'yes' }), status: 400 },
  { name: 'SUBSCRIBE with a stream id header', headers: { ...JSON_CT, 'Mesos-Stream-Id': 'abc' }, body: sub(okInfo), status: 400, text: /Mesos-Stream-Id/ },
  {
    name: 'framework_id differs from framework_info.id',
    body: JSON.stringify({ type: 'SUBSCRIBE', framework_id: { value: 'a' }, subscribe: { framework_info: { ...okInfo, id: { value: 'b' } } } }),
    status: 400,
  },
  { name: 'suppressed_roles not an array', body: sub(okInfo, { suppressed_roles: 'r' }), status: 400 },
  { name: 'ACCEPT without framework_id', body: '{"type":"ACCEPT","accept":{"offer_ids":[]}}', status: 400, text: /framework_id/ },
  { name: 'framework_id is a string', body: '{"type":"REVIVE","framework_id":"abc"}', status: 400 },
  { name: 'framework_id value null', body: '{"type":"REVIVE","framework_id":{"value":null}}', status: 400 },
  { name: 'unknown framework', headers: { ...JSON_CT, 'Mesos-Stream-Id': 'x' }, body: '{"type":"REVIVE","framework_id":{"value":"nope"}}', status: 400, text: /Framework cannot be found/ },
  { name: 'missing stream id', body: call('REVIVE', {}), status: 400, text: /Mesos-Stream-Id/ },
  { name: 'wrong stream id', headers: { ...JSON_CT, 'Mesos-Stream-Id': '00000000-0000-0000-0000-000000000000' }, body: call('REVIVE', {}), status: 400, text: /didn't match/ },
  { name: 'call from a disconnected framework', headers: { ...JSON_CT, 'Mesos-Stream-Id': 'x' }, body: () => JSON.stringify({ type: 'REVIVE', framework_id: { value: gone.frameworkId } }), status: 403, text: /not subscribed/ },
  { name: 'ACCEPT without accept', headers: undefined, body: () => JSON.stringify({ type: 'ACCEPT', framework_id: { value: sched.frameworkId } }), status: 400 },
  { name: 'offer_ids not an array', body: call('ACCEPT', { offer_ids: 'O1' }), status: 400 },
  { name: 'offer id value is a number', body: call('ACCEPT', { offer_ids: [{ value: 1 }] }), status: 400 },
  { name: 'operations not an array', body: call('ACCEPT', { offer_ids: [], operations: {} }), status: 400 },
  { name: 'LAUNCH task without task_id', body: call('ACCEPT', { offer_ids: [], operations: [{ type: 'LAUNCH', launch: { task_infos: [{ name: 't', agent_id: { value: 'a' } }] } }] }), status: 400 },
  { name: 'refuse_seconds is a string', body: call('DECLINE', { offer_ids: [], filters: { refuse_seconds: '5' } }), status: 400 },
  { name: 'KILL without task_id', body: call('KILL', {}), status: 400 },
  { name: 'ACKNOWLEDGE with a non-UUID', body: call('ACKNOWLEDGE', { agent_id: { value: 'a' }, task_id: { value: 't' }, uuid: 'not-a-uuid' }), status: 400, text: /UUID/ },
  { name: 'ACKNOWLEDGE uuid is a number', body: call('ACKNOWLEDGE', { agent_id: { value: 'a' }, task_id: { value: 't' }, uuid: 7 }), status: 400 },
  { name: 'RECONCILE tasks is an object', body: call('RECONCILE', { tasks: {} }), status: 400 },
  { name: 'MESSAGE data is a number', body: call('MESSAGE', { agent_id: { value: 'a' }, executor_id: { value: 'e' }, data: 5 }), status: 400 },
  { name: 'REVIVE roles is a string', body: call('REVIVE', { roles: '*' }), status: 400 },
  { name: 'UPDATE_FRAMEWORK with an invalid role', body: call('UPDATE_FRAMEWORK', { framework_info: { user: 'root', name: 'x', role: '../etc' } }), status: 400, text: /Role/ },
  { name: '10 MB body', body: `{"type":"SUBSCRIBE","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`, status: 413 },
  { name: 'invalid UTF-8 bytes', body: '\xff\xfe{"type":', status: 400 },
  // The operator API.
  { name: 'GET on /api/v1', path: '/api/v1', method: 'GET', status: 405 },
  { name: 'operator call without Content-Type', path: '/api/v1', headers: {}, body: '{"type":"GET_STATE"}', status: 400 },
  { name: 'operator unknown call', path: '/api/v1', body: '{"type":"GET_EVERYTHING"}', status: 400 },
  { name: 'operator type is a number', path: '/api/v1', body: '{"type":3}', status: 400 },
  { name: 'operator bad JSON', path: '/api/v1', body: '{"type":', status: 400 },
  { name: 'operator call not implemented yet', path: '/api/v1', body: '{"type":"GET_QUOTA"}', status: 501 },
  { name: 'operator TEARDOWN without id', path: '/api/v1', body: '{"type":"TEARDOWN"}', status: 400 },
  { name: 'operator TEARDOWN unknown id', path: '/api/v1', body: '{"type":"TEARDOWN","teardown":{"framework_id":{"value":"nope"}}}', status: 400 },
  { name: 'UPDATE_WEIGHTS negative weight', path: '/api/v1', body: '{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"a","weight":-1}]}}', status: 400 },
  // Legacy endpoints.
  { name: 'POST /master/state', path: '/master/state', method: 'POST', body: '{}', status: 405 },
  { name: '/master/tasks?limit=abc', path: '/master/tasks?limit=abc', method: 'GET', status: 400 },
  { name: '/master/tasks?order=sideways', path: '/master/tasks?order=sideways', method: 'GET', status: 400 },
  { name: 'GET /master/teardown', path: '/master/teardown', method: 'GET', status: 405 },
  { name: 'teardown without frameworkId', path: '/master/teardown', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '', status: 400, text: /frameworkId/ },
  { name: 'teardown of an unknown framework', path: '/master/teardown', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'frameworkId=nope', status: 400, text: /No framework/ },
  { name: 'path traversal', path: '/master/../../etc/passwd', method: 'GET', status: 404 },
  { name: 'unknown route', path: '/master/nothing-here', method: 'GET', status: 404 },
  // The agent protocol.
  { name: 'agent SUBSCRIBE without payload', path: '/api/v1/agent', body: '{"type":"SUBSCRIBE"}', status: 400 },
  {
    name: 'agent with negative resources',
    path: '/api/v1/agent',
    body: JSON.stringify({ type: 'SUBSCRIBE', subscribe: { agent_info: { hostname: 'h', resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: -1 } }] } } }),
    status: 400,
  },
  { name: 'UPDATE from an unregistered agent', path: '/api/v1/agent', body: JSON.stringify({ type: 'UPDATE', agent_id: { value: 'ghost' }, update: { framework_id: { value: 'f' }, status: { task_id: { value: 't' }, state: 'TASK_RUNNING' } } }), status: 403 },
  { name: 'agent UPDATE with an unknown state', path: '/api/v1/agent', body: JSON.stringify({ type: 'UPDATE', agent_id: { value: 'a' }, update: { framework_id: { value: 'f' }, status: { task_id: { value: 't' }, state: 'TASK_EXPLODED' } } }), status: 400 },
];

beforeAll(async () => {
  master = await startMaster(['--allocation_interval=50ms']);
  agent = new FakeAgent({ masterUrl: master.url, resources: 'cpus:2;mem:1024' }).start();
  await waitFor(() => agent.id, 'agent');
  sched = new TestScheduler(master.url, { user: 'root', name: 'victim' });
  await sched.subscribe();
  gone = new TestScheduler(master.url, { user: 'root', name: 'gone', failover_timeout: 3600 });
  await gone.subscribe();
  gone.close();
  await waitFor(async () => (await getJson(`${master.url}/master/frameworks`)).frameworks.some((f: any) => f.id === gone.frameworkId && !f.connected), 'disconnect');
});
afterAll(async () => {
  sched?.close();
  agent?.stop();
  await master?.stop();
});

describe('malformed calls', () => {
  it(`has at least 50 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases)('$name → $status', async (c) => {
    const body = typeof c.body === 'function' ? c.body() : c.body;
    const headers = c.headers ?? (c.name.startsWith('missing stream') || c.name.startsWith('ACCEPT without accept') ? JSON_CT : c.body !== undefined && typeof c.body === 'function' ? withStream() : JSON_CT);
    const method = c.method ?? 'POST';
    const res = await fetch(`${master.url}${c.path ?? '/api/v1/scheduler'}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body === undefined ? undefined : Buffer.from(body, 'latin1'),
      redirect: 'manual',
    });
    const text = await res.text();
    expect({ status: res.status, text: text.slice(0, 300) }).toMatchObject({ status: c.status });
    if (c.status >= 400) expect(res.headers.get('content-type') ?? '').toMatch(/^text\/plain/);
    if (c.text) expect(text).toMatch(c.text);
  });

  it('keeps serving and lost nothing', async () => {
    const state = await getJson(`${master.url}/master/state`);
    expect(state.frameworks.map((f: any) => f.name).sort()).toEqual(['gone', 'victim']);
    expect(state.slaves.map((s: any) => s.id)).toEqual([agent.id]);
    expect((await sched.send('REVIVE', {})).status).toBe(202);
    expect((await fetch(`${master.url}/health`)).status).toBe(200);
  });
});
