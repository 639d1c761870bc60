import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandProber } from './command-probe.js';
import type { CommandSpec } from './spec.js';

const sandbox = mkdtempSync(join(tmpdir(), 'tsmesos-health-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const sh = (value: string, env: Record<string, string> = {}): CommandSpec => ({ shell: true, value, arguments: [], env });
const never = new AbortController().signal;

/** Running, not a zombie: an orphan killed here may linger unreaped if PID 1 does not reap. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = readFileSafe(`/proc/${pid}/stat`);
  return !stat || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

describe('commandProber', () => {
  it('exit 0 and exit 1 are results', async () => {
    const ctx = { sandbox, env: {} };
    expect(await commandProber(sh('exit 0'), ctx)(never)).toEqual({ ok: true, status: { type: 'COMMAND', command: { exit_code: 0 } } });
    expect(await commandProber(sh('exit 1'), ctx)(never)).toEqual({ ok: true, status: { type: 'COMMAND', command: { exit_code: 1 } } });
  });

  it('runs in the sandbox with the task env overlaid by the check env', async () => {
    const spec = sh('printf "%s %s %s" "$PWD" "$TASK_VAR" "$CHECK_VAR" > out', { CHECK_VAR: 'check' });
    const r = await commandProber(spec, { sandbox, env: { TASK_VAR: 'task', CHECK_VAR: 'overridden' } })(never);
    expect(r.ok).toBe(true);
    expect(readFileSync(join(sandbox, 'out'), 'utf8')).toBe(`${sandbox} task check`);
  });

  it('non-shell form execs value with arguments as the full argv', async () => {
    const spec: CommandSpec = { shell: false, value: '/bin/sh', arguments: ['sh', '-c', 'exit 4'], env: {} };
    expect(await commandProber(spec, { sandbox, env: {} })(never)).toMatchObject({ status: { command: { exit_code: 4 } } });
  });

  it('a missing executable or sandbox is an error, not an exit code', async () => {
    const missing: CommandSpec = { shell: false, value: '/no/such/binary', arguments: ['x'], env: {} };
    expect(await commandProber(missing, { sandbox, env: {} })(never)).toMatchObject({ ok: false });
    expect(await commandProber(sh('true'), { sandbox: join(sandbox, 'gone'), env: {} })(never)).toMatchObject({ ok: false });
  });

  it('death by a signal is an error', async () => {
    const r = await commandProber(sh('kill -9 $$'), { sandbox, env: {} })(never);
    expect(r).toEqual({ ok: false, error: 'command terminated by SIGKILL' });
  });

  it('an aborted attempt (timeout) kills the whole process tree', async () => {
    const pidFile = join(sandbox, 'grandchild.pid');
    const ac = new AbortController();
    const pending = commandProber(sh(`sleep 60 & echo $! > ${pidFile}; wait`), { sandbox, env: {} })(ac.signal);
    let grandchild = 0;
    for (let i = 0; i < 200 && !grandchild; i++) {
      await new Promise((r) => setTimeout(r, 10));
      grandchild = Number(readFileSafe(pidFile)) || 0;
    }
    expect(alive(grandchild)).toBe(true);
    const started = Date.now();
    ac.abort();
    expect(await pending).toMatchObject({ ok: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    for (let i = 0; i < 100 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 10));
    expect(alive(grandchild)).toBe(false);
  });
});

function readFileSafe(p: string): string {
  try {
    return readFileSync(p, 'utf8').trim();
  } catch {
    return '';
  }
}
