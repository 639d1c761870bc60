import { describe, expect, it } from 'vitest';
import { offer } from '../engine/engine.test-helpers.js';
import { useChronosApi } from './api.test-helpers.js';

const api = useChronosApi();
const json = api.json;

/** An offer from an agent started with --resources='cpus:4;mem:4096' (no disk). */
const noDisk = () => offer(4, 4096, { resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 4 } }, { name: 'mem', type: 'SCALAR', scalar: { value: 4096 } }] });
const smallDisk = () => offer(4, 4096, { resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 4 } }, { name: 'mem', type: 'SCALAR', scalar: { value: 4096 } }, { name: 'disk', type: 'SCALAR', scalar: { value: 100 } }] });

describe('why a run is still queued', () => {
  it('shows the declined offers in the history, jobs/summary and /v1/queue until the job fits', async () => {
    expect((await json('POST', '/v1/scheduler/iso8601', { name: 'big', command: 'true', schedule: 'R0//PT1H' })).statusCode).toBe(204);
    expect((await json('GET', '/v1/queue')).json()).toEqual([]);
    expect((await json('PUT', '/v1/scheduler/job/big')).statusCode).toBe(204);
    const [run] = api.h.runs('big');
    let [entry] = (await json('GET', '/v1/scheduler/job/big/history')).json().runs;
    expect(entry).toMatchObject({ runId: run!.runId, status: 'queued', taskId: null, message: 'waiting for an offer (none looked at since it was queued)', waiting: { offersDeclined: 0, reasons: [] } });

    await api.h.offers(noDisk());
    await api.h.advance(1000);
    await api.h.offers(noDisk());
    expect(api.h.driver.launched()).toEqual([]);
    expect(api.h.driver.calls.filter((c) => c.type === 'DECLINE').map((c) => c.args[1])).toEqual([1, 1]); // still wanted: short refusals
    const reason = 'offer from host node1: insufficient disk (needs 256 MB, offered 0)';
    [entry] = (await json('GET', '/v1/scheduler/job/big/history')).json().runs;
    expect(entry.message).toBe(`waiting for resources: ${reason} (2 offers declined)`);
    expect(entry.waiting).toEqual({ since: '2026-03-01T12:00:00.000Z', offersDeclined: 2, lastOfferAt: '2026-03-01T12:00:01.000Z', reasons: [{ host: 'node1', agentId: 'agent-1', at: '2026-03-01T12:00:01.000Z', reason }], summary: entry.message });
    const queue = (await json('GET', '/v1/queue')).json();
    expect(queue).toEqual([{ jobId: 'big', runs: [{ runId: run!.runId, waiting: entry.waiting }] }]);
    const summary = (await json('GET', '/v1/scheduler/jobs/summary')).json().jobs;
    expect(summary).toEqual([{ name: 'big', status: 'fresh', state: 'queued', schedule: expect.stringMatching(/^R0\//), parents: [], disabled: false, waiting: entry.message }]);

    // A smaller disk: the stale reason goes, offers are asked for again, the next fitting one launches.
    const revives = api.h.driver.calls.filter((c) => c.type === 'REVIVE').length;
    expect((await json('POST', '/v1/scheduler/iso8601', { name: 'big', command: 'true', schedule: 'R0//PT1H', disk: 50 })).statusCode).toBe(204);
    expect(api.h.driver.calls.filter((c) => c.type === 'REVIVE').length).toBe(revives + 1);
    expect((await json('GET', '/v1/scheduler/job/big/history')).json().runs[0].waiting.offersDeclined).toBe(0);
    await api.h.offers(smallDisk());
    expect(api.h.driver.launched()).toHaveLength(1);
    expect(api.h.engine.waiting.size).toBe(0);
    expect((await json('GET', '/v1/queue')).json()).toEqual([]);
    [entry] = (await json('GET', '/v1/scheduler/job/big/history')).json().runs;
    expect(entry).toMatchObject({ status: 'running', message: null });
    expect(entry.waiting).toBeUndefined();
    expect((await json('GET', '/v1/scheduler/jobs/summary')).json().jobs[0].waiting).toBeUndefined();
  });

  it('lists waiting runs per job with a constraint reason, and answers Metronome errors on /v1/queue', async () => {
    await json('POST', '/v1/jobs', { id: 'pinned', run: { cmd: 'true', cpus: 0.5, mem: 32, placement: { constraints: [{ attribute: 'rack', operator: 'IS', value: 'r9' }] } } });
    await json('POST', '/v1/jobs', { id: 'alpha', run: { cmd: 'true', cpus: 0.5, mem: 32 } });
    const p1 = (await json('POST', '/v1/jobs/pinned/runs', {})).json().id;
    const p2 = (await json('POST', '/v1/jobs/pinned/runs', {})).json().id;
    await api.h.offers(offer(0.5, 4096));
    // alpha has no run; one pinned run is declined for the rack; the offer is not split between them.
    const queue = (await json('GET', '/v1/queue')).json();
    expect(queue.map((q: any) => [q.jobId, q.runs.map((r: any) => r.runId)])).toEqual([['pinned', [p1, p2]]]);
    expect(queue[0].runs[0].waiting.reasons[0].reason).toBe('offer from host node1: constraint rack EQUALS r9 not met (rack is r1)');
    const wrong = await json('DELETE', '/v1/queue');
    expect([wrong.statusCode, wrong.json()]).toEqual([405, { message: expect.any(String) }]);
    expect(wrong.headers.allow).toBe('GET, HEAD');
  });
});
