/** `tsmesos task ls` end to end: `/files/browse` of a real sandbox through a fake agent. */
import { utimesSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from './cli-harness.js';
import { type TaskCluster, WEB1, putFile, startTaskCluster } from './cli-task-fixture.js';

let cluster: TaskCluster;
const T = Date.UTC(2024, 10, 22, 10, 15) / 1000;

beforeAll(async () => {
  cluster = await startTaskCluster();
  for (const [rel, text] of [['stdout', 'out\n'], ['stderr', 'err!\n'], ['logs/app.log', 'a'.repeat(1234)]] as const) {
    utimesSync(putFile(cluster, WEB1, rel, text), T, T);
  }
  utimesSync(`${cluster.sandboxOf[WEB1]}/logs`, T, T);
});
afterAll(async () => {
  await cluster?.close();
});

const m = () => `--master=${cluster.master}`;

describe('tsmesos task ls', () => {
  it('lists the sandbox like ls -l', async () => {
    const r = await runCli(['task', 'ls', '3f6c', m()], { TZ: 'UTC' });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^MODE\s+NLINK\s+UID\s+GID\s+SIZE\s+MTIME\s+NAME$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).at(-1))).toEqual(['logs', 'stderr', 'stdout']);
    expect(lines[1]).toMatch(/^d[rwx-]{9}\s+\d+\s+\S+\s+\S+\s+\d+\s+2024-11-22 10:15\s+logs$/);
    expect(lines[2]).toMatch(/^-rw[rwx-]{7}\s+1\s+\S+\s+\S+\s+5\s+2024-11-22 10:15\s+stderr$/);
  });

  it('lists a sub-directory, and --json keeps the agent’s fields plus name', async () => {
    const rows = jsonOf(await runCli(['task', 'ls', WEB1, 'logs', '--json', m()])) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual(['name', 'path', 'mode', 'nlink', 'uid', 'gid', 'size', 'mtime']);
    expect(rows[0]).toMatchObject({ name: 'app.log', path: `${cluster.sandboxOf[WEB1]}/logs/app.log`, size: 1234, mtime: T, nlink: 1 });
    expect(rows[0]!.mode).toMatch(/^-rw/);
  });

  it('a file path shows that one entry, as ls -l FILE does', async () => {
    const rows = jsonOf(await runCli(['task', 'ls', '3f6c', 'stdout', '--json', m()])) as Array<Record<string, unknown>>;
    expect(rows).toEqual([expect.objectContaining({ name: 'stdout', size: 4 })]);
  });

  it('a missing path exits 1 naming it', async () => {
    const r = await runCli(['task', 'ls', '3f6c', 'nope', m()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`no "nope" in the sandbox of task ${WEB1}`);
  });
});
