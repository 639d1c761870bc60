/** `tsmesos task list` end to end: the built binary against a fake master on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, jsonOf, runCli } from './cli-harness.js';
import { BATCH, CACHE, CHRONOS, MARATHON, REPORT, type TaskCluster, WEB1, WEB2, WORKER, startTaskCluster } from './cli-task-fixture.js';

let cluster: TaskCluster;
beforeAll(async () => {
  cluster = await startTaskCluster();
});
afterAll(async () => {
  await cluster?.close();
});

describe('tsmesos task list', () => {
  it('prints live tasks with the state of the last status update', async () => {
    const r = await runCli(['task', 'list', `--master=${cluster.master}`]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATE\s+FRAMEWORK\s+AGENT\s+EXECUTOR\s+NAME$/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(new RegExp(`^${WEB1.replaceAll('.', '\\.')}\\s+TASK_RUNNING\\s+marathon\\s+node-a\\.example\\.com\\s+-\\s+web$`));
    expect(lines[3]).toMatch(/^worker\.\S+\s+TASK_RUNNING\s+marathon\s+node-b\.example\.com\s+-\s+worker$/);
    expect(lines[4]).toMatch(/^cache\.\S+\s+TASK_STAGING\s+marathon/);
    expect(lines[5]).toMatch(/^web-report\.\S+\s+TASK_RUNNING\s+chronos\s+node-a\.example\.com\s+pod-executor\.0c0c1d1d\s+web-report$/);
    expect(r.stdout).not.toContain(BATCH);
  });

  it('--all adds completed tasks; --framework narrows by name or id', async () => {
    const all = jsonOf(await runCli(['task', 'list', '--all', '--json', `--master=${cluster.master}`])) as Array<Record<string, unknown>>;
    expect(all.map((t) => t.id)).toEqual([WEB1, WEB2, WORKER, CACHE, REPORT, expect.stringMatching(/^sidecar\./), BATCH]);
    expect(all.find((t) => t.id === BATCH)).toMatchObject({ state: 'TASK_FINISHED', completed: true });
    const chronos = jsonOf(await runCli(['task', 'list', '--json', '--framework=chronos', `--master=${cluster.master}`])) as Array<{ framework_id: string }>;
    expect(chronos).toHaveLength(2);
    expect(chronos.every((t) => t.framework_id === CHRONOS)).toBe(true);
    const byId = jsonOf(await runCli(['task', 'list', '--json', `--framework=${MARATHON}`, `--master=${cluster.master}`])) as unknown[];
    expect(byId).toHaveLength(4);
  });

  it('--json prints stable keys and raw executor ids', async () => {
    const rows = jsonOf(await runCli(['task', 'list', '--json', `--master=${cluster.master}`])) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0]!)).toEqual(['id', 'name', 'state', 'framework_id', 'framework', 'agent_id', 'agent_hostname', 'executor_id', 'completed']);
    expect(rows[0]).toMatchObject({ id: WEB1, framework: 'marathon', agent_hostname: 'node-a.example.com', executor_id: '', completed: false });
  });

  it('exits 1 naming the master when it is down, 1 for an unknown --framework, 2 for a bad flag', async () => {
    const port = await deadPort();
    const down = await runCli(['task', 'list', `--master=127.0.0.1:${port}`]);
    expect(down.exitCode).toBe(1);
    expect(down.stderr).toContain(`can not reach the master at http://127.0.0.1:${port}`);
    const fw = await runCli(['task', 'list', '--framework=nope', `--master=${cluster.master}`]);
    expect(fw.exitCode).toBe(1);
    expect(fw.stderr).toContain('no framework matches --framework "nope"');
    expect((await runCli(['task', 'list', '--bogus'])).exitCode).toBe(2);
  });

  it('has help with examples, on the group and on every subcommand', async () => {
    for (const args of [['task'], ['task', 'list'], ['task', 'cat'], ['task', 'tail'], ['task', 'ls']]) {
      const r = await runCli([...args, '--help']);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
  });
});
