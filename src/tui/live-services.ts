/**
 * The real `TopServices`: the operator stream through `watchOperatorEvents` (reconnecting, 307
 * following, offers included), `TEARDOWN` and `X_TSMESOS_KILL_TASK` on the operator API, Marathon
 * and Chronos when given (live-sources.ts), and a task's sandbox file
 * followed the way `tsmesos task tail -f` does it (the same sandbox lookup and follow loop, so
 * the pane and the CLI agree). The master address is resolved again for every reconnect.
 */
import { READ_CHUNK_BYTES } from '../client/agent-files.js';
import { ClientError } from '../client/client-error.js';
import { MasterClient } from '../client/master-client.js';
import { watchOperatorEvents } from '../client/operator-watch.js';
import type { CliContext } from '../cli/context.js';
import { masterClient } from '../cli/master-address.js';
import { abortableSleep, follow } from '../cli/task-follow.js';
import { lastState } from '../cli/task-resolve.js';
import { lastLines } from '../cli/task-tail-lines.js';
import { type TaskSandbox, findSandbox, noSandboxError, resolveOnMaster, sandboxPath } from '../cli/task-sandbox.js';
import { isTerminal, type TaskStateName } from '../protocol/v1/types.js';
import { leaderUrl } from './leader.js';
import type { ChronosSource, MarathonSource, OutputSink, OutputTarget, TopServices } from './services.js';

/** Lines of existing output shown when a pane opens. */
export const PANE_BACKLOG_LINES = 500;
const SANDBOX_WAIT_MS = 1_000;

export function liveServices(ctx: CliContext, masterFlag: string | undefined, sources: { marathon?: MarathonSource; chronos?: ChronosSource } = {}): TopServices {
  /** The leader that last answered the stream; mutations go there first. */
  let leader: string | undefined;
  /** One operator call to the leader; a 4xx/5xx reason (plain text) becomes the error message. */
  const operatorCall = async (body: { type: string; [k: string]: unknown }) => {
    const client = leader ? new MasterClient(leader) : masterClient(masterFlag, ctx);
    try {
      await client.call(body);
    } catch (e) {
      if (e instanceof ClientError && e.status !== undefined && e.status >= 400 && e.body) throw new Error(e.body);
      throw e;
    }
  };
  return {
    ...sources,
    watch({ onEvent, onStatus }) {
      const watch = watchOperatorEvents({
        resolve: () => leaderUrl(masterFlag, ctx),
        offers: true,
        onEvent,
        onStatus: (s) => {
          if (s.state === 'connected') leader = new URL(s.url).origin;
          onStatus(s);
        },
      });
      return () => watch.stop();
    },
    teardown: (frameworkId) => operatorCall({ type: 'TEARDOWN', teardown: { framework_id: { value: frameworkId } } }),
    killTask: ({ taskId, frameworkId, agentId }) =>
      operatorCall({
        type: 'X_TSMESOS_KILL_TASK',
        x_tsmesos_kill_task: { task_id: { value: taskId }, framework_id: { value: frameworkId }, ...(agentId ? { agent_id: { value: agentId } } : {}) },
      }),
    followOutput: (target, sink, signal) => followOutput(ctx, masterFlag, target, sink, signal),
  };
}

async function followOutput(ctx: CliContext, master: string | undefined, target: OutputTarget, sink: OutputSink, signal: AbortSignal): Promise<void> {
  const opts = { master, framework: target.frameworkId };
  sink.note('finding the task sandbox…');
  let sb: TaskSandbox | undefined;
  for (;;) {
    const { state, ref } = await resolveOnMaster(ctx, target.taskId, opts);
    sb = await findSandbox(state, ref);
    if (sb) break;
    if (ref.completed) throw noSandboxError(ref);
    sink.note('waiting for the agent to create the sandbox…');
    await abortableSleep(SANDBOX_WAIT_MS, signal);
    if (signal.aborted) return;
  }
  const box = sb;
  const path = sandboxPath(box.directory, target.file);
  const missing = (e: unknown) => e instanceof ClientError && e.status === 404;
  const size = await box.files.size(path, signal).catch((e) => (missing(e) ? 0 : Promise.reject(e)));
  const read = async (offset: number, length: number) => (await box.files.read(path, offset, length, signal)).data;
  const backlog = await lastLines(read, size, PANE_BACKLOG_LINES, READ_CHUNK_BYTES);
  if (backlog.data.length > 0) sink.data(backlog.data);
  sink.note(`${path} on ${box.agentHostname}`);
  const client = masterClient(master, ctx);
  const end = await follow(
    {
      read: (offset, s) => box.files.read(path, offset, READ_CHUNK_BYTES, s).catch((e) => (missing(e) ? undefined : Promise.reject(e))),
      finished: () => taskFinished(client, target),
      size: (s) => box.files.size(path, s).catch(() => undefined),
    },
    size,
    async (data) => sink.data(data),
    {
      signal,
      onMissing: () => sink.note(`waiting for ${target.file} to appear in the sandbox…`),
      onTruncated: () => {
        sink.reset();
        sink.note(`${target.file} was truncated; following it from the start`);
      },
    },
  );
  if (end === 'finished') sink.note(`the task has ended: that is all of ${target.file}`);
}

/** Whether the master reports the task terminal (one task, from `/master/tasks`). */
async function taskFinished(client: MasterClient, target: OutputTarget): Promise<boolean> {
  const { tasks = [] } = await client.tasks({ framework_id: target.frameworkId, task_id: target.taskId, limit: -1 });
  const t = tasks.find((x) => x.id === target.taskId);
  return t !== undefined && isTerminal(lastState(t) as TaskStateName);
}
