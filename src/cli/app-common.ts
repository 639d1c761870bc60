/**
 * What every `tsmesos app` subcommand shares: the Marathon client for the resolved `--marathon`
 * address (whose "unreachable" hint names where the address came from), the common options, and
 * JSON printing.
 */
import { type Command, Option } from 'commander';
import { MarathonClient } from '../client/marathon-client.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { MARATHON, MARATHON_OPTION_HELP, resolveServiceAddress, unreachableHint } from './service-address.js';
import { parseDuration } from '../lib/duration.js';

export interface MarathonOption {
  marathon?: string;
}

/** Options of the commands that start a deployment and (by default) wait for it. */
export interface DeployOptions extends MarathonOption {
  wait?: boolean;
  timeout: number;
  force?: boolean;
  json?: boolean;
}

export function marathonFor(ctx: CliContext, flag: string | undefined): MarathonClient {
  const address = resolveServiceAddress(MARATHON, ctx, flag);
  return new MarathonClient(address.url, { unreachableHint: unreachableHint(MARATHON, address) });
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function addMarathonOption(cmd: Command): Command {
  return cmd.option('--marathon <addr>', MARATHON_OPTION_HELP);
}

/** Default `--timeout` for waiting on a deployment. */
export const DEFAULT_DEPLOY_TIMEOUT = '10mins';

/** `--no-wait`, `--timeout`, `--force`, `--json` and `--marathon` for a deploying command. */
export function addDeployOptions(cmd: Command, forceHelp = 'override a deployment that locks the app (Marathon ?force=true)'): Command {
  return addMarathonOption(cmd)
    .option('--no-wait', 'return as soon as Marathon accepted the change; do not follow the deployment')
    .addOption(
      new Option('--timeout <duration>', 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)')
        .argParser(parseTimeout)
        .default(parseTimeout(DEFAULT_DEPLOY_TIMEOUT), DEFAULT_DEPLOY_TIMEOUT),
    )
    .option('--force', forceHelp)
    .option('--json', 'print the deployment result as JSON');
}

/** `--timeout`: an upstream duration (`30secs`, `5mins`); a bare number means seconds. */
export function parseTimeout(value: string): number {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  try {
    return parseDuration(v);
  } catch (e) {
    throw new UsageError(`--timeout: ${(e as Error).message}`, 'e.g. --timeout=5mins or --timeout=90');
  }
}

/** A whole number ≥ 0 for `scale <n>` and `--instances`. */
export function parseCount(what: string): (value: string) => number {
  return (value: string) => {
    if (!/^\d+$/.test(value.trim())) throw new UsageError(`${what} must be a whole number ≥ 0, not ${JSON.stringify(value)}`, `e.g. ${what === 'instances' ? '3' : '--instances=3'}`);
    return Number(value);
  };
}
