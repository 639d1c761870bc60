/**
 * `tsmesos app add -f app.json` (`POST /v2/apps`) and `tsmesos app update <id> [-f file] [--instances
 * N --cpus …]` (`PUT /v2/apps/{id}`, Marathon's partial update: fields left out keep their values).
 * Both follow the deployment they start unless `--no-wait`. Marathon's validation errors come back
 * as `/path: error` lines (client/marathon-errors.ts).
 */
import type { Command } from 'commander';
import { canonicalAppId } from '../client/marathon-client.js';
import { type DeployOptions, addDeployOptions, marathonFor, parseCount } from './app-common.js';
import { finishDeployment } from './app-deploy.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { readJsonFile } from './json-file.js';
import { asUserError } from './master-address.js';

interface AddOptions extends DeployOptions {
  file: string;
}

interface UpdateOptions extends DeployOptions {
  file?: string;
  instances?: number;
  cpus?: number;
  mem?: number;
  disk?: number;
  cmd?: string;
  env?: string[];
  label?: string[];
}

export function registerAppAdd(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('add')
      .description('Create an app from a Marathon app definition (JSON) and follow its deployment.')
      .requiredOption('-f, --file <path>', 'the app definition JSON (- reads stdin)'),
  )
    .addHelpText(
      'after',
      `
The file is a Marathon app definition: {"id": "/test", "cmd": "python3 -m http.server $PORT",
"cpus": 0.1, "mem": 16, "instances": 3}. Fields left out get Marathon's defaults.

Examples:
  $ tsmesos app add -f test.json
  $ tsmesos app add -f test.json --no-wait --json
  $ echo '{"id":"/sleep","cmd":"sleep 3600"}' | tsmesos app add -f -`,
    )
    .action(async (opts: AddOptions) => {
      const body = objectBody(await readJsonFile(opts.file), opts.file);
      if (typeof body.id !== 'string' || body.id.trim() === '') {
        throw new UsageError(`${opts.file} has no "id"`, 'give the app an id, e.g. "id": "/test"');
      }
      const client = marathonFor(ctx, opts.marathon);
      const created = await client.createApp(body, opts.force === true).catch(asUserError);
      const id = created.app?.id ?? canonicalAppId(body.id);
      await finishDeployment(ctx, client, { deploymentId: created.deploymentId ?? '', version: created.app?.version }, [id], opts, `Created app ${id}`);
    });
}

export function registerAppUpdate(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('update')
      .description('Change an app (PUT /v2/apps/{id}): fields from -f and/or the flags; fields left out keep their values.')
      .argument('<id>', 'app id, e.g. /test')
      .option('-f, --file <path>', 'JSON with the fields to change (- reads stdin)')
      .option('--instances <n>', 'number of instances', parseCount('instances'))
      .option('--cpus <n>', 'cpus per instance', parseNumber('--cpus'))
      .option('--mem <mb>', 'memory per instance in MB', parseNumber('--mem'))
      .option('--disk <mb>', 'disk per instance in MB', parseNumber('--disk'))
      .option('--cmd <command>', 'the shell command to run')
      .option('--env <KEY=VALUE>', 'set an environment variable (repeatable; others are kept)', collect, [])
      .option('--label <KEY=VALUE>', 'set a label (repeatable; others are kept)', collect, []),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app update /test --mem=64 --cpus=0.2          a rolling restart with more resources
  $ tsmesos app update /test -f changes.json
  $ tsmesos app update /test --env LOG_LEVEL=debug --no-wait
  $ tsmesos app update /test --cmd 'python3 -m http.server $PORT' --force`,
    )
    .action(async (id: string, opts: UpdateOptions) => {
      const client = marathonFor(ctx, opts.marathon);
      const body = await updateBody(id, opts, () => client.app(id).catch(asUserError));
      const result = await client.updateApp(id, body, { force: opts.force === true }).catch(asUserError);
      await finishDeployment(ctx, client, result, [canonicalAppId(id)], opts, `Updated ${canonicalAppId(id)}`);
    });
}

/** The PUT body: the file's fields, then the flags; `--env`/`--label` merge into the current maps. */
export async function updateBody(id: string, opts: UpdateOptions, current: () => Promise<{ env?: Record<string, unknown>; labels?: Record<string, string> }>): Promise<Record<string, unknown>> {
  const body = opts.file ? objectBody(await readJsonFile(opts.file), opts.file) : {};
  if (typeof body.id === 'string' && canonicalAppId(body.id) !== canonicalAppId(id)) {
    throw new UsageError(`${opts.file} is for app ${body.id}, not ${canonicalAppId(id)}`, 'remove "id" from the file or update the app it names');
  }
  for (const key of ['instances', 'cpus', 'mem', 'disk', 'cmd'] as const) if (opts[key] !== undefined) body[key] = opts[key];
  const env = pairs(opts.env ?? [], '--env');
  const labels = pairs(opts.label ?? [], '--label');
  if (Object.keys(env).length || Object.keys(labels).length) {
    const now = await current();
    if (Object.keys(env).length) body.env = { ...(now.env ?? {}), ...((body.env as object) ?? {}), ...env };
    if (Object.keys(labels).length) body.labels = { ...(now.labels ?? {}), ...((body.labels as object) ?? {}), ...labels };
  }
  if (Object.keys(body).length === 0) {
    throw new UsageError('nothing to update', 'give -f FILE and/or flags such as --instances=3, --mem=64, --env KEY=VALUE');
  }
  return body;
}

function objectBody(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${where} must hold one JSON object (an app definition), not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, 'put one app per file');
  }
  return { ...(value as Record<string, unknown>) };
}

function pairs(list: string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} needs KEY=VALUE, not ${JSON.stringify(item)}`, `e.g. ${flag} LOG_LEVEL=debug`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseNumber(flag: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a number ≥ 0, not ${JSON.stringify(value)}`);
    return n;
  };
}
