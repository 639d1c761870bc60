/** `tsmesos local`: a master and an agent in one process; Ctrl-C stops it and the next start recovers. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { startDaemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-local-'));
afterAll(() => {
  killAgentLeftovers(join(workDir, 'agent'));
  rmSync(workDir, { recursive: true, force: true });
});

const start = () => startDaemon(['local', `--work_dir=${workDir}`, '--master_port=0', '--agent_port=0', '--resources=cpus:2;mem:1024']);
const masterUrl = (out: string) => /master\s+listening on (http:\/\/\S+)/.exec(out)![1]!;

describe('tsmesos local', () => {
  it('runs a working cluster, stops on Ctrl-C and re-adopts its running task on the next start', async () => {
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
      const tasks = (await getJson(`${url2}/master/tasks`)).tasks;
      expect(tasks.map((t: any) => [t.id, t.state])).toEqual([['lasting', 'TASK_RUNNING']]);
      s2.close();
    } finally {
      await second.stop();
    }
  });
});
