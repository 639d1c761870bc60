/**
 * Docker tasks across an agent kill -9 and restart (issue 7 item 6): the running container is found
 * by label and re-adopted, stays TASK_RUNNING, and its later exit is reported with the real exit
 * code; an unknown container labelled with the agent's work_dir is removed (--docker_kill_orphans).
 * Also: an agent whose engine is unreachable says so at start and keeps running mesos tasks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_IMAGE, dockerForTests, removeContainersOf, testDocker } from '../../src/agent/containerizer/docker-fixtures.test-helpers.js';
import { type Daemon, startDaemon, startMaster } from '../helpers/daemon.js';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const engine = await dockerForTests();
if (!engine.ok) console.warn(`docker recovery e2e skipped: ${engine.reason}`);

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

async function cluster(agentArgs: string[]) {
  const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-docker-recovery-'));
  stops.push(() => rmSync(workDir, { recursive: true, force: true }));
  stops.push(() => killAgentLeftovers(workDir));
  stops.push(() => removeContainersOf(workDir));
  const master = await startMaster(['--allocation_interval=50ms']);
  stops.push(() => master.stop());
  const args = ['agent', `--master=${new URL(master.url).host}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${workDir}`, '--resources=cpus:2;mem:2048', '--registration_backoff_factor=100ms', ...agentArgs];
  const start = async (): Promise<Daemon> => {
    const a = await startDaemon(args);
    stops.push(() => a.stop());
    return a;
  };
  const s = new TestScheduler(master.url, { user: 'root', name: 'docker-recovery', checkpoint: true, failover_timeout: 3600 });
  stops.push(() => s.close());
  return { workDir, master, start, s };
}

const sandboxOf = async (agent: Daemon, taskId: string): Promise<string> =>
  (await getJson(`${agent.url}/state`)).frameworks.flatMap((f: any) => f.executors).find((e: any) => e.id === taskId).directory;

describe.skipIf(!engine.ok)('Docker tasks and agent recovery', () => {
  it('re-adopts a running container after kill -9, reports its later exit, and removes orphans', async () => {
    const { workDir, master, start, s } = await cluster(['--containerizers=docker,mesos', '--quiet']);
    const agent1 = await start();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    const task = commandTask('survivor', 0.5, 64, {
      command: { value: 'echo started; while [ ! -f "$MESOS_SANDBOX/release" ]; do sleep 0.05; done; echo released; exit 4' },
      container: { type: 'DOCKER', docker: { image: TEST_IMAGE, network: 'NONE' } },
    });
    await s.launch(offer, [task]);
    await s.waitForUpdate('survivor', 'TASK_RUNNING');
    const sandbox = await sandboxOf(agent1, 'survivor');
    const agentId = (await getJson(`${agent1.url}/state`)).id;
    agent1.proc.kill('SIGKILL');
    await agent1.proc;
    // A container of this agent nobody knows about, as if left by a launch the agent never recorded.
    const orphan = await testDocker.createContainer({ name: `mesos-orphan-${process.pid}-${Date.now()}`, Image: TEST_IMAGE, Cmd: ['sleep', '600'], Labels: { 'tsmesos.work_dir': workDir, 'tsmesos.container_id': 'orphan' }, HostConfig: { NetworkMode: 'none', Init: true } });
    stops.push(() => orphan.remove({ force: true }).catch(() => {}));
    await orphan.start();
    const agent2 = await start();
    await waitFor(async () => (await getJson(`${master.url}/master/slaves`)).slaves.find((x: any) => x.id === agentId)?.active, 'agent active again');
    expect((await getJson(`${master.url}/master/tasks`)).tasks.find((t: any) => t.id === 'survivor').state).toBe('TASK_RUNNING');
    expect(await orphan.inspect().catch((e: { statusCode: number }) => e.statusCode)).toBe(404);
    writeFileSync(join(sandbox, 'release'), '');
    const failed = await s.waitForUpdate('survivor', 'TASK_FAILED', 10_000);
    expect(failed.message).toBe('Command exited with status 4');
    const stdout = (await getJson(`${agent2.url}/files/read?path=${encodeURIComponent(`${sandbox}/stdout`)}&offset=0`)).data;
    expect(stdout).toBe('started\nreleased\n');
  });
});

describe.skipIf(engine.ok)('Docker tasks and agent recovery', () => {
  it.skip(`skipped: ${engine.reason}`, () => {});
});

describe('an agent with --containerizers=docker,mesos and no reachable engine', () => {
  it('says so at start, fails DOCKER tasks clearly and keeps running mesos tasks', async () => {
    const { start, s } = await cluster(['--containerizers=docker,mesos', '--docker_socket=/nonexistent/docker.sock']);
    const agent = await start();
    await waitFor(() => /no Docker engine reachable at unix:\/\/\/nonexistent\/docker\.sock/.test(agent.output()), 'the startup warning');
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [
      commandTask('plain', 0.1, 32, { command: { value: 'true' } }),
      commandTask('boxed', 0.1, 32, { command: { value: 'true' }, container: { type: 'DOCKER', docker: { image: TEST_IMAGE } } }),
    ]);
    await s.waitForUpdate('plain', 'TASK_FINISHED');
    const failed = await s.waitForUpdate('boxed', 'TASK_FAILED');
    expect(failed.message).toMatch(/^Failed to launch container: No Docker engine reachable at unix:\/\/\/nonexistent\/docker\.sock/);
  });
});
