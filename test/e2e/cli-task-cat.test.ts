/**
 * `tsmesos task cat` end to end, and the task lookup every sandbox command shares: the built
 * binary against a fake master and a fake agent serving a real temporary sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';
import { BATCH, CACHE, PAGE_CHUNK, REPORT, type TaskCluster, WEB1, WEB2, putFile, runCliBytes, startTaskCluster } from './cli-task-fixture.js';

let cluster: TaskCluster;
let big: Buffer;
const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));

beforeAll(async () => {
  cluster = await startTaskCluster();
  putFile(cluster, WEB1, 'stdout', 'hello from web 1\nsecond line\n');
  putFile(cluster, WEB1, 'stderr', 'warning: low disk\n');
  putFile(cluster, WEB1, 'logs/app.log', 'app started\n');
  putFile(cluster, WEB2, 'stdout', 'hello from web 2\n');
  putFile(cluster, BATCH, 'stdout', 'batch done\n');
  putFile(cluster, BATCH, 'data.bin', binary);
  putFile(cluster, REPORT, 'stdout', 'default executor log\n');
  putFile(cluster, REPORT, `tasks/${REPORT}/stdout`, 'report: 42 rows\n');
  // > 3 chunks of 16 pages, multi-byte characters straddling the chunk boundaries
  const line = (i: number) => `${String(i).padStart(5, '0')} grüße 日本語 🚀 ${'é'.repeat(i % 7)}\n`;
  big = Buffer.from(Array.from({ length: 6000 }, (_, i) => line(i)).join(''));
  putFile(cluster, WEB2, 'big.log', big);
});
afterAll(async () => {
  await cluster?.close();
});

const m = () => `--master=${cluster.master}`;

describe('tsmesos task cat', () => {
  it('prints stdout by default, for a full id, a unique prefix or a unique part', async () => {
    for (const id of [WEB1, 'web.3f', '3f6c2a1e']) {
      const r = await runCli(['task', 'cat', id, m()]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe('hello from web 1\nsecond line\n');
      expect(r.stderr).toBe('');
    }
    // The sandbox was found through the agent's /state, then read from the executor directory.
    expect(cluster.agentRequests).toContain('GET /state');
    expect(cluster.agentRequests.some((q) => q.startsWith(`GET /files/read?path=${encodeURIComponent(`${cluster.sandboxOf[WEB1]}/stdout`)}`))).toBe(true);
  });

  it('prints stderr or any file relative to the sandbox', async () => {
    expect((await runCli(['task', 'cat', '3f6c', 'stderr', m()])).stdout).toBe('warning: low disk\n');
    expect((await runCli(['task', 'cat', '3f6c', 'logs/app.log', m()])).stdout).toBe('app started\n');
  });

  it('copies bytes unchanged: binary files, and UTF-8 split across 16-page chunks', async () => {
    const bin = await runCliBytes(['task', 'cat', 'batch', 'data.bin', m()]);
    expect(bin.exitCode).toBe(0);
    expect(bin.stdout.equals(binary)).toBe(true);
    expect(big.length).toBeGreaterThan(3 * PAGE_CHUNK);
    const r = await runCliBytes(['task', 'cat', '77aa', 'big.log', m()]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBe(big.length);
    expect(r.stdout.equals(big)).toBe(true);
  });

  it('reaches a completed task through the agent’s completed executors', async () => {
    const r = await runCli(['task', 'cat', BATCH, m()]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('batch done\n');
  });

  it('reads a task-group task from its own sandbox under the default executor', async () => {
    const r = await runCli(['task', 'cat', 'web-report', m()]);
    expect(r.stdout).toBe('report: 42 rows\n');
  });

  it('an ambiguous id exits 1 listing candidates with framework and state', async () => {
    const r = await runCli(['task', 'cat', 'web', m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tsmesos: error: 3 tasks match "web":');
    expect(r.stderr).toMatch(new RegExp(`\\n {4}${WEB1.replaceAll('.', '\\.')} +marathon \\(`));
    expect(r.stderr).toContain(`${REPORT}  chronos (`);
    expect(r.stderr).toContain('TASK_RUNNING');
    expect(r.stderr).toMatch(/hint: give a longer prefix of the task id, or pick the framework with --framework <id>/);
    const narrowed = await runCli(['task', 'cat', 'web', '--framework=chronos', m()]);
    expect(narrowed.stdout).toBe('report: 42 rows\n');
  });

  it('an unknown id exits 1 and points at task list --all', async () => {
    const r = await runCli(['task', 'cat', 'nosuchtask', m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('tsmesos: error: no task matches "nosuchtask"');
    expect(r.stderr).toContain('hint: run `tsmesos task list --all`');
  });

  it('a missing file names the path and the agent', async () => {
    const r = await runCli(['task', 'cat', '3f6c', 'nope.txt', m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`tsmesos: error: no "nope.txt" in the sandbox of task ${WEB1} (${cluster.sandboxOf[WEB1]}/nope.txt on agent node-a.example.com, ${cluster.agentUrl})`);
    expect(r.stderr).toContain(`hint: run \`tsmesos task ls ${WEB1}\``);
  });

  it('an unreachable agent names its address and suggests tsmesos agent list', async () => {
    const r = await runCli(['task', 'cat', 'worker', m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/tsmesos: error: can not reach the agent at http:\/\/127\.0\.0\.1:\d+ \(GET \/state: connection refused\)/);
    expect(r.stderr).toMatch(/hint: is the agent on node-b\.example\.com .* check `tsmesos agent list`/);
  });

  it('a staging task without a sandbox yet says so', async () => {
    const r = await runCli(['task', 'cat', CACHE, m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`the agent running task ${CACHE} has no sandbox for it yet`);
  });

  it('a directory, or a path outside the sandbox, is refused clearly', async () => {
    const dir = await runCli(['task', 'cat', '3f6c', 'logs', m()]);
    expect(dir.exitCode).toBe(1);
    expect(dir.stderr).toContain('"logs" is a directory');
    const out = await runCli(['task', 'cat', '3f6c', '../../etc/passwd', m()]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('is not inside the sandbox');
    expect((await runCli(['task', 'cat'])).exitCode).toBe(2);
  });
});
