/**
 * Runs the full-screen App on a terminal and guarantees the terminal comes back as it was: the
 * alternate screen is left and the cursor shown again whether the user quits, presses Ctrl-C,
 * the process gets SIGTERM/SIGHUP, or rendering throws. Ink restores raw mode itself on unmount.
 */
import { render } from 'ink';
import { App } from './App.js';
import type { TopServices } from './services.js';

const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface RunTopOptions {
  services: TopServices;
  refreshMs: number;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

export async function runTop({ services, refreshMs, stdout = process.stdout, stdin = process.stdin }: RunTopOptions): Promise<void> {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE);
  };
  stdout.write(ENTER);
  const app = render(<App services={services} refreshMs={refreshMs} />, { stdout, stdin, exitOnCtrlC: true, patchConsole: true });
  const stop = () => app.unmount();
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, stop);
  process.on('exit', restore);
  try {
    await app.waitUntilExit();
  } finally {
    for (const s of signals) process.off(s, stop);
    process.off('exit', restore);
    restore();
  }
}
