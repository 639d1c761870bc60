/** `tsmesos framework list|inspect` end to end against the fixture master. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMaster, MASTER_ID, runCli, startFakeMaster, jsonOf } from './cli-harness.js';

let master: FakeMaster;
beforeAll(async () => {
  master = await startFakeMaster();
});
afterAll(async () => {
  await master?.close();
});

describe('tsmesos framework list', () => {
  it('prints ID | ACTIVE | HOSTNAME | NAME | TASKS | CPUS | MEM', async () => {
    const r = await runCli(['framework', 'list', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ACTIVE\s+HOSTNAME\s+NAME\s+TASKS\s+CPUS\s+MEM$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^${MASTER_ID}-0000\\s+True\\s+marathon-1\\.example\\.com\\s+marathon\\s+3\\s+1\\.6\\s+800M$`)),
      expect.stringMatching(new RegExp(`^${MASTER_ID}-0001\\s+True\\s+chronos-1\\.example\\.com\\s+chronos\\s+1\\s+0\\.1\\s+32M$`)),
    ]);
  });

  it('--all adds completed frameworks; --json is an array of rows', async () => {
    const r = await runCli(['framework', 'list', '-a', '--json', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    const rows = jsonOf(r) as Array<{ name: string; active: boolean; completed: boolean }>;
    expect(rows.map((x) => [x.name, x.active, x.completed])).toEqual([
      ['marathon', true, false],
      ['chronos', true, false],
      ['probe-framework', false, true],
    ]);
  });
});

describe('tsmesos framework inspect', () => {
  it('prints the framework JSON without task arrays (unique prefix accepted)', async () => {
    const r = await runCli(['framework', 'inspect', `${MASTER_ID}-0000`, `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    const f = jsonOf(r) as Record<string, unknown>;
    expect(f).toMatchObject({ id: `${MASTER_ID}-0000`, name: 'marathon', active: true });
    expect(f).not.toHaveProperty('tasks');
    expect(f).not.toHaveProperty('completed_tasks');
    expect(f).not.toHaveProperty('unreachable_tasks');
    expect(f).toHaveProperty('used_resources');
  });

  it('an unknown or ambiguous id exits 1', async () => {
    const unknown = await runCli(['framework', 'inspect', 'nope', `--master=${master.address}`]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no framework with id "nope"');
    const ambiguous = await runCli(['framework', 'inspect', MASTER_ID, `--master=${master.address}`]);
    expect(ambiguous.exitCode).toBe(1);
    expect(ambiguous.stderr).toContain('3 frameworks match');
  });

  it('needs an id (exit 2) and has help with examples', async () => {
    expect((await runCli(['framework', 'inspect'])).exitCode).toBe(2);
    const help = await runCli(['framework', 'list', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
