/**
 * `tsmesos top` when stdout is not a terminal (a pipe, a file, cron): one `SUBSCRIBED` snapshot
 * from the operator stream, run through the same reducer and selectors as the live screen, and
 * printed once as the CLI's plain tables (or `--json`). Nothing is redrawn, so nothing needs a TTY.
 */
import { ClientError } from '../client/client-error.js';
import { openOperatorStream } from '../client/operator-stream.js';
import type { OperatorEvent } from '../client/operator-types.js';
import { renderTable } from '../cli/output/table.js';
import { formatAge } from './components/layout.js';
import { initialState, topReducer } from './state/reducer.js';
import { formatAmount, formatScalars } from './state/resources.js';
import { agentRows, frameworkRows, offerRows, taskRows, usage } from './state/selectors.js';
import type { TopState } from './state/types.js';

export const SNAPSHOT_TIMEOUT_MS = 10_000;

/** Subscribes, waits for `SUBSCRIBED`, and closes: the cluster as of now. */
export async function takeSnapshot(baseUrl: string, timeoutMs = SNAPSHOT_TIMEOUT_MS, now = Date.now()): Promise<TopState> {
  let resolveFirst!: (e: OperatorEvent) => void;
  const first = new Promise<OperatorEvent>((r) => (resolveFirst = r));
  const stream = await openOperatorStream(baseUrl, (e) => e.type === 'SUBSCRIBED' && resolveFirst(e));
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ClientError('timeout', stream.url, `the master at ${new URL(stream.url).origin} sent no SUBSCRIBED event within ${timeoutMs / 1000}s`, 'is it a Mesos master with the operator API (1.1 or newer)?')), timeoutMs);
    });
    const ended = stream.ended.then(() => {
      throw new ClientError('bad-response', stream.url, `the master at ${new URL(stream.url).origin} closed the event stream before its snapshot`, 'try again; the master may be restarting');
    });
    const event = await Promise.race([first, timeout, ended]);
    return topReducer(initialState(now), { type: 'events', events: [event], now });
  } finally {
    clearTimeout(timer);
    stream.close();
  }
}

/** The snapshot as rows, for `--json` (numbers raw, ids whole). */
export function snapshotJson(state: TopState, now: number) {
  const u = usage(state);
  return {
    agents: agentRows(state, u).map((a) => ({ id: a.id, hostname: a.hostname, active: a.active, attributes: a.attributes, total: a.total, used: a.used, tasks: a.tasks, offers: a.offers })),
    frameworks: frameworkRows(state, u).map((f) => ({ id: f.id, name: f.name, roles: f.roles, active: f.active, connected: f.connected, share: f.share, dominant_resource: f.shareResource ?? null, used: f.used, tasks: f.tasks, offers: f.offersHeld })),
    tasks: taskRows(state).map((t) => ({ id: t.id, name: t.name, state: t.state, framework_id: t.frameworkId, agent_id: t.agentId, resources: t.resources, healthy: t.healthy ?? null })),
    offers: offerRows(state, now).map((o) => ({ id: o.id, framework_id: o.frameworkId, agent_id: o.agentId, role: o.role, resources: o.resources, age_ms: o.ageMs })),
  };
}

/** Four plain tables with a title line each; a table with no rows says so instead. */
export function renderSnapshot(state: TopState, width: number, now: number): string {
  const u = usage(state);
  const ratio = (used: Record<string, number>, total: Record<string, number>, name: string) =>
    total[name] === undefined ? '-' : `${formatAmount(name, used[name] ?? 0)}/${formatAmount(name, total[name])}`;
  const section = (title: string, columns: string[], rows: string[][]) =>
    `${title}\n${rows.length === 0 ? '  (none)\n' : renderTable(columns, rows, width)}`;
  const agents = agentRows(state, u).map((a) => [a.hostname, a.active ? 'active' : 'inactive', ratio(a.used, a.total, 'cpus'), ratio(a.used, a.total, 'mem'), String(a.tasks), String(a.offers), a.attributes || '-', a.id]);
  const frameworks = frameworkRows(state, u).map((f) => [f.name, f.roles.join(','), f.connected ? (f.active ? 'active' : 'inactive') : 'disconnected', `${(f.share * 100).toFixed(1)}%`, String(f.tasks), String(f.offersHeld), f.id]);
  const tasks = taskRows(state).map((t) => [t.id, t.state.replace(/^TASK_/, ''), t.framework, t.agent, formatAmount('cpus', t.resources.cpus), formatAmount('mem', t.resources.mem), t.healthy === undefined ? '-' : t.healthy ? 'healthy' : 'unhealthy']);
  const offers = offerRows(state, now).map((o) => [formatAge(o.ageMs), o.framework, o.agent, o.role, formatScalars(o.resources), o.id]);
  return [
    section(`AGENTS (${agents.length})`, ['HOSTNAME', 'STATE', 'CPUS', 'MEM', 'TASKS', 'OFFERS', 'ATTRIBUTES', 'ID'], agents),
    section(`FRAMEWORKS (${frameworks.length})`, ['NAME', 'ROLES', 'STATE', 'SHARE', 'TASKS', 'OFFERS', 'ID'], frameworks),
    section(`TASKS (${tasks.length})`, ['ID', 'STATE', 'FRAMEWORK', 'AGENT', 'CPUS', 'MEM', 'HEALTH'], tasks),
    section(`OFFERS HELD (${offers.length})`, ['AGE', 'FRAMEWORK', 'AGENT', 'ROLE', 'RESOURCES', 'ID'], offers),
  ].join('\n');
}
