/**
 * `tsmesos app …` end to end on the real built binaries: zookeeper-lite, a master, a real agent and
 * `tsmesos marathon --http_port=0` (marathon-harness.ts), driven by the built CLI. Every subcommand
 * in human and `--json` form, live deployment progress, "why isn't it launching", Marathon's own
 * 422/404/409 errors, and rollback. One app's story, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { execa } from 'execa';
import { BIN, jsonOf, runCli, scratchHome } from './cli-harness.js';
import { runCliInput } from './cli-service-fixture.js';
import { MarathonCluster, call, tasksOf } from './marathon-harness.js';

const cluster = new MarathonCluster();
let m = '';
const app = (...args: string[]) => runCli(['app', ...args, `--marathon=${m}`]);
const appInput = (input: unknown, ...args: string[]) => runCliInput(['app', ...args, '-f', '-', `--marathon=${m}`], JSON.stringify(input));

beforeAll(async () => {
  await cluster.start();
  await cluster.realAgent([], 'cpus:4;mem:2048;ports:[31000-31999]');
  const marathon = await cluster.marathon();
  await cluster.leading(marathon);
  m = new URL(marathon.url).host;
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

const base = () => `http://${m}`;

describe('tsmesos app on a real Marathon mode', () => {
  it('list: just the header when there are no apps; [] as JSON', async () => {
    const r = await app('list');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ID +STATUS +RUNNING +HEALTHY +CPUS +MEM +CMD\n$/);
    expect(jsonOf(await app('list', '--json'))).toEqual([]);
  });

  it('add -f: creates the app and follows the deployment to the end (plain progress lines off a terminal)', async () => {
    const r = await appInput({ id: 'cli-test', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 2 }, 'add');
    expect(r.stderr).not.toContain('error');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Created app \/cli-test: deployment \S+ finished in \S+ · \/cli-test 2\/2 running\n$/);
    // A create is two steps upstream: StartApplication (0 instances), then ScaleApplication.
    expect(r.stderr).toMatch(/^deployment \S+: step [12]\/2 (Start|Scale)Application \/cli-test · \/cli-test \d\/2 running/m);
    expect(r.stderr).not.toContain('\r');
    expect((await tasksOf(base(), 'cli-test')).filter((t) => t.state === 'TASK_RUNNING')).toHaveLength(2);
  }, 60_000);

  it('list: the app row, and the JSON row with raw numbers', async () => {
    const r = await app('list');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^\/cli-test +Running +2\/2 +- +0\.1 +16M +sleep 3600$/);
    expect(jsonOf(await app('list', '--json'))).toEqual([
      { id: '/cli-test', status: 'Running', instances: 2, running: 2, staged: 0, healthy: null, unhealthy: null, cpus: 0.1, mem: 16, deployments: [], cmd: 'sleep 3600' },
    ]);
  });

  it('show and tasks: summary, the tasks table; JSON with the queue entry (none: nothing waits)', async () => {
    const r = await app('show', 'cli-test');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^App \/cli-test\n {2}status +Running\n {2}command +sleep 3600\n {2}tasks +2\/2 running\n {2}resources +cpus 0\.1, mem 16M, disk 0B\n/);
    expect(r.stdout).toMatch(/\nTasks \(2\):\nID +HOST +PORTS +STATE +HEALTH +STARTED +VERSION\n/);
    expect(r.stdout.match(/TASK_RUNNING/g)).toHaveLength(2);
    expect(r.stdout).not.toContain('Waiting to launch');
    const json = jsonOf(await app('show', '/cli-test', '--json'));
    expect(json.queue).toBeNull();
    expect(json.app).toMatchObject({ id: '/cli-test', instances: 2, tasksRunning: 2 });
    const tasks = await app('tasks', '/cli-test');
    expect(tasks.exitCode).toBe(0);
    expect(tasks.stdout.trimEnd().split('\n')).toHaveLength(3);
    const rows = jsonOf(await app('tasks', 'cli-test', '--json'));
    expect(rows.map((t: { appId: string; state: string }) => [t.appId, t.state])).toEqual([
      ['/cli-test', 'TASK_RUNNING'],
      ['/cli-test', 'TASK_RUNNING'],
    ]);
    expect(rows[0].ports[0]).toBeGreaterThanOrEqual(31000);
  });

  it('scale: follows the deployment; --json reports the end state', async () => {
    const r = await app('scale', '/cli-test', '3', '--json');
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toMatchObject({ status: 'finished', deploymentId: expect.any(String), apps: [{ id: '/cli-test', instances: 3, tasksRunning: 3 }] });
  }, 60_000);

  it('kill <part of an id>: Marathon replaces the task', async () => {
    const [victim] = await tasksOf(base(), 'cli-test');
    const part = victim.id.split('.instance-')[1].slice(0, 8);
    const r = await app('kill', part);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`Killed ${victim.id} of /cli-test; Marathon will start a replacement\n`);
    await waitFor(async () => {
      const tasks = await tasksOf(base(), 'cli-test');
      return tasks.length === 3 && !tasks.some((t) => t.id === victim.id) && tasks.every((t) => t.state === 'TASK_RUNNING');
    }, 'the replacement', 30_000, 200);
  }, 60_000);

  it('kill --scale: a deployment that lowers instances, followed', async () => {
    const [victim] = await tasksOf(base(), 'cli-test');
    const r = await app('kill', victim.id, '--scale');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Killed ${victim.id.replaceAll('.', '\\.')} and scaled /cli-test down by one: deployment \\S+ finished in \\S+ · /cli-test 2/2 running\\n$`));
    expect((await call(base(), 'GET', '/v2/apps/cli-test')).body.app.instances).toBe(2);
  }, 60_000);

  it('update --env merges into the environment; restart rolls; both as JSON or lines', async () => {
    const up = await app('update', '/cli-test', '--env', 'FOO=bar', '--json');
    expect(up.exitCode).toBe(0);
    expect(jsonOf(up).status).toBe('finished');
    expect((await call(base(), 'GET', '/v2/apps/cli-test')).body.app.env).toMatchObject({ FOO: 'bar' });
    const before = new Set((await tasksOf(base(), 'cli-test')).map((t) => t.id));
    const r = await app('restart', 'cli-test');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Restarted \/cli-test: deployment \S+ finished in \S+ · \/cli-test 2\/2 running\n$/);
    const after = await tasksOf(base(), 'cli-test');
    expect(after.filter((t) => before.has(t.id))).toEqual([]);
  }, 90_000);

  it('422: Marathon\'s validation details as "/path: error" lines, exit 1', async () => {
    const r = await appInput({ id: 'bad', cmd: 'sleep 1', mem: -1, instances: -2 }, 'add');
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(`tsmesos: error: Marathon at http://${m} answered 422 to POST /v2/apps: Object is not valid`);
    expect(lines).toContain(lines.find((l) => /^ {2}\/mem: /.test(l)));
    expect(lines.some((l) => /^ {2}\/instances: /.test(l))).toBe(true);
    expect(r.stderr).toContain('  hint: fix the fields listed above and run the command again\n');
  });

  it('404: an unknown app, with the hint to list apps', async () => {
    const r = await app('show', '/nope');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`tsmesos: error: Marathon at http://${m} answered 404 to GET /v2/apps/nope: App '/nope' does not exist\n  hint: see \`tsmesos app list\` for the apps Marathon knows\n`);
  });
});

describe('an app that can not launch', () => {
  let deploymentId = '';

  it('add --no-wait --json: started; deployments lists it with its step', async () => {
    const r = await appInput({ id: 'cli-huge', cmd: 'sleep 3600', cpus: 0.1, mem: 100000, instances: 1 }, 'add', '--no-wait', '--json');
    expect(r.exitCode).toBe(0);
    const started = jsonOf(r);
    expect(started).toMatchObject({ status: 'started', apps: ['/cli-huge'], deploymentId: expect.any(String) });
    deploymentId = started.deploymentId;
    const list = await app('deployments');
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`\\n${deploymentId} +/cli-huge +[12]/2 +(Start|Scale)Application /cli-huge +\\S+ ago\\n`));
    expect(jsonOf(await app('deployments', '--json')).map((d: { id: string }) => d.id)).toContain(deploymentId);
  });

  it('show: "Waiting to launch" says the offers lacked memory', async () => {
    const r = await waitFor(async () => {
      const out = await app('show', '/cli-huge');
      return /InsufficientMemory/.test(out.stdout) ? out : undefined;
    }, 'the queue to report declined offers', 20_000, 300);
    expect(r.stdout).toContain('\nWaiting to launch:\n  1 instance waiting to launch');
    expect(r.stdout).toMatch(/\n {2}declined last offers because:\n(?: {4}\S+: \d+ of \d+\n)* {4}InsufficientMemory: \d+ of \d+\n/);
    expect(r.stdout).toMatch(/\n {2}recent unused offers:\n {4}\S+: [^\n]*InsufficientMemory/);
    const json = jsonOf(await app('show', 'cli-huge', '--json'));
    expect(json.queue).toMatchObject({ count: 1, app: { id: '/cli-huge' } });
  }, 30_000);

  it('a locked app: 409 names the deployment', async () => {
    const r = await app('scale', '/cli-huge', '2');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`answered 409 to PUT /v2/apps/cli-huge: the app is locked by deployment ${deploymentId}`);
    expect(r.stderr).toContain(`\`tsmesos app rollback ${deploymentId}\``);
  });

  it('rollback <prefix>: the revert is followed; a created app rolled back is gone', async () => {
    const r = await app('rollback', deploymentId.slice(0, 13));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Rolled back ${deploymentId}: deployment \\S+ finished in \\S+\\n$`));
    expect((await call(base(), 'GET', '/v2/apps/cli-huge')).status).toBe(404);
    const none = await app('rollback', deploymentId);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain(`no running deployment "${deploymentId}"`);
  }, 60_000);

  it('waiting past --timeout: exit 1 with the progress and why it is not launching; rollback --force only cancels', async () => {
    const r = await appInput({ id: 'cli-huge2', cmd: 'sleep 3600', cpus: 0.1, mem: 100000 }, 'add', '--timeout=3secs');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/tsmesos: error: deployment \S+ is still running after 3s: step 2\/2 ScaleApplication \/cli-huge2 · \/cli-huge2 0\/1 running/);
    expect(r.stderr).toContain('  why /cli-huge2 is not launching:\n    1 instance waiting to launch');
    expect(r.stderr).toMatch(/hint: it continues in Marathon: .*tsmesos app rollback \S+/);
    const id = /deployment (\S+) is still running/.exec(r.stderr)![1]!;
    const cancel = await app('rollback', id, '--force', '--json');
    expect(cancel.exitCode).toBe(0);
    expect(jsonOf(cancel)).toEqual({ deploymentId: id, cancelled: true, apps: ['/cli-huge2'] });
    expect((await call(base(), 'GET', '/v2/apps/cli-huge2')).status).toBe(200);
    const gone = await app('destroy', 'cli-huge2');
    expect(gone.exitCode).toBe(0);
  }, 60_000);
});

describe('Ctrl-C while following', () => {
  it('stops following, not the deployment: exit 130 and a note on stderr', async () => {
    const proc = execa(process.execPath, [BIN, 'app', 'add', '-f', '-', `--marathon=${m}`], {
      env: { PATH: process.env.PATH ?? '', HOME: scratchHome },
      extendEnv: false,
      reject: false,
      input: JSON.stringify({ id: 'cli-huge3', cmd: 'sleep 3600', cpus: 0.1, mem: 100000 }),
    });
    let err = '';
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    await waitFor(() => /^deployment \S+: step/m.test(err), 'the first progress line', 15_000);
    proc.kill('SIGINT');
    const r = await proc;
    expect(r.exitCode).toBe(130);
    const id = /^deployment (\S+): /m.exec(err)![1]!;
    expect(err).toContain(`tsmesos: stopped following deployment ${id}; it continues in Marathon (see \`tsmesos app deployments\`)\n`);
    expect(((await call(base(), 'GET', '/v2/deployments')).body as Array<{ id: string }>).map((d) => d.id)).toContain(id);
    expect((await app('rollback', id)).exitCode).toBe(0);
    expect((await call(base(), 'GET', '/v2/apps/cli-huge3')).status).toBe(404);
  }, 60_000);
});

describe('the end', () => {
  it('destroy: followed until the app is gone; show then answers 404', async () => {
    const r = await app('destroy', '/cli-test');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Destroyed \/cli-test: deployment \S+ finished in \S+\n$/);
    expect((await app('show', '/cli-test')).exitCode).toBe(1);
  }, 60_000);
});
