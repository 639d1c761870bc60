/** `tsmesos agent list` end to end against the fixture master. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMaster, MASTER_ID, runCli, startFakeMaster, jsonOf } from './cli-harness.js';

let master: FakeMaster;
beforeAll(async () => {
  master = await startFakeMaster();
});
afterAll(async () => {
  await master?.close();
});

describe('tsmesos agent list', () => {
  it('prints AGENT ID | HOSTNAME | ACTIVE with used/total cpus and mem', async () => {
    const r = await runCli(['agent', 'list', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^AGENT ID\s+HOSTNAME\s+ACTIVE\s+CPUS\s+MEM$/),
      expect.stringMatching(new RegExp(`^${MASTER_ID}-S0\\s+node-a\\.example\\.com\\s+True\\s+1\\.1/4\\s+544M/7\\.5G$`)),
      expect.stringMatching(new RegExp(`^${MASTER_ID}-S1\\s+node-b\\.example\\.com\\s+True\\s+0\\.5/2\\s+256M/3\\.8G$`)),
    ]);
    expect(master.requests).toContain('GET /master/slaves');
  });

  it('--json prints an array of rows', async () => {
    const r = await runCli(['agent', 'list', '--json', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toEqual([
      expect.objectContaining({ id: `${MASTER_ID}-S0`, hostname: 'node-a.example.com', port: 5051, active: true }),
      expect.objectContaining({ id: `${MASTER_ID}-S1`, resources: { cpus: 2, mem: 3840, disk: 20480, gpus: 0 } }),
    ]);
  });

  it('has help with examples', async () => {
    const r = await runCli(['agent', 'list', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});
