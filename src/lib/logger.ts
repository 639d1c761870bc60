/** Structured logs (pino) to stderr, or to `<log_dir>/<name>.log` when `--log_dir` is set. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(name: string, opts: { quiet?: boolean; logDir?: string; level?: string } = {}): Logger {
  const level = opts.level ?? (opts.quiet ? 'warn' : 'info');
  if (opts.logDir) {
    mkdirSync(opts.logDir, { recursive: true });
    return pino({ name, level }, pino.destination({ dest: join(opts.logDir, `${name}.log`), sync: false }));
  }
  return pino({ name, level }, pino.destination({ fd: 2, sync: false }));
}

/** A logger that drops everything, for unit tests and benchmarks. */
export const silentLogger: Logger = pino({ level: 'silent' });
