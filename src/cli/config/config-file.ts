/**
 * `~/.mesos/config.toml` (override with `--config` or `TSMESOS_CONFIG`): the upstream `mesos` CLI keys
 * (`[master] address`, `[master.zookeeper] addresses/path`, `[agent] timeout`…) plus one table per
 * daemon holding its flags (`[master] allocation_interval = "2secs"`). Errors name file, line and key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import TOML from '@iarna/toml';
import { UserError } from '../errors.js';

export type ConfigTable = Record<string, unknown>;

export interface ConfigFile {
  /** Absolute path, whether or not the file exists. */
  path: string;
  exists: boolean;
  data: ConfigTable;
  /** 1-based line of `key` inside `[table]` (dotted table names allowed), for error messages. */
  lineOf(table: string, key: string): number | undefined;
}

export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TSMESOS_CONFIG || join(env.HOME || homedir(), '.mesos', 'config.toml');
}

export function loadConfigFile(path: string = defaultConfigPath()): ConfigFile {
  if (!existsSync(path)) return { path, exists: false, data: {}, lineOf: () => undefined };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: can not read the config file: ${(e as Error).message}`);
  }
  let data: ConfigTable;
  try {
    data = TOML.parse(text) as ConfigTable;
  } catch (e) {
    const err = e as { line?: number; message: string };
    const line = (err.line ?? 0) + 1;
    const first = err.message.split('\n')[0]!.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
    const key = keyOnLine(text, line);
    throw new UserError(
      `${path}:${line}: ${key ? `key '${key}': ` : ''}${first}`,
      `fix the TOML syntax on line ${line}, or point --config / TSMESOS_CONFIG at another file`,
    );
  }
  return { path, exists: true, data, lineOf: (table, key) => findKeyLine(text, table, key) };
}

function keyOnLine(text: string, line: number): string | undefined {
  const l = text.split('\n')[line - 1] ?? '';
  return /^\s*([A-Za-z0-9_.-]+)\s*=/.exec(l)?.[1];
}

function findKeyLine(text: string, table: string, key: string): number | undefined {
  let current = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(lines[i]!);
    if (header) {
      current = header[1]!.trim();
      continue;
    }
    if (current === table && new RegExp(`^\\s*"?${key.replace(/[.]/g, '\\.')}"?\\s*=`).test(lines[i]!)) return i + 1;
  }
  return undefined;
}

/** The sub-table at `dotted` (e.g. `master.zookeeper`), or undefined. */
export function tableAt(data: ConfigTable, dotted: string): ConfigTable | undefined {
  let cur: unknown = data;
  for (const part of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as ConfigTable)[part];
  }
  return cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur as ConfigTable) : undefined;
}
