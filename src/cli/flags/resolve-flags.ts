/**
 * Flag precedence: command-line flag > `<PREFIX><FLAG>` environment variable (e.g. `MESOS_PORT`) >
 * the daemon's table in the config file > the upstream default. `file://path` values are read from
 * the file, as upstream flags allow. Every value is validated here so a daemon never starts half-configured.
 */
import { readFileSync } from 'node:fs';
import { DurationError, parseDuration } from '../../lib/duration.js';
import type { ConfigFile } from '../config/config-file.js';
import { tableAt } from '../config/config-file.js';
import { UserError } from '../errors.js';
import type { FlagSpec } from './flag-spec.js';

/** Resolved flag values, as strings, plus typed accessors. */
export class Flags {
  constructor(
    readonly values: Record<string, string>,
    private readonly specs: FlagSpec[],
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== '';
  }
  str(name: string): string | undefined {
    return this.has(name) ? this.values[name] : undefined;
  }
  int(name: string): number | undefined {
    return this.has(name) ? Number.parseInt(this.values[name]!, 10) : undefined;
  }
  float(name: string): number | undefined {
    return this.has(name) ? Number(this.values[name]) : undefined;
  }
  bool(name: string): boolean {
    return this.values[name] === 'true';
  }
  /** Milliseconds. */
  duration(name: string): number | undefined {
    return this.has(name) ? parseDuration(this.values[name]!) : undefined;
  }
  /** Only the flags this daemon knows, for `/flags` and GET_FLAGS. */
  all(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.specs) if (this.values[s.name] !== undefined) out[s.name] = this.values[s.name]!;
    return out;
  }
}

export interface ResolveInput {
  specs: FlagSpec[];
  /** Values from the command line, keyed by flag name (undefined = not given). */
  cli: Record<string, string | boolean | undefined>;
  env: NodeJS.ProcessEnv;
  envPrefix: string;
  config: ConfigFile;
  /** The config table holding this daemon's flags, e.g. `master`. */
  table: string;
  /** Keys of that table that belong to the CLI, not the daemon (e.g. `address`, `zookeeper`). */
  ignoreKeys?: string[];
}

const NOUN: Record<FlagSpec['type'], string> = {
  string: 'a string',
  int: 'an integer',
  float: 'a number',
  bool: 'true or false',
  duration: 'a duration such as "5secs"',
};

export function resolveFlags(input: ResolveInput): Flags {
  const { specs, config, table } = input;
  const byName = new Map(specs.map((s) => [s.name, s]));
  const fromConfig = tableAt(config.data, table) ?? {};
  for (const key of Object.keys(fromConfig)) {
    const v = fromConfig[key];
    if (input.ignoreKeys?.includes(key) || (v !== null && typeof v === 'object' && !Array.isArray(v))) continue;
    if (!byName.has(key)) {
      throw new UserError(
        `${config.path}:${config.lineOf(table, key) ?? '?'}: key '${table}.${key}': unknown flag for '${table}'`,
        `see 'tsmesos ${table} --help' for the flags it accepts`,
      );
    }
  }
  const values: Record<string, string> = {};
  for (const spec of specs) {
    const cli = input.cli[spec.name];
    const env = input.env[`${input.envPrefix}${spec.name.toUpperCase()}`];
    const cfg = fromConfig[spec.name];
    let raw: string | undefined;
    let source: string;
    if (cli !== undefined) {
      raw = cli === true ? 'true' : String(cli);
      source = `--${spec.name}`;
    } else if (env !== undefined) {
      raw = env;
      source = `${input.envPrefix}${spec.name.toUpperCase()}`;
    } else if (cfg !== undefined) {
      if (typeof cfg === 'object' && !(cfg instanceof Date)) {
        throw new UserError(
          `${config.path}:${config.lineOf(table, spec.name) ?? '?'}: key '${table}.${spec.name}': expected ${NOUN[spec.type]}, got ${Array.isArray(cfg) ? 'an array' : 'a table'}`,
        );
      }
      raw = String(cfg);
      source = `${config.path}:${config.lineOf(table, spec.name) ?? '?'}: key '${table}.${spec.name}'`;
    } else {
      raw = spec.default;
      source = 'default';
    }
    if (raw === undefined) continue;
    if (raw.startsWith('file://')) raw = readFlagFile(raw.slice(7), source);
    values[spec.name] = normalise(spec, raw, source);
  }
  return new Flags(values, specs);
}

function readFlagFile(path: string, source: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (e) {
    throw new UserError(`${source}: can not read ${path}: ${(e as Error).message}`);
  }
}

function normalise(spec: FlagSpec, raw: string, source: string): string {
  const bad = (what: string) => new UserError(`${source}: '${raw}' is not ${what}`, `see 'tsmesos --help' for --${spec.name}`);
  if (spec.choices && raw !== '' && !spec.choices.includes(raw)) throw bad(`one of ${spec.choices.join(', ')}`);
  switch (spec.type) {
    case 'int':
      if (!/^-?\d+$/.test(raw)) throw bad('an integer');
      return raw;
    case 'float':
      if (raw.trim() === '' || !Number.isFinite(Number(raw))) throw bad('a number');
      return raw;
    case 'bool':
      if (!['true', 'false', '1', '0'].includes(raw)) throw bad('true or false');
      return raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
    case 'duration':
      if (raw === '') return raw;
      try {
        parseDuration(raw);
      } catch (e) {
        if (e instanceof DurationError) throw new UserError(`${source}: ${e.message}`);
        throw e;
      }
      return raw;
    default:
      return raw;
  }
}
