/**
 * Upstream's agent recovery (`--recover=reconnect`) for the process containerizer: tasks outlive
 * the agent, a restarted agent re-adopts them and still learns their exit codes, exits that
 * happened while no agent listened are reported, and a dead launcher costs only exit statuses.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import { silentLogger } from '../../lib/logger.js';
import { transpileEntry } from '../launcher/dev-transpile.js';
import { STATUS_LOST_MESSAGE } from './process-command.js';
import { ProcessContainerizer } from './process.js';
import { alive, cleanupWorkDirs, launcherPid, makeSpec, makeWorkDir } from './process-fixtures.test-helpers.js';
import type { LaunchSpec } from './types.js';

const MARK = `rec-${process.pid}`;
const workDirs: string[] = [];
afterAll(() => cleanupWorkDirs(MARK, workDirs));

function setup() {
  const workDir = makeWorkDir('rec');
  workDirs.push(workDir);
  const make = () =>
    new ProcessContainerizer({ workDir, isolation: ['posix/cpu', 'posix/mem'], switchUser: false, log: silentLogger, launcherIdleMs: 3_000 });
  const known = (s: LaunchSpec) => ({ containerId: s.containerId, metaDir: s.metaDir, sandbox: s.sandbox });
  return { workDir, make, known, spec: (cmd: string) => makeSpec(workDir, MARK, cmd) };
}

describe('process containerizer recovery', () => {
  it('re-adopts a running task after the agent went away, and reports its later exit', async () => {
    const { make, known, spec } = setup();
    const a = make();
    const s = spec('while [ ! -e go ]; do sleep 0.02; done; exit 5');
    const { pid } = await a.launch(s);
    await a.close();
    const b = make();
    try {
      expect(await b.recover([known(s)])).toEqual([s.containerId]);
      expect(alive(pid!)).toBe(true);
      writeFileSync(join(s.sandbox, 'go'), '');
      expect(await b.wait(s.containerId)).toMatchObject({ exitCode: 5, message: 'Command exited with status 5' });
    } finally {
      await b.close();
    }
  });

  it('reports the real exit code of a task that ended while no agent was connected', async () => {
    const { make, known, spec } = setup();
    const a = make();
    const s = spec('while [ ! -e go ]; do sleep 0.02; done; exit 7');
    await a.launch(s);
    await a.close();
    writeFileSync(join(s.sandbox, 'go'), '');
    await waitFor(() => existsSync(join(s.metaDir, 'termination.json')), 'termination checkpoint');
    const b = make();
    try {
      expect(await b.recover([known(s)])).toEqual([s.containerId]);
      expect(await b.wait(s.containerId)).toEqual({ exitCode: 7, signal: null, oom: false, message: 'Command exited with status 7' });
    } finally {
      await b.close();
    }
  });

  it('survives a kill -9 of a real agent process', async () => {
    const { workDir, make, known, spec } = setup();
    const child = await transpileEntry(fileURLToPath(new URL('./process-agent-child.test-helpers.ts', import.meta.url)));
    const s = spec('sleep 30');
    const agent = spawn(process.execPath, [child, workDir, JSON.stringify(s)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    agent.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const { pid } = await waitFor(() => (out.includes('\n') ? (JSON.parse(out) as { pid: number }) : undefined), 'child agent to launch');
    agent.kill('SIGKILL');
    await waitFor(() => agent.exitCode !== null || agent.signalCode !== null, 'child agent to die');
    expect(alive(pid)).toBe(true);
    const b = make();
    try {
      expect(await b.recover([known(s)])).toEqual([s.containerId]);
      await b.kill(s.containerId, 5_000);
      expect(await b.wait(s.containerId)).toMatchObject({ signal: 'SIGTERM', message: 'Command terminated with signal Terminated' });
      expect(alive(pid)).toBe(false);
    } finally {
      await b.close();
    }
  });

  it('keeps tasks whose launcher died, and says their exit status was lost', async () => {
    const { workDir, make, known, spec } = setup();
    const a = make();
    const s1 = spec('sleep 600');
    const s2 = spec('sleep 600');
    await a.launch(s1);
    const { pid } = await a.launch(s2);
    const launcher = launcherPid(workDir)!;
    process.kill(launcher, 'SIGKILL');
    await waitFor(() => !alive(launcher), 'launcher to die');
    expect(alive(pid!)).toBe(true);
    // The connected agent notices and can still kill its task.
    await a.kill(s1.containerId, 5_000);
    expect(await a.wait(s1.containerId)).toEqual({ exitCode: null, signal: null, oom: false, message: STATUS_LOST_MESSAGE });
    await a.close();
    // A restarted agent re-adopts the other one through its checkpointed pid.
    const b = make();
    try {
      expect(await b.recover([known(s2)])).toEqual([s2.containerId]);
      await b.kill(s2.containerId, 5_000);
      expect(await b.wait(s2.containerId)).toMatchObject({ exitCode: null, message: STATUS_LOST_MESSAGE });
      expect(alive(pid!)).toBe(false);
    } finally {
      await b.close();
    }
  });

  it('kills containers the recovering agent does not know, and skips never-started ones', async () => {
    const { make, known, spec } = setup();
    const a = make();
    const orphan = spec('sleep 600');
    const { pid } = await a.launch(orphan);
    await a.close();
    const b = make();
    try {
      const never = spec('true'); // its run directories exist, but it was never launched
      expect(await b.recover([known(never)])).toEqual([]);
      await waitFor(() => !alive(pid!), 'unknown container to be killed');
    } finally {
      await b.close();
    }
  });
});
