/**
 * "Why is my job still queued?" on the built binaries: an agent with little disk
 * (`--resources=cpus:4;mem:4096;disk:100`) cannot take a Chronos job with the default disk (256 MB).
 * The run stays queued and says why — in the history extension (`waiting`, `message`),
 * `jobs/summary`, Metronome's `/v1/queue`, `tsmesos job show` and `job history` — and runs once
 * the job asks for less disk. A job pinned to another host says which constraint fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Daemon } from '../helpers/daemon.js';
import { waitFor } from '../helpers/wait.js';
import { ChronosCluster, call, history } from './chronos-harness.js';
import { runCli } from './cli-harness.js';

let cluster: ChronosCluster;
let chronos: Daemon;

beforeAll(async () => {
  cluster = await new ChronosCluster().start('cpus:4;mem:4096;disk:100');
  chronos = await cluster.chronos();
  await cluster.leading(chronos);
}, 60_000);
afterAll(async () => {
  await cluster?.cleanup();
}, 60_000);

const post = (path: string, body: unknown) => call(chronos.url, 'POST', path, body);
const cli = (...args: string[]) => runCli(['job', ...args, `--chronos=${new URL(chronos.url).host}`]);

describe('a queued run that no offer fits', () => {
  it('says why it waits everywhere a user looks, and launches once the job fits', async () => {
    const file = `${cluster.out}/big.txt`;
    const big = { name: 'big', command: `echo ran >> ${file}`, schedule: 'R0//PT1H', cpus: 0.1, mem: 32 };
    expect((await post('/v1/scheduler/iso8601', big)).status).toBe(204);
    expect((await call(chronos.url, 'PUT', '/v1/scheduler/job/big')).status).toBe(204);
    const reason = 'offer from host 127.0.0.1: insufficient disk (needs 256 MB, offered 100)';
    // Offers come back every second (declined with a short refusal while something waits).
    const [entry] = await waitFor(async () => {
      const runs = await history(chronos.url, 'big');
      return runs[0]?.waiting?.offersDeclined >= 2 ? runs : undefined;
    }, 'two offers declined for the big run', 20_000, 200);
    expect(entry).toMatchObject({ status: 'queued', taskId: null, trigger: 'manual' });
    expect(entry.waiting.reasons).toEqual([{ host: '127.0.0.1', agentId: expect.any(String), at: expect.any(String), reason }]);
    expect(entry.message).toMatch(new RegExp(`^waiting for resources: ${reason.replace(/[()]/g, '\\$&')} \\(\\d+ offers declined\\)$`));

    const queue = (await call(chronos.url, 'GET', '/v1/queue')).body;
    expect(queue).toEqual([{ jobId: 'big', runs: [{ runId: entry.runId, waiting: expect.objectContaining({ reasons: [expect.objectContaining({ reason })] }) }] }]);
    const summary = (await call(chronos.url, 'GET', '/v1/scheduler/jobs/summary')).body.jobs;
    expect(summary).toEqual([expect.objectContaining({ name: 'big', state: 'queued', waiting: expect.stringContaining(reason) })]);

    const show = await cli('show', 'big');
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain(`Run ${entry.runId} queued `);
    expect(show.stdout).toContain(`  ${reason} (`);
    const hist = await cli('history', 'big');
    expect(hist.exitCode).toBe(0);
    expect(hist.stdout).toMatch(/\bqueued\b.*waiting for resources: offer from host 127\.0\.0\.1/);
    expect(hist.stdout).toContain(`  ${reason} (`);

    // A job pinned elsewhere is told apart: the constraint, not the resources.
    expect((await post('/v1/scheduler/iso8601', { name: 'pinned', command: 'true', schedule: 'R0//PT1H', cpus: 0.1, mem: 32, disk: 1, constraints: [['hostname', 'EQUALS', 'elsewhere']] })).status).toBe(204);
    expect((await call(chronos.url, 'PUT', '/v1/scheduler/job/pinned')).status).toBe(204);
    const [pinned] = await waitFor(async () => {
      const runs = await history(chronos.url, 'pinned');
      return runs[0]?.waiting?.reasons.length ? runs : undefined;
    }, 'the pinned run declined', 20_000, 200);
    expect(pinned.waiting.reasons[0].reason).toBe('offer from host 127.0.0.1: constraint hostname EQUALS elsewhere not met (hostname is 127.0.0.1)');

    // Less disk: the same queued run launches and succeeds.
    expect((await post('/v1/scheduler/iso8601', { ...big, disk: 1 })).status).toBe(204);
    const [done] = await waitFor(async () => {
      const runs = await history(chronos.url, 'big');
      return runs[0]?.status === 'success' ? runs : undefined;
    }, 'the big run to succeed', 20_000, 200);
    expect(done.runId).toBe(entry.runId);
    expect(done.waiting).toBeUndefined();
    expect(done.message).toBe('Command exited with status 0');
    expect(cluster.lines('big.txt')).toEqual(['ran']);
    expect((await call(chronos.url, 'GET', '/v1/queue')).body.map((q: { jobId: string }) => q.jobId)).toEqual(['pinned']);
    expect((await call(chronos.url, 'DELETE', '/v1/scheduler/job/pinned')).status).toBe(204);
    expect((await call(chronos.url, 'GET', '/v1/queue')).body).toEqual([]);
  });
});
