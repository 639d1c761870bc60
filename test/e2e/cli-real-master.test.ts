/**
 * The operator commands against the REAL built master (not the fixture server): a fake agent
 * registers, a v1 scheduler launches a task, then `ps`, `framework list`, `agent list` and
 * `teardown` read and change what the master really holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';
import { runCli, jsonOf } from './cli-harness.js';

let master: Daemon;
let agent: FakeAgent;
let scheduler: TestScheduler;
let address = '';

beforeAll(async () => {
  master = await startMaster(['--allocation_interval=50ms']);
  address = master.url.replace(/^http:\/\//, '');
  agent = new FakeAgent({ masterUrl: master.url, resources: 'cpus:4;mem:4096;disk:1000', updateRetryMs: 200 }).start();
  await waitFor(() => agent.id, 'agent id');
  scheduler = new TestScheduler(master.url, { user: 'root', name: 'cli-e2e' });
  await scheduler.subscribe();
  const [offer] = await scheduler.waitForOffers();
  await scheduler.launch(offer, [commandTask('cli-task-1', 1, 128)]);
  await scheduler.ack(await scheduler.waitForUpdate('cli-task-1', 'TASK_STARTING'));
  await scheduler.ack(await scheduler.waitForUpdate('cli-task-1', 'TASK_RUNNING'));
});

afterAll(async () => {
  scheduler?.close();
  agent?.stop();
  await master?.stop();
});

describe('operator commands against the real master', () => {
  it('agent list shows the registered agent', async () => {
    const r = await runCli(['agent', 'list', '--json', `--master=${address}`]);
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toEqual([expect.objectContaining({ id: agent.id, active: true, resources: expect.objectContaining({ cpus: 4 }) })]);
  });

  it('ps shows the running task with its framework and allocation', async () => {
    const r = await runCli(['ps', '--json', `--master=${address}`]);
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toEqual([
      expect.objectContaining({ id: 'cli-task-1', state: 'TASK_RUNNING', state_letter: 'R', framework: 'cli-e2e', cpus: 1, mem_mb: 128, agent_id: agent.id }),
    ]);
    const table = await runCli(['ps', `--master=${address}`]);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/\sR\s.*cli-task-1\s.*cli-e2e\s+cli-task-1\n$/);
  });

  it('framework list, then teardown, then framework list --all shows it completed', async () => {
    const before = await runCli(['framework', 'list', '--json', `--master=${address}`]);
    expect(jsonOf(before)).toEqual([expect.objectContaining({ id: scheduler.frameworkId, active: true, tasks: 1, cpus: 1 })]);
    const down = await runCli(['teardown', scheduler.frameworkId!, `--master=${address}`]);
    expect(down).toMatchObject({ exitCode: 0, stdout: `Framework ${scheduler.frameworkId} torn down\n` });
    const after = await runCli(['framework', 'list', '--all', '--json', `--master=${address}`]);
    expect(jsonOf(after)).toEqual([expect.objectContaining({ id: scheduler.frameworkId, completed: true })]);
    const again = await runCli(['teardown', scheduler.frameworkId!, `--master=${address}`]);
    expect(again.exitCode).toBe(1);
  });
});
