/**
 * `tsmesos task tail [-f]` end to end: the built binary polling a fake agent's `/files/read` over a
 * real sandbox file that the test appends to, truncates and creates while the CLI runs.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';
import { BATCH, REPORT, type TaskCluster, WEB1, WEB2, putFile, runCliBytes, spawnCli, startTaskCluster } from './cli-task-fixture.js';

let cluster: TaskCluster;
let stdoutPath: string;
const lines = Array.from({ length: 15 }, (_, i) => `line ${i + 1} — ünï ${'日本'.repeat(i)}\n`);

beforeAll(async () => {
  cluster = await startTaskCluster();
  stdoutPath = putFile(cluster, WEB1, 'stdout', lines.join(''));
  putFile(cluster, WEB1, 'stderr', 'e1\ne2\ne3');
  putFile(cluster, BATCH, 'stdout', 'batch 1\nbatch 2\n');
  putFile(cluster, REPORT, `tasks/${REPORT}/stdout`, 'report\n');
});
afterAll(async () => {
  await cluster?.close();
});

const m = () => `--master=${cluster.master}`;

describe('tsmesos task tail', () => {
  it('prints the last 10 lines by default, or -n N, byte for byte', async () => {
    const r = await runCli(['task', 'tail', '3f6c', m()]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(lines.slice(5).join(''));
    const three = await runCliBytes(['task', 'tail', '-n', '3', WEB1, m()]);
    expect(three.stdout.equals(Buffer.from(lines.slice(12).join('')))).toBe(true);
    expect((await runCli(['task', 'tail', '-n', '2', '3f6c', 'stderr', m()])).stdout).toBe('e2\ne3');
    expect((await runCli(['task', 'tail', '-n', '0', '3f6c', m()])).stdout).toBe('');
  });

  it('rejects a bad -n with exit 2', async () => {
    const r = await runCli(['task', 'tail', '-n', 'ten', '3f6c', m()]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('-n needs a whole number of lines');
  });

  it('-f prints lines appended after it started, and exits 0 on Ctrl-C', async () => {
    const run = spawnCli(['task', 'tail', '-f', '-n', '2', '3f6c', m()]);
    await run.waitFor(lines[14]!);
    appendFileSync(stdoutPath, 'appended one\n');
    await run.waitFor('appended one\n');
    appendFileSync(stdoutPath, 'appended two ✓\nappended three\n');
    await run.waitFor('appended three\n');
    run.child.kill('SIGINT');
    const done = await run.child;
    expect(done.exitCode).toBe(0);
    expect(run.stdout()).toBe(`${lines[13]}${lines[14]}appended one\nappended two ✓\nappended three\n`);
    expect(run.stderr()).toBe('');
  });

  it('-f follows a truncated file again from its start', async () => {
    const path = putFile(cluster, WEB2, 'stdout', 'before truncation\n');
    const run = spawnCli(['task', 'tail', '-f', '77aa', m()]);
    await run.waitFor('before truncation\n');
    writeFileSync(path, 'new\n');
    await run.waitFor('new\n');
    appendFileSync(path, 'after\n');
    await run.waitFor('after\n');
    run.child.kill('SIGINT');
    expect((await run.child).exitCode).toBe(0);
    expect(run.stderr()).toContain('was truncated; following it from the start');
    expect(run.stdout()).toBe('before truncation\nnew\nafter\n');
  });

  it('-f waits for a file that does not exist yet', async () => {
    const run = spawnCli(['task', 'tail', '-f', '77aa', 'later.log', m()]);
    await run.waitFor('waiting for', 10_000, 'stderr');
    putFile(cluster, WEB2, 'later.log', 'finally here\n');
    await run.waitFor('finally here\n');
    run.child.kill('SIGINT');
    expect((await run.child).exitCode).toBe(0);
    expect(run.stderr()).toContain(`waiting for ${cluster.sandboxOf[WEB2]}/later.log to appear on agent node-a.example.com`);
  });

  it('-f stops by itself, exit 0, once the task is terminal and its output is drained', async () => {
    const run = spawnCli(['task', 'tail', '-f', 'web-report', m()]);
    await run.waitFor('report\n');
    appendFileSync(`${cluster.sandboxOf[REPORT]}/tasks/${REPORT}/stdout`, 'last words\n');
    cluster.finishTask(REPORT, 'TASK_FINISHED');
    const done = await run.child;
    expect(done.exitCode).toBe(0);
    expect(run.stdout()).toBe('report\nlast words\n');
  });

  it('-f on an already finished task prints the tail and exits 0', async () => {
    const t0 = Date.now();
    const run = spawnCli(['task', 'tail', '-f', 'batch', m()]);
    const done = await run.child;
    expect(done.exitCode).toBe(0);
    expect(run.stdout()).toBe('batch 1\nbatch 2\n');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('a missing file without -f exits 1 naming it', async () => {
    const r = await runCli(['task', 'tail', '3f6c', 'nope.log', m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`no "nope.log" in the sandbox of task ${WEB1}`);
  });
});
