/**
 * Placement through the real master with two fake agents (hostnames a1 and a2, racks r1 and r2):
 * UNIQUE hostname spreads and leaves the third instance waiting, with the declined offers and
 * their reasons in /v2/queue; attribute constraints pin to the matching agent; resource shortfalls
 * show as such; a waiting deployment stays listed and can be rolled back or cancelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { call, deploymentsDone, MarathonCluster, tasksOf } from './marathon-harness.js';

const cluster = new MarathonCluster();
let base = '';

beforeAll(async () => {
  await cluster.start();
  await cluster.fakeAgent({ hostname: 'a1', attributes: 'rack:r1' });
  await cluster.fakeAgent({ hostname: 'a2', attributes: 'rack:r2' });
  base = await cluster.leadingMarathon();
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function queueEntry(id: string, embed = false): Promise<any> {
  const q = await call(base, 'GET', `/v2/queue${embed ? '?embed=lastUnusedOffers' : ''}`);
  return q.body.queue.find((e: { app: { id: string } }) => e.app.id === id);
}

describe('tsmesos marathon: constraints and the launch queue', () => {
  it('UNIQUE hostname: one instance per agent, the third waits in /v2/queue with UnfulfilledConstraint', async () => {
    const r = await call(base, 'POST', '/v2/apps', { id: 'uniq', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 3, constraints: [['hostname', 'unique']] });
    expect(r.status).toBe(201);
    expect(r.body.constraints).toEqual([['hostname', 'UNIQUE']]);
    const tasks = await waitFor(async () => {
      const t = (await tasksOf(base, 'uniq')).filter((x) => x.state === 'TASK_RUNNING');
      return t.length === 2 ? t : undefined;
    }, 'two running tasks', 20_000, 100);
    expect(tasks.map((t) => t.host).sort()).toEqual(['a1', 'a2']);
    const entry = await waitFor(async () => {
      const e = await queueEntry('/uniq', true);
      return e?.processedOffersSummary.unusedOffersCount > 0 ? e : undefined;
    }, 'declined offers counted', 20_000, 200);
    expect(entry.count).toBe(1);
    expect(entry.delay).toEqual({ timeLeftSeconds: 0, overdue: true });
    const reasons = Object.fromEntries(entry.processedOffersSummary.rejectSummaryLastOffers.map((x: { reason: string; declined: number }) => [x.reason, x.declined]));
    expect(reasons.UnfulfilledConstraint).toBeGreaterThan(0);
    expect(reasons.InsufficientCpus).toBe(0);
    expect(entry.lastUnusedOffers[0]).toMatchObject({ reason: ['UnfulfilledConstraint'], offer: { hostname: expect.stringMatching(/^a[12]$/) } });
    const deployments = (await call(base, 'GET', '/v2/deployments')).body;
    expect(deployments).toHaveLength(1);
    expect(deployments[0]).toMatchObject({ affectedApps: ['/uniq'], currentStep: 2, totalSteps: 2, currentActions: [{ action: 'ScaleApplication', app: '/uniq' }] });
    const del = await call(base, 'DELETE', `/v2/deployments/${deployments[0].id}?force=true`);
    expect(del.status).toBe(202);
    expect(del.text).toBe('');
    await deploymentsDone(base);
    expect((await call(base, 'DELETE', `/v2/deployments/${deployments[0].id}`)).body).toEqual({ message: `DeploymentPlan ${deployments[0].id} does not exist` });
    expect((await call(base, 'DELETE', '/v2/apps/uniq')).status).toBe(200);
    await deploymentsDone(base);
  }, 60_000);

  it('attribute constraints place on matching agents only: rack LIKE r2, rack UNLIKE r2', async () => {
    await call(base, 'POST', '/v2/apps', { id: 'on-r2', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 3, constraints: [['rack', 'LIKE', 'r2']] });
    await call(base, 'POST', '/v2/apps', { id: 'off-r2', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 2, constraints: [['rack', 'UNLIKE', 'r2']] });
    await deploymentsDone(base);
    expect((await tasksOf(base, 'on-r2')).map((t) => t.host)).toEqual(['a2', 'a2', 'a2']);
    expect((await tasksOf(base, 'off-r2')).map((t) => t.host)).toEqual(['a1', 'a1']);
  }, 60_000);

  it('an app no agent can fit waits with InsufficientCpus; DELETE /v2/deployments/{id} rolls it back (removes it)', async () => {
    const r = await call(base, 'POST', '/v2/apps', { id: 'huge', cmd: 'sleep 3600', cpus: 64, mem: 16, instances: 1 });
    const entry = await waitFor(async () => {
      const e = await queueEntry('/huge');
      return e?.processedOffersSummary.unusedOffersCount > 0 ? e : undefined;
    }, 'declined offers counted', 20_000, 200);
    const cpus = entry.processedOffersSummary.rejectSummaryLastOffers.find((x: { reason: string }) => x.reason === 'InsufficientCpus');
    expect(cpus.declined).toBeGreaterThan(0);
    expect((await call(base, 'DELETE', '/v2/queue/huge/delay')).status).toBe(404);
    const rb = await call(base, 'DELETE', `/v2/deployments/${r.headers.get('marathon-deployment-id')}`);
    expect(rb.status).toBe(200);
    expect(rb.headers.get('marathon-deployment-id')).toBe(rb.body.deploymentId);
    await deploymentsDone(base);
    expect((await call(base, 'GET', '/v2/apps/huge')).status).toBe(404);
    expect(await queueEntry('/huge')).toBeUndefined();
  }, 60_000);
});
