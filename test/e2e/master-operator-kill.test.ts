/**
 * The `X_TSMESOS_KILL_TASK` operator extension end to end: the built master and a real agent running
 * a real `sleep`. The operator's kill reaches the agent, the process dies, the framework receives
 * TASK_KILLED (and acknowledges it), operator subscribers see TASK_UPDATED TASK_KILLED, and a second
 * kill of the same task is refused as already finished.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecordIOCall, postJson } from '../../src/lib/recordio-call.js';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { type Daemon, startDaemon, startMaster } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-op-kill-'));
const daemons: Daemon[] = [];
const closers: Array<() => void> = [];
afterAll(async () => {
  for (const c of closers) c();
  for (const d of daemons.reverse()) await d.stop();
  killAgentLeftovers(join(workDir, 'agent'));
  rmSync(workDir, { recursive: true, force: true });
});

const killCall = (url: string, payload: Record<string, unknown>) => postJson(`${url}/api/v1`, { type: 'X_TSMESOS_KILL_TASK', x_tsmesos_kill_task: payload });

describe('X_TSMESOS_KILL_TASK on the operator API', () => {
  it('kills a running task on a real agent: the framework gets TASK_KILLED, the stream TASK_UPDATED', async () => {
    const master = await startMaster(['--allocation_interval=50ms']);
    daemons.push(master);
    const url = master.url;
    daemons.push(await startDaemon(['agent', `--master=${new URL(url).host}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${join(workDir, 'agent')}`, '--resources=cpus:2;mem:1024', '--quiet']));
    await waitFor(async () => (await getJson(`${url}/master/slaves`)).slaves.length === 1, 'the agent to register');

    const stream: any[] = [];
    const sub = openRecordIOCall(`${url}/api/v1`, { type: 'SUBSCRIBE' }, (e) => stream.push(e));
    closers.push(sub.close);
    const s = new TestScheduler(url, { user: 'root', name: 'kill-fw' });
    closers.push(() => s.close());
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('victim', 0.5, 64, { command: { value: 'sleep 600' } }), commandTask('bystander', 0.5, 64, { command: { value: 'sleep 600' } })]);
    await s.waitForUpdate('victim', 'TASK_RUNNING');
    await s.waitForUpdate('bystander', 'TASK_RUNNING');

    const unknown = await killCall(url, { task_id: { value: 'no-such-task' } });
    expect([unknown.status, unknown.text]).toEqual([404, "No task found with specified ID 'no-such-task'"]);
    const wrongFramework = await killCall(url, { task_id: { value: 'victim' }, framework_id: { value: 'not-a-framework' } });
    expect(wrongFramework.status).toBe(404);

    const r = await killCall(url, { task_id: { value: 'victim' }, framework_id: { value: s.frameworkId } });
    expect(r.status).toBe(202);
    const killed = await s.waitForUpdate('victim', 'TASK_KILLED', 15_000);
    expect(killed.source).toBe('SOURCE_EXECUTOR');
    await waitFor(() => stream.find((e) => e.type === 'TASK_UPDATED' && e.task_updated.status.task_id.value === 'victim' && e.task_updated.state === 'TASK_KILLED'), 'TASK_UPDATED TASK_KILLED on the operator stream');

    // The master agrees, the other task is untouched, and once acknowledged the task is finished for good.
    await waitFor(async () => {
      const tasks = (await getJson(`${url}/master/tasks`)).tasks as Array<{ id: string; state: string }>;
      return tasks.find((t) => t.id === 'victim')?.state === 'TASK_KILLED' && tasks.find((t) => t.id === 'bystander')?.state === 'TASK_RUNNING';
    }, 'the master to show victim KILLED and bystander RUNNING');
    expect(s.updates('bystander').map((u) => u.state)).not.toContain('TASK_KILLED');
    await waitFor(async () => (await killCall(url, { task_id: { value: 'victim' } })).status === 409, 'a second kill to be refused as finished');
    const again = await killCall(url, { task_id: { value: 'victim' } });
    expect(again.text).toBe("Task 'victim' has already finished (TASK_KILLED)");
    const bad = await postJson(`${url}/api/v1`, { type: 'X_TSMESOS_KILL_TASK' });
    expect(bad.status).toBe(400);
  }, 60_000);
});
