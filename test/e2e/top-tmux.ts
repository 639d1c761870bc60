/**
 * A real terminal for `tsmesos top` end-to-end tests (machine-notes.md §7): a private tmux server
 * (`-L` socket unique per test file, killed in cleanup) running one shell whose screen we read
 * with `capture-pane` and type into with `send-keys`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { waitFor } from '../helpers/wait.js';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

export class Tmux {
  readonly socket = `tsmesos-top-${process.pid}-${Date.now().toString(36)}`;
  constructor(readonly session = 'top') {}

  private run(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts a clean bash (no rc files, a fixed prompt) in a `columns`×`rows` window. */
  start(columns: number, rows: number, env: Record<string, string>): void {
    const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    this.run(['-f', '/dev/null', 'new-session', '-d', '-s', this.session, '-x', String(columns), '-y', String(rows), 'env', ...vars, 'PS1=$ ', 'bash', '--norc', '--noprofile']);
  }

  /** Types `text` (tmux key names such as `Enter`, `Down` are passed with `keys`). */
  type(text: string): void {
    this.run(['send-keys', '-t', this.session, '-l', text]);
  }

  keys(...names: string[]): void {
    this.run(['send-keys', '-t', this.session, ...names]);
  }

  screen(): string {
    return this.run(['capture-pane', '-p', '-t', this.session]);
  }

  /** tmux's own knowledge of the pane: is the alternate screen on, what size is it. */
  format(fmt: string): string {
    return this.run(['display-message', '-p', '-t', this.session, fmt]).trim();
  }

  resize(columns: number, rows: number): void {
    this.run(['resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows)]);
  }

  /** Waits until the screen satisfies `pred`; the timeout message carries the last screen. */
  async waitForScreen(pred: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    let last = '';
    try {
      return await waitFor(() => {
        last = this.screen();
        return pred(last) ? last : undefined;
      }, what, timeoutMs, 50);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- screen ---\n${last}`);
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
