/**
 * `tsmesos job …` end to end on the real built binaries: zookeeper-lite, a master, a real agent and
 * `tsmesos chronos --http_port=0` (chronos-harness.ts), driven by the built CLI: Chronos and
 * Metronome job JSON, manual runs, history, logs read from the agent's sandbox (also followed),
 * the DAG drawn in the terminal, Chronos's own 400s, delete with rewiring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { ChronosCluster, call, isoIn } from './chronos-harness.js';
import { type CliResult, jsonOf, runCli } from './cli-harness.js';
import { runCliInput } from './cli-service-fixture.js';

const cluster = new ChronosCluster();
let c = '';
const job = (...args: string[]) => runCli(['job', ...args, `--chronos=${c}`]);
const add = (input: unknown, ...args: string[]) => runCliInput(['job', 'add', '-f', '-', ...args, `--chronos=${c}`], JSON.stringify(input));
const later = () => `R/${isoIn(3_600_000)}/PT1H`;

/** Waits until the newest run of `name` has ended (per `job history --json`); returns the runs. */
async function runEnded(name: string, count = 1): Promise<Array<Record<string, unknown>>> {
  return waitFor(async () => {
    const r = await job('history', name, '--json');
    if (r.exitCode !== 0) return undefined;
    const runs = jsonOf(r).runs as Array<{ status: string }>;
    return runs.length >= count && ['success', 'failure'].includes(runs[0]!.status) ? runs : undefined;
  }, `a finished run of ${name}`, 30_000, 300);
}

