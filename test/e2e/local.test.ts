/** `tsmesos local`: a master and an agent in one process; Ctrl-C stops it and the next start recovers. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { startDaemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-local-'));
afterAll(() => {
  killAgentLeftovers(join(workDir, 'agent'));
  rmSync(workDir, { recursive: true, force: true });
});

const start = () =>
  startDaemon(['local', `--work_dir=${workDir}`, '--zk_port=0', '--master_port=0', '--agent_port=0', '--marathon_port=0', '--chronos_port=0', '--resources=cpus:2;mem:1024;ports:[31000-31100]']);
const masterUrl = (out: string) => /master\s+listening on (http:\/\/\S+)/.exec(out)![1]!;
const serviceUrl = (out: string, name: string) => new RegExp(`${name}\\s+listening on (http:\\/\\/\\S+)`).exec(out)![1]!;

describe('tsmesos local', () => {
  it('runs a working cluster with Marathon and Chronos modes, stops on Ctrl-C and re-adopts its tasks, apps and jobs on the next start', async () => {
    const first = await start();
    const url = masterUrl(first.output());
    expect(first.output()).toMatch(/agent\s+listening on http:\/\//);
    // The flags are honoured: an ephemeral port, and the data under --work_dir.
    expect(new URL(url).port).not.toBe('5050');
    expect(first.output()).toContain(`data in ${workDir}`);
    await waitFor(async () => (await getJson(`${url}/master/slaves`)).slaves.length === 1, 'the agent to register');
    const s = new TestScheduler(url, { user: 'root', name: 'local', checkpoint: true, failover_timeout: 3600 });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('lasting', 0.5, 64, { command: { value: 'sleep 600' } })]);
    await s.waitForUpdate('lasting', 'TASK_RUNNING');
    // Marathon and Chronos modes run beside them, their state in the cluster's zookeeper-lite.
    const marathon = serviceUrl(first.output(), 'marathon');
    const chronos = serviceUrl(first.output(), 'chronos');
    const created = await postJson(`${marathon}/v2/apps`, { id: 'keep', cmd: 'sleep 600', cpus: 0.1, mem: 16 });
    expect(created.status).toBe(201);
    const appTask = await waitFor(async () => (await getJson(`${marathon}/v2/apps/keep/tasks`)).tasks.find((t: any) => t.state === 'TASK_RUNNING')?.id as string | undefined, 'the app task to run', 20_000);
    expect((await postJson(`${chronos}/v1/scheduler/iso8601`, { name: 'hourly', command: 'true', schedule: 'R/2030-01-01T00:00:00Z/PT1H', owner: 'ops@example.com' })).status).toBe(204);
    const agentId = (await getJson(`${url}/master/slaves`)).slaves[0].id;
    expect(existsSync(join(workDir, 'agent', 'meta', 'slaves', 'latest'))).toBe(true);
    s.close();
    first.proc.kill('SIGINT');
    const result = await first.proc;
    expect(result.exitCode).toBe(0);
    expect(first.output()).toMatch(/stopping/);

    const second = await start();
    const url2 = masterUrl(second.output());
    try {
      await waitFor(async () => (await getJson(`${url2}/master/slaves`)).slaves[0]?.id === agentId, 'the same agent to re-register', 15_000);
      const s2 = new TestScheduler(url2, { user: 'root', name: 'local', checkpoint: true, failover_timeout: 3600 });
      await s2.subscribe(s.frameworkId);
      const tasks = (await getJson(`${url2}/master/tasks`)).tasks.filter((t: any) => t.framework_id === s.frameworkId);
      expect(tasks.map((t: any) => [t.id, t.state])).toEqual([['lasting', 'TASK_RUNNING']]);
      s2.close();
      // The app and the job survived the restart; the app kept its one task (no duplicate launch).
      const marathon2 = serviceUrl(second.output(), 'marathon');
      await waitFor(async () => (await getJson(`${marathon2}/v2/apps/keep/tasks`)).tasks.some((t: any) => t.id === appTask && t.state === 'TASK_RUNNING'), 'the app task to be re-adopted', 20_000);
      expect((await getJson(`${marathon2}/v2/apps/keep/tasks`)).tasks.map((t: any) => t.id)).toEqual([appTask]);
      const jobs = await getJson(`${serviceUrl(second.output(), 'chronos')}/v1/scheduler/jobs`);
      expect(jobs.map((j: any) => j.name)).toEqual(['hourly']);
    } finally {
      await second.stop();
    }
  });
});
