/**
 * The launcher program itself, driven over its socket: one per work_dir, stale sockets replaced,
 * children reaped with their status checkpointed before it is announced, and an idle exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import { LauncherClient } from './client.js';
import { launcherScript } from './locate.js';
import type { Exited } from './protocol.js';

let script: string;
const dirs: string[] = [];
const started: number[] = [];

function workDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tsmesos-launcher-'));
  dirs.push(d);
  return d;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function run(dir: string, idleMs = 5_000) {
  const child = spawn(process.execPath, [script, dir, `--idle-ms=${idleMs}`], { stdio: 'ignore' });
  started.push(child.pid!);
  return child;
}

async function client(dir: string, exits: Exited[] = []) {
  return LauncherClient.connect({ workDir: dir, script, idleMs: 5_000, onExited: (e) => exits.push(e), onClose: () => {} });
}

function request(dir: string, dir2: string, argv: string[]) {
  mkdirSync(join(dir, dir2), { recursive: true });
  const d = join(dir, dir2);
  return { containerId: dir2, argv, env: { PATH: '/usr/bin:/bin' }, cwd: d, stdoutPath: join(d, 'stdout'), stderrPath: join(d, 'stderr'), metaDir: d };
}

beforeAll(async () => {
  script = await launcherScript();
});

afterAll(async () => {
  for (const d of dirs) {
    const file = join(d, 'launcher.pid'); // launchers the client started on its own
    if (existsSync(file)) started.push(Number(readFileSync(file, 'utf8')));
  }
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGTERM');
  await waitFor(() => started.every((p) => !alive(p)), 'launchers to stop');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('launcher', () => {
  it('serves a work_dir alone: a second launcher leaves at once', async () => {
    const dir = workDir();
    writeFileSync(join(dir, 'launcher.sock'), 'stale'); // a leftover from a crash is replaced
    const a = run(dir);
    const b = run(dir);
    const codes: number[] = [];
    for (const c of [a, b]) c.once('exit', (code) => codes.push(code ?? -1));
    await waitFor(() => codes.length === 1, 'one launcher to leave');
    expect(codes).toEqual([0]);
    const survivor = alive(a.pid!) ? a.pid! : b.pid!;
    const c = await client(dir);
    expect(c.launcherPid).toBe(survivor);
    expect(Number(readFileSync(join(dir, 'launcher.pid'), 'utf8'))).toBe(survivor);
    c.close();
  });

  it('checkpoints the exit before announcing it, and lists it', async () => {
    const dir = workDir();
    const exits: Exited[] = [];
    const c = await client(dir, exits);
    const pid = await c.launch(request(dir, 'c1', ['/bin/sh', '-c', 'echo out; echo err >&2; kill -USR1 $$']));
    expect(readFileSync(join(dir, 'c1', 'pid'), 'utf8')).toBe(`${pid}\n`);
    await waitFor(() => exits.length === 1, 'exit event');
    expect(exits[0]).toEqual({ type: 'exited', containerId: 'c1', pid, exitCode: null, signal: 'SIGUSR1' });
    const rec = JSON.parse(readFileSync(join(dir, 'c1', 'termination.json'), 'utf8'));
    expect(rec).toMatchObject({ containerId: 'c1', pid, exitCode: null, signal: 'SIGUSR1' });
    expect(readFileSync(join(dir, 'c1', 'stdout'), 'utf8')).toBe('out\n');
    expect(readFileSync(join(dir, 'c1', 'stderr'), 'utf8')).toBe('err\n');
    expect(await c.list()).toEqual([{ containerId: 'c1', pid, running: false, exitCode: null, signal: 'SIGUSR1' }]);
    expect(await c.kill('c1', 'SIGTERM')).toBe(false);
    c.close();
  });

  it('answers bad requests and failed launches without dying', async () => {
    const dir = workDir();
    const c = await client(dir);
    await expect(c.launch(request(dir, 'c2', ['/nonexistent/prog']))).rejects.toThrow("Failed to execute '/nonexistent/prog': ENOENT");
    const lost = { ...request(dir, 'c3', ['/bin/true']), stdoutPath: join(dir, 'missing', 'stdout') };
    await expect(c.launch(lost)).rejects.toThrow(/ENOENT/);
    const raw = connect(join(dir, 'launcher.sock'));
    let got = '';
    raw.on('data', (d) => (got += d.toString()));
    raw.write('this is not json\n{"op":"explode","reqId":9}\n');
    await waitFor(() => got.split('\n').length > 3, 'replies');
    const replies = got.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.slice(1)).toEqual([
      { type: 'failed', reqId: -1, message: 'Unparsable request' },
      { type: 'failed', reqId: 9, message: 'Unknown op' },
    ]);
    raw.destroy();
    expect(await c.list()).toEqual([]);
    c.close();
  });

  it('outlives its agent while a child runs, then leaves when idle and removes its socket', async () => {
    const dir = workDir();
    const c = await LauncherClient.connect({ workDir: dir, script, idleMs: 50, onExited: () => {}, onClose: () => {} });
    const pidOf = c.launcherPid;
    await c.launch(request(dir, 'c3', ['/bin/sh', '-c', 'sleep 0.5; exit 2']));
    c.close();
    await waitFor(() => existsSync(join(dir, 'c3', 'termination.json')), 'the exit to be recorded with no agent connected');
    expect(JSON.parse(readFileSync(join(dir, 'c3', 'termination.json'), 'utf8'))).toMatchObject({ exitCode: 2 });
    await waitFor(() => !alive(pidOf), 'idle launcher to exit');
    expect(existsSync(join(dir, 'launcher.sock'))).toBe(false);
    expect(existsSync(join(dir, 'launcher.pid'))).toBe(false);
  });
});
