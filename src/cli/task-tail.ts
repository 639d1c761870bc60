/**
 * `tsmesos task tail [-f] [-n N] <task> [name]`, after Mesosphere's `mesos tail [-f] -n N <task>
 * <file>` and the bundled `mesos-tail` (mesos-api.md §8.2): the last N lines of a sandbox file,
 * and with `-f` its new output as it is written, polled from the agent's `/files/read` like the
 * web UI's pailer. The answer to "reaching task logs is too hard" (mesos-api.md §9, complaint 4).
 * Ctrl-C ends a follow with exit status 0; so does the task finishing.
 */
import type { Command } from 'commander';
import { READ_CHUNK_BYTES } from '../client/agent-files.js';
import { ClientError } from '../client/client-error.js';
import type { MasterClient } from '../client/master-client.js';
import { isTerminal, type TaskStateName } from '../protocol/v1/types.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { MASTER_OPTION_HELP, masterClient } from './master-address.js';
import { tolerateClosedReader, writeBytes } from './output/write-bytes.js';
import { FILE_ARGUMENT_HELP } from './task-cat.js';
import { abortableSleep, follow } from './task-follow.js';
import { type ResolvedTask, lastState } from './task-resolve.js';
import { lastLines } from './task-tail-lines.js';
import { FRAMEWORK_OPTION_HELP, type TaskTargetOptions, findSandbox, noSandboxError, resolveOnMaster, sandboxFileError, sandboxPath } from './task-sandbox.js';

interface TailOptions extends TaskTargetOptions {
  follow?: boolean;
  lines: number;
}

/** How often `-f` asks again for a sandbox the agent has not created yet. */
const SANDBOX_WAIT_MS = 1_000;

export function registerTaskTail(task: Command, ctx: CliContext): void {
  task
    .command('tail')
    .description("Print the last lines of a file from the task's sandbox (stdout by default); -f follows it.")
    .argument('<task>', 'task id, or a unique prefix or part of one')
    .argument('[name]', FILE_ARGUMENT_HELP, 'stdout')
    .option('-f, --follow', 'keep printing new output until Ctrl-C or the task ends')
    .option('-n, --lines <N>', 'how many lines to print first', parseLines, 10)
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('--framework <id>', FRAMEWORK_OPTION_HELP)
    .addHelpText(
      'after',
      `
With -f, a sandbox or file that does not exist yet is waited for, and a truncated (or rotated)
file is followed again from its start. New output shows within about 0.2 s.

Examples:
  $ tsmesos task tail web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002
  $ tsmesos task tail -f 3f6c                      follow stdout of the task whose id contains 3f6c
  $ tsmesos task tail -n 100 -f web stderr --framework=marathon
  $ tsmesos task tail -n 0 -f worker               only output written from now on`,
    )
    .action(async (query: string, file: string, opts: TailOptions) => {
      await withInterrupt(ctx, opts.follow === true, (signal) => runTaskTail(ctx, query, file, opts, signal));
    });
}

/** `-n`: a whole number of lines, 0 or more. */
export function parseLines(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`-n needs a whole number of lines, not ${JSON.stringify(value)}`, 'e.g. -n 50');
  return Number(value);
}

/**
 * Runs `fn` with a signal that Ctrl-C (SIGINT), SIGTERM or a closed stdout (`| head`) aborts, so
 * a follow ends by returning normally (exit 0) instead of being killed mid-write.
 */
async function withInterrupt(ctx: CliContext, enabled: boolean, fn: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const ctl = new AbortController();
  if (!enabled) return fn(ctl.signal);
  const stop = () => ctl.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  ctx.stdout.on('error', stop);
  ctx.stdout.on('close', stop);
  try {
    await fn(ctl.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    ctx.stdout.off('error', stop);
    ctx.stdout.off('close', stop);
  }
}

export async function runTaskTail(ctx: CliContext, query: string, file: string, opts: TailOptions, signal: AbortSignal): Promise<void> {
  const { state, ref } = await resolveOnMaster(ctx, query, opts);
  const master = masterClient(opts.master, ctx);
  let sb = await findSandbox(state, ref);
  for (let waited = false; !sb; waited = true) {
    if (!opts.follow || ref.completed || (await taskFinished(master, ref))) throw noSandboxError(ref);
    if (!waited) ctx.stderr.write(`tsmesos: waiting for the agent to create the sandbox of task ${ref.task.id}\n`);
    await abortableSleep(SANDBOX_WAIT_MS, signal);
    if (signal.aborted) return;
    sb = await findSandbox(state, ref);
  }
  const box = sb;
  const path = sandboxPath(box.directory, file);
  const fail = (e: unknown) => sandboxFileError(e, box, file, path);
  const missing = (e: unknown) => e instanceof ClientError && e.status === 404;
  const size = await box.files.size(path).catch((e) => (opts.follow && missing(e) ? 0 : fail(e)));
  const read = async (offset: number, length: number) => (await box.files.read(path, offset, length).catch(fail)).data;
  tolerateClosedReader(ctx.stdout);
  await writeBytes(ctx.stdout, (await lastLines(read, size, opts.lines, READ_CHUNK_BYTES)).data);
  if (!opts.follow) return;
  const source = {
    read: (offset: number, s: AbortSignal) => box.files.read(path, offset, READ_CHUNK_BYTES, s).catch((e) => (missing(e) ? undefined : fail(e))),
    finished: () => taskFinished(master, ref),
    size: () => box.files.size(path).catch(() => undefined),
  };
  await follow(source, size, (data) => writeBytes(ctx.stdout, data), {
    signal,
    onMissing: () => ctx.stderr.write(`tsmesos: waiting for ${path} to appear on agent ${box.agentHostname}\n`),
    onTruncated: () => ctx.stderr.write(`tsmesos: ${path} was truncated; following it from the start\n`),
  });
}

/**
 * Whether the master reports the task terminal, from `/master/tasks` filtered to this one task
 * (the full `/master/state` is too heavy to poll). Unknown or unreachable counts as "not yet".
 */
async function taskFinished(master: MasterClient, ref: ResolvedTask): Promise<boolean> {
  try {
    const { tasks = [] } = await master.tasks({ framework_id: ref.framework.id, task_id: ref.task.id, limit: -1 });
    const current = tasks.find((t) => t.id === ref.task.id && t.framework_id === ref.task.framework_id);
    return current !== undefined && isTerminal(lastState(current) as TaskStateName);
  } catch {
    return false;
  }
}
