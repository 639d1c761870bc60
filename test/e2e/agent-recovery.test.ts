/**
 * Agent recovery end to end: kill -9 the agent while tasks run, restart it on the same work_dir;
 * `--recover=cleanup`; a lost `meta/` means a new agent; cgroups memory limits report OOM kills.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { BIN, type Daemon, startDaemon, startMaster } from '../helpers/daemon.js';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

async function cluster(agentArgs: string[] = []) {
  const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-recovery-'));
  stops.push(() => rmSync(workDir, { recursive: true, force: true }));
  stops.push(() => killAgentLeftovers(workDir));
  const master = await startMaster(['--allocation_interval=50ms']);
  stops.push(() => master.stop());
  const args = ['agent', `--master=${new URL(master.url).host}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${workDir}`, '--resources=cpus:2;mem:2048', '--registration_backoff_factor=100ms', '--quiet', ...agentArgs];
  const start = async (extra: string[] = []): Promise<Daemon> => {
    const a = await startDaemon([...args, ...extra]);
    stops.push(() => a.stop());
    return a;
  };
  const s = new TestScheduler(master.url, { user: 'root', name: 'recovery', checkpoint: true, failover_timeout: 3600 });
  stops.push(() => s.close());
  return { workDir, master, start, s };
}

/** Pids of processes whose command line contains `marker`. */
function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(marker)) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

describe('agent recovery', () => {
  it('keeps a task running across kill -9 and restart, then reports its later exit', async () => {
    const { master, start, s } = await cluster();
    const agent1 = await start();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    const flag = join(tmpdir(), `tsmesos-release-${process.pid}-${Date.now()}`);
    stops.push(() => rmSync(flag, { force: true }));
    await s.launch(offer, [commandTask('survivor', 0.5, 64, { command: { value: `while [ ! -f ${flag} ]; do sleep 0.05; done; exit 4` } })]);
    await s.waitForUpdate('survivor', 'TASK_RUNNING');
    const agentId = (await getJson(`${agent1.url}/state`)).id;
    agent1.proc.kill('SIGKILL');
    await agent1.proc;
    const agent2 = await start();
    await waitFor(async () => (await getJson(`${agent2.url}/state`)).id === agentId, 'recovered agent id');
    await waitFor(async () => (await getJson(`${master.url}/master/slaves`)).slaves.find((x: any) => x.id === agentId)?.active, 'agent active again');
    const slaves = (await getJson(`${master.url}/master/slaves`)).slaves;
    expect(slaves.map((x: any) => x.id)).toEqual([agentId]);
    const task = (await getJson(`${master.url}/master/tasks`)).tasks.find((t: any) => t.id === 'survivor');
    expect(task.state).toBe('TASK_RUNNING');
    writeFileSync(flag, '');
    const failed = await s.waitForUpdate('survivor', 'TASK_FAILED', 10_000);
    expect(failed.message).toBe('Command exited with status 4');
  });

  it('re-sends an unacknowledged update after kill -9 and restart', async () => {
    const { start, master } = await cluster();
    const agent1 = await start();
    const s = new TestScheduler(master.url, { user: 'root', name: 'noack', checkpoint: true, failover_timeout: 3600 }, false);
    stops.push(() => s.close());
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('pending', 0.5, 64, { command: { value: 'sleep 600' } })]);
    const starting = await s.waitForUpdate('pending', 'TASK_STARTING');
    // TASK_RUNNING waits behind the unacknowledged STARTING, so ask the agent when the process runs.
    const agentState = async () => (await getJson(`${agent1.url}/state`)).frameworks.flatMap((f: any) => f.executors.flatMap((e: any) => e.tasks));
    await waitFor(async () => (await agentState()).some((t: any) => t.id === 'pending' && t.state === 'TASK_RUNNING'), 'the task process to run');
    agent1.proc.kill('SIGKILL');
    await agent1.proc;
    const mark = s.events.length;
    await start();
    const again = await s.waitFor((e) => e.type === 'UPDATE' && e.update.status.task_id.value === 'pending', 'the re-sent update', mark, 15_000);
    expect(again.update.status.uuid).toBe(starting.uuid);
    expect(again.update.status.state).toBe('TASK_STARTING');
    await s.ack(again.update.status);
    await s.waitForUpdate('pending', 'TASK_RUNNING');
  });

  it('kills recovered tasks with --recover=cleanup and then registers as a new agent', async () => {
    const { workDir, master, start, s } = await cluster();
    const agent1 = await start();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    const marker = `sleep 7${String(Date.now()).slice(-5)}`;
    await s.launch(offer, [commandTask('doomed', 0.5, 64, { command: { value: marker } })]);
    await s.waitForUpdate('doomed', 'TASK_RUNNING');
    const oldId = (await getJson(`${agent1.url}/state`)).id;
    expect(processesWith(marker).length).toBeGreaterThan(0);
    agent1.proc.kill('SIGKILL');
    await agent1.proc;
    const r = await execa('node', [BIN, 'agent', `--master=${new URL(master.url).host}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${workDir}`, '--recover=cleanup', '--quiet'], { reject: false, timeout: 20_000, env: { TSMESOS_CONFIG: '/nonexistent' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/cleanup/);
    await waitFor(() => processesWith(marker).length === 0, 'the task process to be gone');
    const agent2 = await start();
    await waitFor(async () => (await getJson(`${agent2.url}/state`)).id, 'new registration');
    expect((await getJson(`${agent2.url}/state`)).id).not.toBe(oldId);
  });

  it('registers as a new agent when meta/ was lost (a reboot-like wipe)', async () => {
    const { workDir, master, start } = await cluster();
    const agent1 = await start();
    await waitFor(async () => (await getJson(`${agent1.url}/state`)).id, 'registered');
    const oldId = (await getJson(`${agent1.url}/state`)).id;
    await agent1.stop();
    rmSync(join(workDir, 'meta'), { recursive: true, force: true });
    const agent2 = await start();
    await waitFor(async () => (await getJson(`${agent2.url}/state`)).id, 're-registered');
    const newId = (await getJson(`${agent2.url}/state`)).id;
    expect(newId).not.toBe(oldId);
    const ids = (await getJson(`${master.url}/master/slaves`)).slaves.map((x: any) => x.id);
    expect(ids).toContain(newId);
  });
});

const cgroupsUsable = existsSync('/sys/fs/cgroup/memory') && process.getuid?.() === 0;

describe.skipIf(!cgroupsUsable)('cgroups isolation (needs root and cgroup v1 memory)', () => {
  it('reports an out-of-memory kill as TASK_FAILED with REASON_CONTAINER_LIMITATION_MEMORY', async () => {
    const { start, s } = await cluster(['--isolation=cgroups/cpu,cgroups/mem']);
    await start();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    const hog = `node -e "const a=[]; for(;;){ a.push(Buffer.alloc(8*1024*1024, 1)); }"`;
    await s.launch(offer, [commandTask('hog', 0.5, 64, { command: { value: hog } })]);
    const failed = await s.waitForUpdate('hog', 'TASK_FAILED', 20_000);
    expect(failed.reason).toBe('REASON_CONTAINER_LIMITATION_MEMORY');
    expect(failed.message).toMatch(/Memory limit exceeded/);
  });
});
