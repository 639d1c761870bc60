/** Starts the built `tsmesos` binary as a daemon on an ephemeral loopback port and stops it afterwards. */
import { execa, type ResultPromise } from 'execa';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.js';

export const BIN = fileURLToPath(new URL('../../bin/tsmesos', import.meta.url));

export interface Daemon {
  url: string;
  proc: ResultPromise;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `tsmesos <args>` and waits for its "listening on http://…" line. */
export async function startDaemon(args: string[], env: Record<string, string> = {}): Promise<Daemon> {
  const proc = execa('node', [BIN, ...args], {
    env: { TSMESOS_CONFIG: '/nonexistent/tsmesos-test-config.toml', ...env },
    reject: false,
    buffer: false,
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  let exited = false;
  void proc.then(() => (exited = true));
  const url = await waitFor(
    () => {
      if (exited) throw new Error(`tsmesos ${args.join(' ')} exited early:\n${out}`);
      return /listening on (http:\/\/\S+)/.exec(out)?.[1];
    },
    `tsmesos ${args[0]} to listen`,
    15_000,
  );
  return {
    url,
    proc,
    output: () => out,
    async stop() {
      if (exited) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await proc;
      clearTimeout(timer);
    },
  };
}

export function startMaster(extra: string[] = [], env: Record<string, string> = {}): Promise<Daemon> {
  return startDaemon(['master', '--ip=127.0.0.1', '--port=0', '--quiet', ...extra], env);
}
