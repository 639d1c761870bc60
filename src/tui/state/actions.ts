/**
 * The destructive or state-changing things `tsmesos top` can do, each asked as a y/N question
 * first: tear a framework down (operator `TEARDOWN`), kill one task (the tsmesos operator extension
 * `X_TSMESOS_KILL_TASK`), scale or restart a Marathon app (`PUT /v2/apps/{id}`, `POST
 * /v2/apps/{id}/restart`), run a Chronos job now (`PUT /v1/scheduler/job/{name}`). Pure: what each
 * question, progress note and outcome says, so the keys, the prompt and the App agree.
 */

export type Action =
  | { kind: 'teardown'; frameworkId: string; name: string; tasks: number }
  | { kind: 'kill'; taskId: string; frameworkId: string; agentId: string; framework: string; agent: string }
  | { kind: 'scale'; appId: string; from: number; to: number }
  | { kind: 'restart'; appId: string; instances: number }
  | { kind: 'run-job'; name: string };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The y/N question. */
export function question(a: Action): string {
  switch (a.kind) {
    case 'teardown':
      return `Tear down framework ${a.name} (${a.frameworkId})? Its ${plural(a.tasks, 'task')} will be killed. [y/N]`;
    case 'kill':
      return `Kill task ${a.taskId} of ${a.framework} on ${a.agent}? [y/N]`;
    case 'scale':
      return `Scale app ${a.appId} from ${a.from} to ${plural(a.to, 'instance')}? [y/N]`;
    case 'restart':
      return `Restart app ${a.appId} (a rolling restart of its ${plural(a.instances, 'instance')})? [y/N]`;
    case 'run-job':
      return `Run job ${a.name} now? [y/N]`;
  }
}

/** What `y` does, for the help bar. */
export function verb(a: Action): string {
  return { teardown: 'tear down', kill: 'kill', scale: 'scale', restart: 'restart', 'run-job': 'run now' }[a.kind];
}

export function progress(a: Action): string {
  switch (a.kind) {
    case 'teardown':
      return `tearing down ${a.name}…`;
    case 'kill':
      return `killing ${a.taskId}…`;
    case 'scale':
      return `scaling ${a.appId} to ${a.to}…`;
    case 'restart':
      return `restarting ${a.appId}…`;
    case 'run-job':
      return `starting ${a.name}…`;
  }
}

export function cancelled(a: Action): string {
  return `${{ teardown: 'teardown', kill: 'kill', scale: 'scale', restart: 'restart', 'run-job': 'run' }[a.kind]} cancelled`;
}

/** The outcome once the call succeeded; `deploymentId` for Marathon's answers. */
export function done(a: Action, deploymentId?: string): string {
  const dep = deploymentId ? ` (deployment ${deploymentId})` : '';
  switch (a.kind) {
    case 'teardown':
      return `framework ${a.name} (${a.frameworkId}) torn down`;
    case 'kill':
      return `kill of ${a.taskId} sent to ${a.agent}`;
    case 'scale':
      return `app ${a.appId} scaling to ${a.to}${dep}`;
    case 'restart':
      return `app ${a.appId} restarting${dep}`;
    case 'run-job':
      return `job ${a.name} queued to run now`;
  }
}

/** What the action acts on, as the failure message names it: "kill of web.1". */
function subject(a: Action): string {
  switch (a.kind) {
    case 'teardown':
      return `teardown of ${a.name}`;
    case 'kill':
      return `kill of ${a.taskId}`;
    case 'scale':
    case 'restart':
      return `${a.kind} of ${a.appId}`;
    case 'run-job':
      return `run of ${a.name}`;
  }
}

export function failed(a: Action, e: Error & { hint?: string }): string {
  return `${subject(a)} failed: ${e.message}${e.hint ? ` (${e.hint})` : ''}`;
}
