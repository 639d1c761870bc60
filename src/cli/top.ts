/**
 * `tsmesos top`: a live, full-screen view of the cluster (offers, agents, frameworks, tasks) fed by
 * the master's operator event stream (`POST /api/v1` SUBSCRIBE with the tsmesos offer events,
 * mesos-api.md §3), the "watch" upstream never shipped. When stdout or stdin is not a terminal it
 * prints one snapshot as plain tables (or `--json`) and exits 0, so it also works in pipes and cron.
 */
import { type Command, Option } from 'commander';
import { ClientError } from '../client/client-error.js';
import { parseDuration } from '../lib/duration.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';
import { MASTER_OPTION_HELP, resolveMasterAddress } from './master-address.js';
import { terminalWidth } from './output/table.js';
import { CHRONOS, CHRONOS_OPTION_HELP, MARATHON, MARATHON_OPTION_HELP, resolveServiceAddress, unreachableHint } from './service-address.js';

interface TopOptions {
  master?: string;
  marathon?: string;
  chronos?: string;
  refresh: number;
  json?: boolean;
}

/** 100 ms keeps event-to-screen lag under 250 ms at 1,000 offers/s (bench/tui) for a fraction of a core. */
export const DEFAULT_REFRESH_MS = 100;

export function registerTop(program: Command, ctx: CliContext): void {
  program
    .command('top')
    .summary('live view of offers, agents, frameworks, tasks, apps and jobs')
    .description(
      'A live, full-screen view of the cluster driven by the master\'s operator event stream: offers as they are ' +
        'sent, accepted, declined and rescinded; agents with used/total bars; frameworks with roles and DRF shares; ' +
        'tasks with state and health, and their stdout/stderr; Marathon apps and Chronos jobs. Reconnects by itself ' +
        'when the master goes away. ' +
        'Without a terminal (a pipe or a file) it prints one snapshot and exits.',
    )
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('--marathon <addr>', `${MARATHON_OPTION_HELP}; feeds the Apps view`)
    .option('--chronos <addr>', `${CHRONOS_OPTION_HELP}; feeds the Jobs view`)
    .addOption(
      new Option('--refresh <duration>', 'how often the screen is redrawn: 100ms, 1secs, or seconds like 0.5').argParser(parseRefresh).default(DEFAULT_REFRESH_MS, '100ms'),
    )
    .option('--json', 'print one snapshot as JSON (agents, frameworks, tasks, offers) and exit')
    .addHelpText(
      'after',
      `
Keys: 1-6 or Tab/Shift-Tab switch views (Offers, Agents, Frameworks, Tasks,
Apps, Jobs); ↑/↓ or j/k select, PgUp/PgDn page, Home/End; q or Ctrl-C quit.
Frameworks: x tears the selected framework down after a y/N question.
Tasks: / filters by typing; x kills the selected task (y/N); Enter or o opens
its stdout, e its stderr; in the pane ↑/↓ scroll, End or f follows, s switches
stdout/stderr, Esc or q closes it.
Apps: s scales the selected app (type the instance count, Enter, then y/N);
r restarts it (y/N). Jobs: r runs the selected job now (y/N).
Apps and Jobs are greyed while Marathon or Chronos can not be read, and the
view says why. Apps refresh on Marathon's /v2/events stream (polling while it
is down); Jobs poll Chronos.

Examples:
  $ tsmesos top                                 the master from MESOS_MASTER or the config file
  $ tsmesos top --master=10.0.0.1:5050 --refresh=1secs
  $ tsmesos top --marathon=10.0.0.2:8080 --chronos=10.0.0.3:4400
  $ tsmesos top | less                          one plain-text snapshot (stdout is not a terminal)
  $ tsmesos top --json | jq '.frameworks[] | {name, share}'`,
    )
    .action(async (opts: TopOptions) => {
      await runTopCommand(ctx, opts);
    });
}

/** `--refresh`: an upstream duration (`250ms`, `2secs`) or plain seconds, between 50 ms and 60 s. */
export function parseRefresh(value: string): number {
  let ms: number;
  try {
    ms = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) * 1000 : parseDuration(value);
  } catch (e) {
    throw new UsageError(`--refresh: ${(e as Error).message}`, 'e.g. --refresh=250ms or --refresh=1');
  }
  if (!(ms >= 50 && ms <= 60_000)) throw new UsageError(`--refresh: ${value} is outside 50ms..60secs`, 'e.g. --refresh=250ms or --refresh=1');
  return ms;
}

export async function runTopCommand(ctx: CliContext, opts: TopOptions): Promise<void> {
  const address = resolveMasterAddress(opts.master, ctx);
  // Resolved up front so a bad --marathon/--chronos is a usage error even for a snapshot.
  const marathon = resolveServiceAddress(MARATHON, ctx, opts.marathon);
  const chronos = resolveServiceAddress(CHRONOS, ctx, opts.chronos);
  const interactive = !opts.json && ctx.stdout === process.stdout && process.stdout.isTTY === true && process.stdin.isTTY === true;
  if (!interactive) return printSnapshot(ctx, opts.master, address.kind === 'flag' ? '' : ` (the address came from ${address.source})`, opts.json === true);
  // Loaded only for the live screen: a snapshot in a pipe never pays for React and Ink. React
  // picks its build when first loaded: the development one costs several times the CPU per frame
  // (bench/tui --react-dev), so a top nobody asked to debug runs the production one.
  process.env.NODE_ENV ??= 'production';
  const [{ runTop }, { liveServices }, { marathonSource, chronosSource }] = await Promise.all([
    import('../tui/run-top.js'),
    import('../tui/live-services.js'),
    import('../tui/live-sources.js'),
  ]);
  const sources = {
    marathon: marathonSource(marathon.url, unreachableHint(MARATHON, marathon)),
    chronos: chronosSource(chronos.url, unreachableHint(CHRONOS, chronos)),
  };
  await runTop({ services: liveServices(ctx, opts.master, sources), refreshMs: opts.refresh });
}

async function printSnapshot(ctx: CliContext, master: string | undefined, from: string, json: boolean): Promise<void> {
  const [{ takeSnapshot, renderSnapshot, snapshotJson }, { leaderUrl }] = await Promise.all([import('../tui/snapshot.js'), import('../tui/leader.js')]);
  const now = Date.now();
  let state: Awaited<ReturnType<typeof takeSnapshot>>;
  try {
    const url = await leaderUrl(master, ctx).catch((e: Error) => {
      throw new UserError(e.message, `is ZooKeeper running, and a master registered there${from}? or pass --master=HOST:PORT`);
    });
    state = await takeSnapshot(url, undefined, now);
  } catch (e) {
    if (e instanceof ClientError) {
      throw new UserError(e.message, e.kind === 'unreachable' ? `is \`tsmesos master\` running there${from}? pass --master=HOST:PORT or set MESOS_MASTER` : e.hint);
    }
    throw e;
  }
  if (json) ctx.stdout.write(`${JSON.stringify(snapshotJson(state, now), null, 2)}\n`);
  else ctx.stdout.write(renderSnapshot(state, terminalWidth(ctx.stdout, ctx.env), now));
}
