/**
 * `tsmesos job logs <name> [--stderr] [-n N] [-f]`: the output of a job's newest run (or `--run`),
 * per briefs/chronos-wire-ext.md: the run's task and sandbox come from the run history, then the
 * bytes from the agent's `/files/read` (client/agent-files.ts), copied by sandbox-copy.ts like
 * `tsmesos task cat`, the last lines found like `task tail -n`, and followed with task-follow.ts
 * like `task tail -f` until the run ends. A run without a sandbox link (Metronome runs) is looked
 * up on the master like `tsmesos task cat` does.
 */
import { posix } from 'node:path';
import type { Command } from 'commander';
import { READ_CHUNK_BYTES } from '../client/agent-files.js';
import type { ChronosClient } from '../client/chronos-client.js';
import { ClientError } from '../client/client-error.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { addChronosOption, type ChronosOption, type FoundJob, chronosFor, findJob } from './job-common.js';
import { type RunSandbox, pickRun, runSandbox } from './job-sandbox.js';
import { jobRuns } from './job-show.js';
import { MASTER_OPTION_HELP } from './master-address.js';
import { tolerateClosedReader, writeBytes } from './output/write-bytes.js';
import { copySandboxFile } from './sandbox-copy.js';
import { abortableSleep, follow } from './task-follow.js';
import { parseLines } from './task-tail.js';
import { lastLines } from './task-tail-lines.js';

interface LogsOptions extends ChronosOption {
  stderr?: boolean;
  follow?: boolean;
  lines?: number;
  run?: string;
  master?: string;
}

const FINISHED = new Set(['success', 'failure', 'killed', 'skipped']);
const START_WAIT_MS = 1_000;

export function registerJobLogs(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('logs')
      .description("Print the stdout (or --stderr) of a job's newest run, read from its sandbox on the agent.")
      .argument('<name>', 'job name (Chronos) or id (Metronome)')
      .option('--stderr', 'print stderr instead of stdout')
      .option('-n, --lines <N>', 'only the last N lines', parseLines)
      .option('-f, --follow', 'keep printing new output until the run ends or Ctrl-C')
      .option('--run <runId>', 'a run from `tsmesos job history` (id or unique prefix) instead of the newest')
      .option('--master <addr>', `for runs without a sandbox link: ${MASTER_OPTION_HELP}`),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos job logs nightly-backup
  $ tsmesos job logs nightly-backup --stderr -n 50
  $ tsmesos job run tick && tsmesos job logs tick -f     watch the run you just started
  $ tsmesos job logs report --run 1714560000000`,
    )
    .action(async (name: string, opts: LogsOptions) => {
      const client = chronosFor(ctx, opts.chronos);
      const found = await findJob(client, name, ['activeRuns', 'history']);
      const ctl = new AbortController();
      const stop = () => ctl.abort();
      if (opts.follow) {
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }
      try {
        await runJobLogs(ctx, client, found, opts, ctl.signal);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}

async function runJobLogs(ctx: CliContext, client: ChronosClient, found: FoundJob, opts: LogsOptions, signal: AbortSignal): Promise<void> {
  const name = found.kind === 'chronos' ? found.job.name : found.job.id;
  const runs = () => jobRuns(client, found);
  let run = pickRun(await runs(), name, opts.run, opts.follow === true);
  let box = await runSandbox(ctx, run, opts.master);
  for (let told = false; !box; told = true) {
    if (!opts.follow || FINISHED.has(run.status ?? '')) {
      throw new UserError(`run ${run.runId} of ${name} (${run.status ?? 'unknown'}) has no sandbox${run.taskId ? '' : ' (it never got a task)'}`, 'pick another run with --run (see `tsmesos job history`), or use --follow to wait for a queued run');
    }
    if (!told) ctx.stderr.write(`tsmesos: waiting for run ${run.runId} of ${name} to start\n`);
    await abortableSleep(START_WAIT_MS, signal);
    if (signal.aborted) return;
    run = pickRun(await runs(), name, run.runId);
    box = await runSandbox(ctx, run, opts.master);
  }
  const sb: RunSandbox = box;
  const file = opts.stderr ? 'stderr' : 'stdout';
  const path = posix.join(sb.directory, file);
  const fail = (e: unknown): never => {
    if (e instanceof ClientError && e.status === 404) {
      throw new UserError(`no ${file} in the sandbox of run ${run.runId} of ${name} (${path} on ${sb.agentUrl})`, 'the agent may have removed the sandbox of this finished run (its --gc_delay)');
    }
    throw e instanceof ClientError ? new UserError(e.message, e.hint) : e;
  };
  if (!opts.follow && opts.lines === undefined) return void (await copySandboxFile(sb.files, path, ctx.stdout, fail));
  const missing = (e: unknown) => e instanceof ClientError && e.status === 404;
  const size = await sb.files.size(path).catch((e) => (opts.follow && missing(e) ? 0 : fail(e)));
  tolerateClosedReader(ctx.stdout);
  let from = size;
  if (opts.lines !== undefined) {
    const read = async (offset: number, length: number) => (await sb.files.read(path, offset, length).catch(fail)).data;
    await writeBytes(ctx.stdout, (await lastLines(read, size, opts.lines, READ_CHUNK_BYTES)).data);
    if (!opts.follow) return;
  } else {
    from = await copySandboxFile(sb.files, path, ctx.stdout, fail, size);
  }
  const runId = run.runId;
  await follow(
    {
      read: (offset, s) => sb.files.read(path, offset, READ_CHUNK_BYTES, s).catch((e) => (missing(e) ? undefined : fail(e))),
      finished: async () => FINISHED.has((await runs()).find((r) => r.runId === runId)?.status ?? ''),
      size: () => sb.files.size(path).catch(() => undefined),
    },
    from,
    (data) => writeBytes(ctx.stdout, data),
    { signal, onTruncated: () => ctx.stderr.write(`tsmesos: ${path} was truncated; following it from the start\n`) },
  );
}
