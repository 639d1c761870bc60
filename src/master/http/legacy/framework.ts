/**
 * Legacy model JSON of a framework (upstream `Summary<Framework>` and `FullFrameworkWriter` in
 * `src/master/readonly_handler.cpp`), as served in `/master/state` and `/master/frameworks`.
 * Schedulers here are HTTP-only, so `pid` is never present (upstream omits it for HTTP frameworks).
 */
import { Resources } from '../../../protocol/resources/index.js';
import type { ExecutorInfoV1, LabelsV1 } from '../../../protocol/v1/types.js';
import type { FrameworkRecord, MasterView, OfferRecord } from '../../model.js';
import { frameworkOffered, frameworkOffers, frameworkUsed } from './accounting.js';
import { legacyCommand, legacyLabels } from './labels.js';
import { renderTask } from './task.js';

/** Legacy offer: plain ids, `slave_id`, flat resources (upstream `json(Offer)`). */
export function renderOffer(offer: OfferRecord): Record<string, unknown> {
  return {
    id: offer.id,
    framework_id: offer.frameworkId,
    allocation_info: { role: offer.role },
    slave_id: offer.agentId,
    resources: offer.resources.toLegacy(),
  };
}

/** Legacy ExecutorInfo plus the agent it runs on (upstream `json(ExecutorInfo)` + `slave_id`). */
export function renderExecutor(exec: ExecutorInfoV1, frameworkId: string, agentId: string): Record<string, unknown> {
  let resources: Record<string, number | string>;
  try {
    resources = Resources.fromV1(exec.resources ?? []).toLegacy();
  } catch {
    resources = Resources.empty().toLegacy();
  }
  const out: Record<string, unknown> = {
    executor_id: exec.executor_id.value,
    name: exec.name ?? '',
    framework_id: exec.framework_id?.value ?? frameworkId,
    command: legacyCommand(exec.command) ?? { uris: [] },
    resources,
    slave_id: agentId,
  };
  if (exec.type !== undefined) out.type = exec.type;
  const labels = legacyLabels(exec.labels as LabelsV1 | undefined);
  if (labels !== undefined) out.labels = labels;
  if (exec.container !== undefined) out.container = exec.container;
  return out;
}

/** True for frameworks that opted into MULTI_ROLE; they report `roles`, the rest report `role`. */
export function isMultiRole(fw: FrameworkRecord): boolean {
  return fw.capabilities.has('MULTI_ROLE');
}

/** Keys shared by the summary (`/state-summary`) and full (`/state`) framework objects. */
export function frameworkSummary(fw: FrameworkRecord, view: MasterView): Record<string, unknown> {
  const used = frameworkUsed(fw);
  const offered = frameworkOffered(view, fw);
  return {
    id: fw.id,
    name: fw.info.name,
    used_resources: used.toLegacy(),
    offered_resources: offered.toLegacy(),
    capabilities: [...fw.capabilities],
    hostname: fw.info.hostname ?? '',
    webui_url: fw.info.webui_url ?? '',
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
  };
}

/** The full framework object with its tasks, offers and executors. */
export function renderFramework(fw: FrameworkRecord, view: MasterView): Record<string, unknown> {
  const used = frameworkUsed(fw);
  const offers = frameworkOffers(view, fw);
  const out: Record<string, unknown> = {
    ...frameworkSummary(fw, view),
    user: fw.info.user,
    failover_timeout: fw.info.failover_timeout ?? 0,
    checkpoint: fw.info.checkpoint ?? false,
    registered_time: fw.registeredTime,
    unregistered_time: fw.connected ? 0 : (fw.unregisteredTime ?? 0),
  };
  if (fw.info.principal !== undefined) out.principal = fw.info.principal;
  if (fw.reregisteredTime !== undefined) out.reregistered_time = fw.reregisteredTime;
  if (isMultiRole(fw)) out.roles = fw.roles.length > 0 ? fw.roles : [fw.info.role ?? '*'];
  else out.role = fw.roles[0] ?? fw.info.role ?? '*';
  out.resources = used.add(frameworkOffered(view, fw)).toLegacy();
  const labels = legacyLabels(fw.info.labels);
  if (labels !== undefined) out.labels = labels;
  out.offer_constraints = {};
  out.tasks = [...fw.tasks.values()].map((t) => renderTask(t, view));
  out.unreachable_tasks = [...fw.unreachableTasks.values()].map((t) => renderTask(t, view));
  out.completed_tasks = fw.completedTasks.map((t) => renderTask(t, view));
  out.offers = offers.map(renderOffer);
  out.executors = [...fw.executors].flatMap(([agentId, execs]) =>
    [...execs.values()].map((e) => renderExecutor(e, fw.id, agentId)),
  );
  return out;
}
