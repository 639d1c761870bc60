/**
 * `tsmesos job` error paths the real Chronos mode can not produce on demand, against recorded
 * upstream-shaped answers (cli-service-fixture.ts): no leader (503), an upstream Chronos 3 without
 * the run-history extension, a Metronome-only server's 422; plus usage errors and an unreachable
 * address. The built binary runs (`npm run build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, runCli } from './cli-harness.js';
import { type Fixture, runCliInput, startFixture } from './cli-service-fixture.js';

const upstreamJob = { name: 'tick', command: 'date', schedule: 'R/2024-01-01T00:00:00.000Z/PT1M', parents: [], successCount: 3, errorCount: 0, lastSuccess: '2024-01-01T00:03:00.000Z', lastError: '' };

let noLeader: Fixture;
let upstream: Fixture;
beforeAll(async () => {
  noLeader = await startFixture(() => ({ status: 503, body: { message: 'no leader', status: '503 Service Unavailable' } }));
  // Chronos 3.0.x: jobs and summary, no /history, no Metronome API (its 404 is an HTML page).
  upstream = await startFixture((method, url) => {
    if (url === '/v1/scheduler/jobs') return { status: 200, body: [upstreamJob] };
    if (url === '/v1/scheduler/jobs/summary') return { status: 200, body: { jobs: [{ name: 'tick', status: 'success', state: 'idle', schedule: upstreamJob.schedule, parents: [], disabled: false }] } };
    if (method === 'POST' && url === '/v1/jobs') return { status: 422, body: { message: 'Object is not valid', details: [{ path: '/run/mem', errors: ['is less than than 32'] }] } };
    return { status: 404, body: '<html><body><h2>HTTP ERROR 404</h2></body></html>' };
  });
});
afterAll(async () => {
  await Promise.all([noLeader?.close(), upstream?.close()]);
});

describe('tsmesos job: service errors', () => {
  it('no leader (503): exit 1, says to wait', async () => {
    const r = await runCli(['job', 'list', `--chronos=${noLeader.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `tsmesos: error: Chronos at http://${noLeader.address} answered 503 to GET /v1/scheduler/jobs: no leader\n` +
        '  hint: Chronos has no leader right now (starting, or electing one); wait a moment and try again\n',
    );
  });

  it('an upstream Chronos: list works without the Metronome API; show says there is no run history', async () => {
    const list = await runCli(['job', 'list', '--json', `--chronos=${upstream.address}`]);
    expect(list.exitCode).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      { name: 'tick', api: 'chronos', schedule: upstreamJob.schedule, status: 'success', state: 'idle', disabled: false, successCount: 3, errorCount: 0, lastRun: '2024-01-01T00:03:00.000Z', command: 'date' },
    ]);
    const show = await runCli(['job', 'show', 'tick', `--chronos=${upstream.address}`]);
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toMatch(/^Job tick\n {2}command +date\n {2}schedule +R\/2024-01-01T00:00:00\.000Z\/PT1M\n {2}last result +success \(3 ok, 0 failed\)\n/);
    expect(show.stdout).toContain('\nRun history: not kept by this Chronos.\n');
    const history = await runCli(['job', 'history', 'tick', `--chronos=${upstream.address}`]);
    expect(history.exitCode).toBe(1);
    expect(history.stderr).toContain(`tsmesos: error: http://${upstream.address} keeps no run history for tick (404 on /v1/scheduler/job/tick/history)`);
    expect(history.stderr).toContain('hint: run history is a tsmesos chronos extension');
  });

  it('an unknown job: exit 1 with near names', async () => {
    const r = await runCli(['job', 'run', 'tic', `--chronos=${upstream.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('tsmesos: error: no job named "tic" (did you mean tick?)\n  hint: see `tsmesos job list` for the jobs Chronos knows (names are case-sensitive)\n');
  });

  it('Metronome 422: detail lines', async () => {
    const r = await runCliInput(['job', 'add', '-f', '-', `--chronos=${upstream.address}`], '{"id":"prod.x","run":{"cmd":"x","cpus":1,"mem":8,"disk":0}}');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      `tsmesos: error: Metronome API at http://${upstream.address} answered 422 to POST /v1/jobs: Object is not valid`,
      '  /run/mem: is less than than 32',
      '  hint: fix the field listed above and run the command again',
    ]);
  });

  it('unreachable: exit 1 and the hint names the config file', async () => {
    const port = await deadPort();
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tsmesos-job-cfg-'));
    const cfg = join(dir, 'config.toml');
    writeFileSync(cfg, `[chronos]\naddress = "127.0.0.1:${port}"\n`);
    const r = await runCli(['job', 'graph'], { TSMESOS_CONFIG: cfg });
    rmSync(dir, { recursive: true, force: true });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`can not reach the Chronos API at http://127.0.0.1:${port} (GET /v1/scheduler/graph/csv: connection refused)`);
    expect(r.stderr).toContain(`(the address came from [chronos] address in ${cfg}:2)`);
  });
});

describe('tsmesos job: usage errors exit 2', () => {
  it.each([[['job', 'add']], [['job', 'show']], [['job', 'history', 'x', '--limit', 'lots']], [['job', 'logs', 'x', '-n', '-3']], [['job', 'list', '--chronos=']], [['job', 'nope']]])('%j', async (args) => {
    const r = await runCli(args.some((a) => a.startsWith('--chronos')) ? args : [...args, `--chronos=${upstream.address}`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toBe('');
  });

  it('a job file that is neither an object nor an array of objects', async () => {
    const r = await runCliInput(['job', 'add', '-f', '-', `--chronos=${upstream.address}`], '42');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('must hold a job object or an array of job objects');
  });
});
