/**
 * `tsmesos top` without a terminal: one snapshot from the operator stream, printed as plain tables
 * (or --json), exit 0; through a standby's 307 too. Errors exit 1 (unreachable) or 2 (usage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCluster } from '../helpers/cluster.js';
import type { Daemon } from '../helpers/daemon.js';
import { commandTask } from '../helpers/scheduler.js';
import { deadPort, jsonOf, runCli, startStandby } from './cli-harness.js';

const cluster = new TestCluster();
let master: Daemon;
let address: string;
let frameworkId: string;

beforeAll(async () => {
  master = await cluster.master();
  address = new URL(master.url).host;
  const agent = cluster.agent(master.url, { hostname: 'snap-agent', attributes: 'rack:r7', resources: 'cpus:4;mem:2048' });
  const s = cluster.scheduler(master.url, { name: 'snap-fw' });
  await s.subscribe();
  frameworkId = s.frameworkId!;
  const [offer] = await s.waitForOffers();
  await s.launch(offer, [commandTask('snap-task', 1, 512)]);
  await s.waitForUpdate('snap-task', 'TASK_RUNNING');
  expect(agent.id).toBeDefined();
});
afterAll(() => cluster.cleanup());

describe('tsmesos top (stdout not a terminal)', () => {
  it('prints agents, frameworks, tasks and held offers once and exits 0', async () => {
    const r = await runCli(['top', `--master=${address}`]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('AGENTS (1)');
    expect(lines.find((l) => l.startsWith('snap-agent'))).toMatch(/^snap-agent +active +1\/4 +512M\/2G +1 +\d +rack:r7 /);
    expect(lines.find((l) => l.startsWith('snap-fw'))).toMatch(/^snap-fw +\* +active +25\.0% +1 +\d +/);
    expect(lines.find((l) => l.startsWith('snap-task'))).toMatch(/^snap-task +RUNNING +snap-fw +snap-agent +1 +512M +-$/);
    expect(r.stdout).toMatch(/^OFFERS HELD \(\d+\)$/m);
    expect(r.stdout).not.toMatch(/\x1b\[/); // no escape sequences in a pipe
  });

  it('--json prints the same snapshot as data', async () => {
    const data = jsonOf(await runCli(['top', '--json', `--master=${address}`]));
    expect(data.agents).toEqual([expect.objectContaining({ hostname: 'snap-agent', used: { cpus: 1, mem: 512 }, total: { cpus: 4, mem: 2048 }, tasks: 1 })]);
    expect(data.frameworks).toEqual([expect.objectContaining({ id: frameworkId, name: 'snap-fw', share: 0.25, dominant_resource: 'cpus', tasks: 1 })]);
    expect(data.tasks).toEqual([expect.objectContaining({ id: 'snap-task', state: 'TASK_RUNNING', framework_id: frameworkId, healthy: null })]);
    expect(Array.isArray(data.offers)).toBe(true);
  });

  it('follows a standby master’s 307 to the leader', async () => {
    const standby = await startStandby(address);
    try {
      const r = await runCli(['top', `--master=${standby.address}`]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('snap-task');
    } finally {
      await standby.close();
    }
  });

  it('an unreachable master exits 1 with what to try; a bad flag exits 2', async () => {
    const r = await runCli(['top', `--master=127.0.0.1:${await deadPort()}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tsmesos: error: can not reach the master at http:\/\/127\.0\.0\.1:\d+ \(SUBSCRIBE: connection refused\)\n {2}hint: .*--master=HOST:PORT/);
    const env = await runCli(['top'], { MESOS_MASTER: `127.0.0.1:${await deadPort()}` });
    expect(env.stderr).toContain('the address came from MESOS_MASTER');
    const refresh = await runCli(['top', '--refresh=fast', `--master=${address}`]);
    expect(refresh.exitCode).toBe(2);
    expect(refresh.stderr).toMatch(/--refresh: 'fast' is not a duration/);
    const tiny = await runCli(['top', '--refresh=1ms', `--master=${address}`]);
    expect([tiny.exitCode, tiny.stderr]).toEqual([2, expect.stringContaining('outside 50ms..60secs')]);
    expect((await runCli(['top', '--master=bad address'])).exitCode).toBe(2);
    // --marathon/--chronos are checked even when only a snapshot is printed.
    const marathon = await runCli(['top', '--marathon=ftp://m:8080', `--master=${address}`]);
    expect([marathon.exitCode, marathon.stdout]).toEqual([2, '']);
    expect(marathon.stderr).toContain('--marathon: unsupported scheme ftp://');
    const chronos = await runCli(['top', '--chronos=host:99999', `--master=${address}`]);
    expect([chronos.exitCode, chronos.stderr]).toEqual([2, expect.stringContaining('--chronos: port must be 1-65535')]);
  });
});
