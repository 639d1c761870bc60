/**
 * Issue 7 item 8: Marathon-mode apps and Chronos-mode jobs with Docker containers, end to end on
 * the built binaries (zookeeper-lite, master, `tsmesos agent --containerizers=docker,mesos`,
 * `tsmesos marathon`, `tsmesos chronos`) and the local `busybox:local` image. The Marathon app uses
 * the legacy `container.docker.network` / `portMappings` input that old app files carry. Skipped,
 * saying why, when no Docker engine answers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/agent/containerizer/docker-labels.js';
import { TEST_IMAGE, dockerForTests, removeContainersOf, testDocker } from '../../src/agent/containerizer/docker-fixtures.test-helpers.js';
import { type Daemon, startDaemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';
import { history } from './chronos-harness.js';
import { MarathonCluster, call } from './marathon-harness.js';

const engine = await dockerForTests();
if (!engine.ok) console.warn(`docker framework e2e skipped: ${engine.reason}`);

describe.skipIf(!engine.ok)('Marathon apps and Chronos jobs in Docker containers', () => {
  const cluster = new MarathonCluster();
  let agent: Daemon;
  let marathon: Daemon;
  let chronos: Daemon;
  let agentWorkDir: string | undefined;
  const out = mkdtempSync(join(tmpdir(), 'tsmesos-docker-fw-out-'));

  beforeAll(async () => {
    await cluster.start();
    agent = await cluster.realAgent(['--containerizers=docker,mesos'], 'cpus:4;mem:4096;disk:1000;ports:[31000-31999]');
    agentWorkDir = (await getJson(`${agent.url}/flags`)).flags.work_dir;
    marathon = await cluster.marathon();
    await cluster.leading(marathon);
    const zk = cluster.zkUrl.replace(/\/marathon-/, '/chronos-');
    chronos = await startDaemon(['chronos', `--master=${cluster.masterHost}`, `--zk=${zk}`, '--http_port=0', '--zk_session_timeout=2000', '--failure_retry=1secs', '--quiet']);
  }, 60_000);
  afterAll(async () => {
    await chronos?.stop();
    // Containers outlive their agent by design (recovery re-adopts them): remove what is left.
    if (agentWorkDir) await removeContainersOf(agentWorkDir);
    await cluster.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('runs a 2-instance BRIDGE app from legacy docker.network/portMappings input and both instances turn healthy over HTTP', async () => {
    const app = {
      id: '/web',
      cmd: 'httpd -f -p 80 -h /var/www',
      cpus: 0.1,
      mem: 32,
      instances: 2,
      container: { type: 'DOCKER', docker: { image: TEST_IMAGE, network: 'BRIDGE', portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }] } },
      healthChecks: [{ protocol: 'HTTP', path: '/', portIndex: 0, gracePeriodSeconds: 30, intervalSeconds: 1, timeoutSeconds: 2, maxConsecutiveFailures: 3 }],
    };
    const created = await call(marathon.url, 'POST', '/v2/apps', app);
    expect(created.status).toBe(201);
    // The response carries the 1.5+ forms: a bridge network and container.portMappings.
    expect(created.body.networks).toEqual([{ mode: 'container/bridge' }]);
    expect(created.body.container.portMappings[0]).toMatchObject({ containerPort: 80, hostPort: 0, protocol: 'tcp' });

    const healthy = await waitFor(async () => {
      const r = await call(marathon.url, 'GET', '/v2/apps/web');
      return r.body.app.tasksHealthy === 2 ? r.body.app : undefined;
    }, 'both Docker instances to be healthy', 60_000, 200);
    expect(healthy.tasksRunning).toBe(2);
    for (const task of healthy.tasks) {
      expect(task.healthCheckResults[0].alive).toBe(true);
      const body = await fetch(`http://127.0.0.1:${task.ports[0]}/`).then((r) => r.text());
      expect(body).toBe('hello from busybox:local\n');
    }
    // The containers are real, named and labelled as the agent's Docker containerizer does.
    const containers = await testDocker.listContainers({ filters: { label: [`${LABELS.taskId}=${healthy.tasks[0].id}`] } });
    expect(containers).toHaveLength(1);
    expect(containers[0]!.Names[0]).toMatch(/^\/mesos-/);

    expect((await call(marathon.url, 'DELETE', '/v2/apps/web')).status).toBe(200);
    await waitFor(async () => (await testDocker.listContainers({ filters: { label: [`${LABELS.taskId}=${healthy.tasks[0].id}`] } })).length === 0, 'the containers to go', 30_000, 200);
  }, 120_000);

  it('runs a Chronos job in a container, writing through a host volume', async () => {
    const job = {
      name: 'docker-job',
      command: 'echo "from $(cat /etc/hostname | wc -c) container" > /out/result.txt',
      owner: 'ops@example.com',
      cpus: 0.1,
      mem: 32,
      container: { type: 'DOCKER', image: TEST_IMAGE, network: 'HOST', volumes: [{ containerPath: '/out', hostPath: out, mode: 'RW' }] },
    };
    // A body without a schedule means "run once now", as Chronos does.
    expect((await call(chronos.url, 'POST', '/v1/scheduler/iso8601', job)).status).toBe(204);
    const run = await waitFor(async () => {
      const runs = await history(chronos.url, 'docker-job');
      if (runs.some((r) => r.status === 'failure')) throw new Error(`the run failed: ${JSON.stringify(runs)}`);
      return runs.find((r) => r.status === 'success');
    }, 'the job run to succeed', 60_000, 200);
    expect(run.state).toBe('TASK_FINISHED');
    expect(readFileSync(join(out, 'result.txt'), 'utf8')).toMatch(/^from \d+ container\n$/);
    const saw = await call(chronos.url, 'GET', '/v1/scheduler/job/docker-job');
    expect(saw.body.successCount).toBe(1);
    expect(saw.body.container.image).toBe(TEST_IMAGE);
  }, 90_000);
});
