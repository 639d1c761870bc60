/** What every subcommand gets: streams, environment and the config file, so tests can inject them. */
import type { Command } from 'commander';
import { type ConfigFile, defaultConfigPath, loadConfigFile } from './config/config-file.js';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  /** The config file chosen by `--config`, `TSMESOS_CONFIG` or the default path (loaded lazily). */
  config(): ConfigFile;
  /** Set by a command to choose the process exit code. */
  exitCode: number;
}

export function createContext(program: Command, env: NodeJS.ProcessEnv = process.env): CliContext {
  let cached: ConfigFile | undefined;
  return {
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    exitCode: 0,
    config() {
      cached ??= loadConfigFile((program.opts().config as string | undefined) ?? defaultConfigPath(env));
      return cached;
    },
  };
}
