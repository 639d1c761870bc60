/**
 * `tsmesos app` error paths the real Marathon mode can not produce on demand, against recorded
 * upstream-shaped answers (cli-service-fixture.ts): no leader (503), Marathon's 422 and 409 bodies
 * as a real Marathon 1.x words them, an address that is not Marathon; plus usage errors and an
 * unreachable address. The built binary runs (`npm run build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, runCli } from './cli-harness.js';
import { type Fixture, runCliInput, startFixture } from './cli-service-fixture.js';

let noLeader: Fixture;
let marathon: Fixture;
let notMarathon: Fixture;
beforeAll(async () => {
  noLeader = await startFixture(() => ({ status: 503, body: { message: 'Could not determine the current leader' } }));
  marathon = await startFixture((method, url) => {
    if (method === 'POST' && url.startsWith('/v2/apps')) {
      return { status: 422, body: { message: 'Object is not valid', details: [{ path: '/mem', errors: ['got -1.0, expected 0.0 or more'] }, { path: '/upgradeStrategy/minimumHealthCapacity', errors: ['is greater than 1'] }] } };
    }
    if (method === 'PUT' && url.startsWith('/v2/apps/locked')) {
      return { status: 409, body: { message: "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.", deployments: [{ id: '97c136bf-5a28-4821-9d94-480d9fbb01c8' }] } };
    }
    if (method === 'GET' && url.startsWith('/v2/apps/boom')) return { status: 500, body: { message: 'java.lang.NullPointerException' } };
    return undefined;
  });
  notMarathon = await startFixture(() => ({ status: 404, body: '<html><body>Not Found</body></html>' }));
});
afterAll(async () => {
  await Promise.all([noLeader?.close(), marathon?.close(), notMarathon?.close()]);
});

describe('tsmesos app: service errors', () => {
  it('no leader (503): exit 1, says to wait', async () => {
    const r = await runCli(['app', 'list', `--marathon=${noLeader.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `tsmesos: error: Marathon at http://${noLeader.address} answered 503 to GET /v2/apps: Could not determine the current leader\n` +
        '  hint: Marathon has no leader right now (starting, or electing one); wait a moment and try again\n',
    );
  });

  it('422 from a real Marathon: one "  /path: error" line per error', async () => {
    const r = await runCliInput(['app', 'add', '-f', '-', `--marathon=${marathon.address}`], '{"id":"/bad","cmd":"x","mem":-1}');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `tsmesos: error: Marathon at http://${marathon.address} answered 422 to POST /v2/apps: Object is not valid`,
      '  /mem: got -1.0, expected 0.0 or more',
      '  /upgradeStrategy/minimumHealthCapacity: is greater than 1',
      '  hint: fix the fields listed above and run the command again',
      '',
    ]);
    expect(marathon.requests.at(-1)).toBe('POST /v2/apps {"id":"/bad","cmd":"x","mem":-1}');
  });

  it('409 locked: names the deployment and the ways out', async () => {
    const r = await runCli(['app', 'scale', 'locked', '4', `--marathon=${marathon.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('answered 409 to PUT /v2/apps/locked: the app is locked by deployment 97c136bf-5a28-4821-9d94-480d9fbb01c8');
    expect(r.stderr).toContain('hint: wait for it (`tsmesos app deployments`), roll it back with `tsmesos app rollback 97c136bf-5a28-4821-9d94-480d9fbb01c8`, or repeat with --force');
  });

  it('500: the message and "its log says why"', async () => {
    const r = await runCli(['app', 'show', 'boom', `--marathon=${marathon.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('answered 500 to GET /v2/apps/boom: java.lang.NullPointerException');
    expect(r.stderr).toContain('hint: Marathon failed internally; its log says why');
  });

  it('an address that is not Marathon', async () => {
    const r = await runCli(['app', 'deployments', `--marathon=${notMarathon.address}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('answered 404 to GET /v2/deployments: <html><body>Not Found</body></html>');
    expect(r.stderr).toContain('hint: is that address really Marathon? check --marathon');
  });

  it('unreachable: exit 1 and the hint names where the address came from', async () => {
    const port = await deadPort();
    const r = await runCli(['app', 'list'], { MARATHON_URL: `http://127.0.0.1:${port}` });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `tsmesos: error: can not reach the Marathon API at http://127.0.0.1:${port} (GET /v2/apps: connection refused)\n` +
        '  hint: is `tsmesos marathon` running there (the address came from MARATHON_URL)? pass --marathon=HOST:PORT or set TSMESOS_MARATHON\n',
    );
  });
});

describe('tsmesos app: usage errors exit 2', () => {
  it.each([
    [['app', 'scale', '/x']],
    [['app', 'scale', '/x', 'many']],
    [['app', 'add']],
    [['app', 'update', '/x']],
    [['app', 'update', '/x', '--env', 'NOEQUALS']],
    [['app', 'list', '--marathon=ftp://x']],
    [['app', 'restart', '/x', '--timeout=soon']],
    [['app', 'frobnicate']],
  ])('%j', async (args) => {
    const r = await runCli(args.some((a) => a.startsWith('--marathon')) ? args : [...args, `--marathon=${marathon.address}`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toBe('');
  });

  it('a file that is not JSON names line and column (exit 1)', async () => {
    const r = await runCliInput(['app', 'add', '-f', '-', `--marathon=${marathon.address}`], '{\n  "id": "/x",\n  "cmd": "sleep",\n}\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^tsmesos: error: stdin:4:1: not valid JSON: /);
  });
});
