/**
 * Editing `~/.mesos/config.toml` for `tsmesos config set`: parse the dotted key and the value,
 * check the keys the upstream `mesos` CLI defines (mesos-api.md §8.1), and change the file's text
 * in place so the user's comments and layout survive. If an in-place edit can not be proven right
 * (a value spread over several lines, an inline table), the whole file is re-serialised instead.
 */
import TOML from '@iarna/toml';
import { isDeepStrictEqual } from 'node:util';
import type { ConfigTable } from './config/config-file.js';
import { UsageError, UserError } from './errors.js';
import { parseMasterAddress } from './master-address.js';

const KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export function parseKey(key: string): string[] {
  if (!KEY.test(key)) {
    throw new UsageError(`${JSON.stringify(key)} is not a config key`, 'use dotted names of letters, digits, _ and -, e.g. master.address or agent.timeout');
  }
  return key.split('.');
}

/** A TOML literal when the text is one (`5`, `true`, `["a", "b"]`, `"x"`), else the text as a string. */
export function parseValue(text: string, forceString = false): unknown {
  if (forceString) return text;
  try {
    return (TOML.parse(`v = ${text}`) as { v: unknown }).v;
  } catch {
    return text;
  }
}

/** Checks the upstream CLI's keys; anything else (daemon flags such as `master.work_dir`) passes. */
export function validate(path: string[], value: unknown, data: ConfigTable): void {
  const key = path.join('.');
  const bad = (why: string, hint: string): never => {
    throw new UsageError(`${key}: ${why}`, hint);
  };
  const has = (dotted: string) => dotted.split('.').reduce<unknown>((t, k) => (isTable(t) ? t[k] : undefined), data) !== undefined;
  if (key === 'master.address') {
    if (typeof value !== 'string') bad(`must be a string like "10.0.0.1:5050", not ${JSON.stringify(value)}`, 'e.g. tsmesos config set master.address 10.0.0.1:5050');
    try {
      parseMasterAddress(value as string, key, 'flag');
    } catch (e) {
      bad((e as Error).message.replace(`${key}: `, ''), 'use HOST:PORT, e.g. 10.0.0.1:5050; for ZooKeeper set master.zookeeper.addresses and master.zookeeper.path instead');
    }
    if (has('master.zookeeper')) conflict(key, 'master.zookeeper');
  } else if (key === 'master.zookeeper.addresses') {
    if (!Array.isArray(value) || value.length === 0 || value.some((a) => typeof a !== 'string' || a.trim() === '')) {
      bad('must be a non-empty list of "host:port" strings', `e.g. tsmesos config set ${key} '["10.0.0.1:2181", "10.0.0.2:2181"]'`);
    }
  } else if (key === 'master.zookeeper.path') {
    if (typeof value !== 'string' || !value.startsWith('/') || value === '/') bad(`must start with '/' and not be '/', not ${JSON.stringify(value)}`, `e.g. tsmesos config set ${key} /mesos`);
  } else if (key === 'agent.timeout') {
    if (!Number.isInteger(value) || (value as number) <= 0) bad(`must be a whole number of seconds, not ${JSON.stringify(value)}`, 'e.g. tsmesos config set agent.timeout 5');
  } else if (key === 'agent.ssl' || key === 'agent.ssl_verify') {
    if (typeof value !== 'boolean') bad(`must be true or false, not ${JSON.stringify(value)}`, `e.g. tsmesos config set ${key} true`);
  }
  if (key.startsWith('master.zookeeper') && has('master.address')) conflict(key, 'master.address');
}

function conflict(key: string, other: string): never {
  throw new UserError(
    `${key}: the file already sets ${other}; upstream takes either [master] address or [master.zookeeper], never both`,
    `remove ${other} from the file first (\`tsmesos config path\` prints where it is)`,
  );
}

function isTable(v: unknown): v is ConfigTable {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/** `data` with `path` set to `value` (a new object; tables on the way are created). */
export function withValue(data: ConfigTable, path: string[], value: unknown): ConfigTable {
  const set = (table: ConfigTable, i: number): ConfigTable => {
    const k = path[i]!;
    const current = table[k];
    const here = path.slice(0, i + 1).join('.');
    if (i === path.length - 1) {
      if (isTable(current) && !isTable(value)) {
        throw new UserError(`${here} is a table in the config file, not a single value`, `set one of its keys, e.g. ${here}.${Object.keys(current)[0] ?? 'address'}`);
      }
      return { ...table, [k]: value };
    }
    if (current !== undefined && !isTable(current)) {
      throw new UserError(`${here} is ${JSON.stringify(current)} in the config file, not a table, so ${path.join('.')} can not be set`, 'pick another key, or edit the file');
    }
    return { ...table, [k]: set(current ?? {}, i + 1) };
  };
  return set(data, 0);
}

/**
 * The new file text with `path` = `value`: the key's line is replaced where it stands, or added at
 * the end of its `[table]` (a new table goes at the end of the file). The result is parsed back
 * and compared with `expected`; on any difference the data is serialised whole instead.
 */
export function editText(text: string, path: string[], value: unknown, expected: ConfigTable): string {
  const edited = editInPlace(text, path.slice(0, -1).join('.'), path.at(-1)!, tomlLiteral(value));
  try {
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(TOML.parse(edited))), JSON.parse(JSON.stringify(expected)))) return edited;
  } catch {
    // not valid TOML after all: fall through
  }
  return TOML.stringify(expected as TOML.JsonMap);
}

/** A TOML value as people write it: `5050`, not the library's `5_050`. */
export function tomlLiteral(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlLiteral).join(', ')}]`;
  return TOML.stringify.value(value as never);
}

function editInPlace(text: string, table: string, leaf: string, literal: string): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const header = (l: string) => /^\s*\[([^\[\]]+)\]\s*(#.*)?$/.exec(l)?.[1]!.replace(/["'\s]/g, '');
  const keyLine = new RegExp(`^\\s*["']?${leaf.replace(/[-]/g, '\\-')}["']?\\s*=`);
  const start = table === '' ? 0 : lines.findIndex((l) => header(l) === table) + 1;
  if (table !== '' && start === 0) return `${lines.join('\n')}${lines.length ? '\n\n' : ''}[${table}]\n${leaf} = ${literal}\n`;
  let end = lines.findIndex((l, i) => i >= start && header(l) !== undefined);
  if (end < 0) end = lines.length;
  const at = lines.findIndex((l, i) => i >= start && i < end && keyLine.test(l));
  if (at >= 0) lines[at] = `${/^\s*/.exec(lines[at]!)![0]}${leaf} = ${literal}`;
  else {
    let insert = end;
    while (insert > start && lines[insert - 1]!.trim() === '') insert--;
    lines.splice(insert, 0, `${leaf} = ${literal}`);
  }
  return `${lines.join('\n')}\n`;
}
