/** `tsmesos teardown` end to end: the form body reaches the master; its 400 becomes exit 1. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMaster, MASTER_ID, runCli, startFakeMaster, startStandby, jsonOf } from './cli-harness.js';

let master: FakeMaster;
beforeAll(async () => {
  master = await startFakeMaster();
});
afterAll(async () => {
  await master?.close();
});

describe('tsmesos teardown', () => {
  const id = `${MASTER_ID}-0001`;

  it('POSTs frameworkId=<id> as a form and confirms', async () => {
    const r = await runCli(['teardown', id, `--master=${master.address}`]);
    expect(r).toMatchObject({ exitCode: 0, stdout: `Framework ${id} torn down\n`, stderr: '' });
    expect(master.requests).toContain(`POST /master/teardown frameworkId=${encodeURIComponent(id)}`);
  });

  it('--json prints a JSON object', async () => {
    const r = await runCli(['teardown', '--json', id, `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toEqual({ framework_id: id, torn_down: true });
  });

  it('re-sends the POST to the leader when a standby redirects', async () => {
    const standby = await startStandby(master.address);
    try {
      const r = await runCli(['teardown', id, `--master=${standby.address}`]);
      expect(r.exitCode).toBe(0);
    } finally {
      await standby.close();
    }
  });

  it('an unknown id exits 1 with the master’s message and a hint', async () => {
    const r = await runCli(['teardown', 'nope-0042', `--master=${master.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No framework found with specified ID');
    expect(r.stderr).toContain('tsmesos framework list');
  });

  it('a missing argument is a usage error (exit 2)', async () => {
    const r = await runCli(['teardown', `--master=${master.address}`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'frameworkId'/);
  });
});
