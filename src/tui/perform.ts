/**
 * Carries out a confirmed action through the services (the only place an action touches the
 * outside): teardown and task kill on the master, scale and restart on Marathon, run-now on
 * Chronos. Resolves with Marathon's deployment id when there is one.
 */
import type { TopServices } from './services.js';
import type { Action } from './state/actions.js';

export async function perform(services: TopServices, a: Action): Promise<{ deploymentId?: string }> {
  switch (a.kind) {
    case 'teardown':
      await services.teardown(a.frameworkId);
      return {};
    case 'kill':
      await services.killTask({ taskId: a.taskId, frameworkId: a.frameworkId, agentId: a.agentId });
      return {};
    case 'scale':
      return need(services.marathon, 'Marathon').scale(a.appId, a.to);
    case 'restart':
      return need(services.marathon, 'Marathon').restart(a.appId);
    case 'run-job':
      await need(services.chronos, 'Chronos').runNow(a.name);
      return {};
  }
}

function need<T>(source: T | undefined, title: string): T {
  if (!source) throw Object.assign(new Error(`${title} is not configured`), { hint: `start top with --${title.toLowerCase()}=HOST:PORT` });
  return source;
}