beforeAll(async () => {
  await cluster.start();
  const daemon = await cluster.chronos();
  await cluster.leading(daemon);
  c = new URL(daemon.url).host;
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

function ok(r: CliResult): CliResult {
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${r.stderr}`);
  return r;
}

describe('tsmesos job on a real Chronos mode', () => {
  it('list: just the header with no jobs; [] as JSON', async () => {
    expect(ok(await job('list')).stdout).toMatch(/^NAME +SCHEDULE +LAST +STATE +OK +FAILED +LAST RUN +COMMAND\n$/);
    expect(jsonOf(await job('list', '--json'))).toEqual([]);
  });

  it('add: a Chronos job goes to /iso8601; adding it again replaces it', async () => {
    const tick = { name: 'cli-tick', command: 'echo tick-out; echo tick-err >&2', schedule: later(), cpus: 0.1, mem: 32 };
    expect(ok(await add(tick)).stdout).toBe(`Added job cli-tick (${tick.schedule})\n`);
    expect(ok(await add(tick)).stdout).toBe(`Replaced job cli-tick (${tick.schedule})\n`);
  });

  it('add: an array with dependents goes parents first, dependents to /dependency (JSON report)', async () => {
    const jobs = [
      { name: 'cli-report', command: 'echo report', parents: ['cli-extract', 'cli-tick'], cpus: 0.1, mem: 32 },
      { name: 'cli-load', command: 'echo load', parents: ['cli-extract'], cpus: 0.1, mem: 32 },
      { name: 'cli-extract', command: 'echo extract', schedule: later(), cpus: 0.1, mem: 32 },
      { name: 'cli-slow', command: 'echo start; sleep 2; echo done', schedule: later(), cpus: 0.1, mem: 32 },
    ];
    expect(jsonOf(await add(jobs, '--json'))).toEqual([
      { name: 'cli-extract', api: 'chronos', endpoint: 'POST /v1/scheduler/iso8601', action: 'created' },
      { name: 'cli-report', api: 'chronos', endpoint: 'POST /v1/scheduler/dependency', action: 'created' },
      { name: 'cli-load', api: 'chronos', endpoint: 'POST /v1/scheduler/dependency', action: 'created' },
      { name: 'cli-slow', api: 'chronos', endpoint: 'POST /v1/scheduler/iso8601', action: 'created' },
    ]);
  });

  it('list: schedules, parents, fresh jobs', async () => {
    const lines = ok(await job('list')).stdout.trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['cli-extract', expect.stringMatching(/^R\/\S+\/PT1H$/), 'fresh', 'idle'],
      ['cli-load', 'after cli-extract', 'fresh', 'idle'],
      ['cli-report', 'after cli-extract, cli-tick', 'fresh', 'idle'],
      ['cli-slow', expect.stringMatching(/^R\//), 'fresh', 'idle'],
      ['cli-tick', expect.stringMatching(/^R\//), 'fresh', 'idle'],
    ]);
  });

  it('run, then history (human and JSON) and show with the last runs', async () => {
    expect(ok(await job('run', 'cli-tick')).stdout).toBe('Started job cli-tick; see `tsmesos job history cli-tick`\n');
    const runs = await runEnded('cli-tick');
    expect(runs[0]).toMatchObject({ status: 'success', exitCode: 0, trigger: 'manual', taskId: expect.stringMatching(/^ct:\d+:0:cli-tick:/), sandbox: expect.stringContaining('/files/browse?path=') });
    const h = ok(await job('history', 'cli-tick')).stdout.split('\n');
    expect(h[0]).toMatch(/^STARTED +STATUS +EXIT +TRY +TRIGGER +DURATION +HOST +MESSAGE +TASK$/);
    expect(h[1]).toMatch(/^\S+ ago +success +0 +0 +manual +\S+ +\S+ +.* +ct:\d+:0:cli-tick:/);
    const show = ok(await job('show', 'cli-tick')).stdout;
    expect(show).toMatch(/^Job cli-tick\n {2}command +echo tick-out; echo tick-err >&2\n {2}schedule +R\/\S+\/PT1H\n {2}last result +success \(1 ok, 0 failed\)\n/);
    expect(show).toMatch(/\nLast runs:\nSTARTED .*\n\S+ ago +success /);
    const json = jsonOf(await job('show', 'cli-tick', '--json'));
    expect(json).toMatchObject({ api: 'chronos', job: { name: 'cli-tick', successCount: 1 }, runs: [{ status: 'success' }] });
  }, 60_000);

  it('logs: stdout, --stderr and -n of the newest run, read from the agent', async () => {
    expect(ok(await job('logs', 'cli-tick')).stdout).toBe('tick-out\n');
    expect(ok(await job('logs', 'cli-tick', '--stderr')).stdout).toBe('tick-err\n');
    expect(ok(await job('logs', 'cli-tick', '-n', '1')).stdout).toBe('tick-out\n');
  }, 30_000);

  it('logs -f: follows a running job until its run ends', async () => {
    ok(await job('run', 'cli-slow'));
    const r = await job('logs', 'cli-slow', '-f');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('start\ndone\n');
    expect((await runEnded('cli-slow'))[0]).toMatchObject({ status: 'success' });
  }, 60_000);

  it('a dependent runs after its parent succeeded (trigger "dependency" in its history)', async () => {
    ok(await job('run', 'cli-extract'));
    const runs = await runEnded('cli-load');
    expect(runs[0]).toMatchObject({ status: 'success', trigger: 'dependency' });
    expect(ok(await job('logs', 'cli-load')).stdout).toBe('load\n');
  }, 60_000);

  it('graph: boxes and arrows, jobs without dependencies listed after; --list and --json', async () => {
    const out = ok(await job('graph')).stdout;
    expect(out).toMatch(/│ cli-extract +├/);
    expect(out).toMatch(/▶│ cli-load +│/);
    expect(out).toMatch(/▶│ cli-report +│/);
    expect(out).toMatch(/│ ✓ success +│/);
    expect(out.split('▶').length - 1).toBe(3);
    expect(out).toContain('\n1 job without dependencies: cli-slow (--all draws them)\n');
    // cli-report ran too once both its parents had succeeded: its state depends on timing.
    expect(ok(await job('graph', '--list')).stdout).toMatch(
      /^cli-extract \(✓ success\) ──▶ cli-load \(✓ success\), cli-report \([^)]+\)\ncli-tick \(✓ success\) ──▶ cli-report \([^)]+\)\n\n1 job without dependencies: cli-slow \(--all draws them\)\n$/,
    );
    const g = jsonOf(await job('graph', '--json'));
    expect(g.links).toEqual(expect.arrayContaining([{ parent: 'cli-extract', child: 'cli-load' }, { parent: 'cli-tick', child: 'cli-report' }]));
    expect(ok(await job('graph', '--all')).stdout).toContain('│ cli-slow');
  }, 30_000);

  it("400s in Chronos's words: a bad schedule, an unknown parent", async () => {
    const bad = await add({ name: 'cli-bad', command: 'true', schedule: 'R/not-a-date/PT1M' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^tsmesos: error: Chronos at http://${c.replace('.', '\\.')} answered 400 to POST /v1/scheduler/iso8601: .+\\n  hint: fix the job JSON and run the command again\\n$`));
    const orphan = await add({ name: 'cli-orphan', command: 'true', parents: ['no-such-parent'] });
    expect(orphan.exitCode).toBe(1);
    expect(orphan.stderr).toContain('answered 400 to POST /v1/scheduler/dependency');
    expect(orphan.stderr).toContain('no-such-parent');
    const unknown = await job('history', 'cli-nope');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('tsmesos: error: no job named "cli-nope"');
  });
});

