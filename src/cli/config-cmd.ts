/**
 * `tsmesos config show|set|path`: the operator's config file (`~/.mesos/config.toml`, or
 * `--config`/`TSMESOS_CONFIG`), after the upstream `mesos config show` (mesos-api.md §8.1) and the
 * older mesos-cli's `mesos config [key] [value]` (§8.2). `set` edits the TOML text in place, so
 * comments survive, and creates the file and its directory when missing.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import TOML from '@iarna/toml';
import type { Command } from 'commander';
import { type ConfigFile, defaultConfigPath, loadConfigFile } from './config/config-file.js';
import { editText, parseKey, parseValue, tomlLiteral, validate, withValue } from './config-edit.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { resolveMasterAddress } from './master-address.js';

type Source = '--config' | 'TSMESOS_CONFIG' | 'default';

interface Located {
  path: string;
  source: Source;
}

export function registerConfig(program: Command, ctx: CliContext): void {
  const locate = (): Located => {
    const flag = program.opts().config as string | undefined;
    if (flag) return { path: flag, source: '--config' };
    return { path: defaultConfigPath(ctx.env), source: ctx.env.TSMESOS_CONFIG ? 'TSMESOS_CONFIG' : 'default' };
  };
  const config = program
    .command('config')
    .summary('show, set and locate the config file (~/.mesos/config.toml)')
    .description('The operator config file: [master] address or [master.zookeeper], [agent] settings, and daemon flags.')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos config show                             the file, and the master it resolves to
  $ tsmesos config set master.address 10.0.0.1:5050
  $ tsmesos config path                             where the file is (it may not exist yet)
  $ tsmesos --config ./lab.toml config show --json`,
    );
  config
    .command('show')
    .description('Print the config file as TOML (or --json) with where it came from and the master it resolves to.')
    .option('--json', 'print {path, exists, source, config, master} as JSON')
    .addHelpText('after', '\nExamples:\n  $ tsmesos config show\n  $ tsmesos config show --json | jq .config.master')
    .action((opts: { json?: boolean }) => showConfig(ctx, locate(), opts.json === true));
  config
    .command('set')
    .description('Set a dotted key (master.address, agent.timeout…) in the config file, creating the file if needed.')
    .argument('<key>', 'dotted key, e.g. master.address or master.zookeeper.path')
    .argument('<value>', 'a TOML value (5, true, ["a", "b"]); anything else is taken as a string')
    .option('--string', 'store the value as a string even if it looks like a number or boolean')
    .option('--json', 'print {path, key, value, created} as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos config set master.address 10.0.0.1:5050
  $ tsmesos config set master.zookeeper.addresses '["10.0.0.1:2181", "10.0.0.2:2181"]'
  $ tsmesos config set agent.timeout 10
  $ tsmesos config set master.cluster 2024 --string`,
    )
    .action((key: string, value: string, opts: { string?: boolean; json?: boolean }) => setConfig(ctx, locate(), key, value, opts));
  config
    .command('path')
    .description('Print the path of the config file in use (from --config, TSMESOS_CONFIG or the default).')
    .option('--json', 'print {path, exists, source} as JSON')
    .addHelpText('after', '\nExamples:\n  $ tsmesos config path\n  $ $EDITOR "$(tsmesos config path)"')
    .action((opts: { json?: boolean }) => {
      const at = locate();
      const exists = loadConfigFile(at.path).exists;
      ctx.stdout.write(opts.json ? `${JSON.stringify({ path: at.path, exists, source: at.source })}\n` : `${at.path}\n`);
    });
}

const SOURCE_TEXT: Record<Source, string> = {
  '--config': 'from --config',
  TSMESOS_CONFIG: 'from TSMESOS_CONFIG',
  default: 'the default path; --config or TSMESOS_CONFIG choose another',
};

function showConfig(ctx: CliContext, at: Located, json: boolean): void {
  const file = ctx.config();
  let master: { url: string; source: string } | { error: string; hint?: string };
  try {
    const m = resolveMasterAddress(undefined, ctx);
    master = { url: m.url, source: m.source };
  } catch (e) {
    master = { error: (e as Error).message, ...((e as UserError).hint ? { hint: (e as UserError).hint } : {}) };
  }
  if (json) {
    ctx.stdout.write(`${JSON.stringify({ path: file.path, exists: file.exists, source: at.source, config: file.data, master }, null, 2)}\n`);
    return;
  }
  const head = [`# ${file.path} (${SOURCE_TEXT[at.source]})`];
  if (!file.exists) head.push('# the file does not exist yet; `tsmesos config set master.address HOST:PORT` creates it');
  head.push('url' in master ? `# master: ${master.url} (from ${master.source})` : `# master: none resolved: ${master.error}`);
  const body = file.exists ? TOML.stringify(file.data as TOML.JsonMap) : '';
  ctx.stdout.write(`${head.join('\n')}\n${body ? `\n${body}` : ''}`);
}

function setConfig(ctx: CliContext, at: Located, key: string, raw: string, opts: { string?: boolean; json?: boolean }): void {
  const path = parseKey(key);
  const file: ConfigFile = ctx.config();
  const value = parseValue(raw, opts.string === true);
  validate(path, value, file.data);
  const data = withValue(file.data, path, value);
  const text = editText(file.exists ? readFileSync(file.path, 'utf8') : '', path, value, data);
  writeAtomically(file.path, text);
  if (opts.json) {
    ctx.stdout.write(`${JSON.stringify({ path: file.path, key, value, created: !file.exists })}\n`);
    return;
  }
  ctx.stdout.write(`${file.exists ? 'updated' : 'created'} ${file.path}: ${key} = ${tomlLiteral(value)}\n`);
}

/** Writes next to the target and renames, so a crash never leaves half a config file. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const mode = statOr(path)?.mode;
    writeFileSync(tmp, text, { mode: 0o600 });
    if (mode !== undefined) chmodSync(tmp, mode & 0o777);
    renameSync(tmp, path);
  } catch (e) {
    throw new UserError(`can not write ${path}: ${(e as Error).message}`, 'check the permissions of the file and its directory, or choose another file with --config or TSMESOS_CONFIG');
  }
}

function statOr(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