/**
 * tsmesos keeps ONE job store behind both APIs, so a job added with Metronome JSON is also a job of
 * the Chronos API: the CLI finds it there first and gets the run history with sandbox links.
 */
describe('Metronome job JSON through the same commands', () => {
  const metro = { id: 'cli.metro', description: 'from the CLI', run: { cmd: 'echo metro-out', cpus: 0.1, mem: 32, disk: 0 } };

  it('add: POST /v1/jobs, then PUT when it exists; list shows it', async () => {
    expect(ok(await add(metro)).stdout).toBe('Added Metronome job cli.metro\n');
    expect(ok(await add({ ...metro, description: 'changed' })).stdout).toBe('Replaced Metronome job cli.metro\n');
    expect((await call(`http://${c}`, 'GET', '/v1/jobs/cli.metro')).body.description).toBe('changed');
    const rows = jsonOf(await job('list', '--json')) as Array<{ name: string; api: string }>;
    expect(rows.find((r) => r.name === 'cli.metro')).toMatchObject({ command: 'echo metro-out', status: 'fresh' });
  });

  it('run, history and logs', async () => {
    expect(ok(await job('run', 'cli.metro')).stdout).toBe('Started job cli.metro; see `tsmesos job history cli.metro`\n');
    const runs = await runEnded('cli.metro');
    expect(runs[0]).toMatchObject({ status: 'success', taskId: expect.any(String) });
    expect(ok(await job('logs', 'cli.metro')).stdout).toBe('metro-out\n');
  }, 60_000);

  it('delete; a parent with dependents is refused until they are gone', async () => {
    expect(jsonOf(await job('delete', 'cli.metro', '--json'))).toMatchObject({ name: 'cli.metro', deleted: true, rewired: [] });
    expect((await call(`http://${c}`, 'GET', '/v1/jobs/cli.metro')).status).toBe(404);
    // tsmesos validates the DAG and never rewires it silently (upstream Chronos did): refused.
    const refused = await job('delete', 'cli-extract');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('answered 400 to DELETE /v1/scheduler/job/cli-extract: ');
    expect(refused.stderr).toContain('hint: delete the dependent jobs first');
    for (const name of ['cli-load', 'cli-report']) expect(ok(await job('delete', name)).stdout).toBe(`Deleted job ${name}\n`);
    expect(ok(await job('delete', 'cli-extract')).stdout).toBe('Deleted job cli-extract\n');
    const gone = await job('show', 'cli-extract');
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain('no job named "cli-extract"');
  });
});
