/**
 * Operator API v1 introspection and cluster-config calls (upstream `Master::Http::getHealth`,
 * `getFlags`, `getVersion`, `getMetrics`, `getMaster`, `getRoles`, `getWeights` in
 * `src/master/http.cpp` and `src/master/weights_handler.cpp`; shapes from
 * `include/mesos/v1/master/master.proto`).
 */
import type { MasterView } from '../../model.js';
import { renderMetrics, type MetricsExtra } from '../../metrics.js';
import { roleUsage } from '../legacy/role-usage.js';
import { versionInfo } from '../version-info.js';
import { id } from './wire.js';

/** Any running master is healthy: the call is answered by the process itself. */
export function getHealth(): Record<string, unknown> {
  return { type: 'GET_HEALTH', get_health: { healthy: true } };
}

export function getFlags(view: MasterView): Record<string, unknown> {
  const flags = Object.entries(view.flags).map(([name, value]) => ({ name, value }));
  return { type: 'GET_FLAGS', get_flags: { flags } };
}

export function getVersion(): Record<string, unknown> {
  return { type: 'GET_VERSION', get_version: { version_info: versionInfo() } };
}

/** The same numbers as `/metrics/snapshot`, as a `{name, value}` list. */
export function getMetrics(view: MasterView, extra?: MetricsExtra): Record<string, unknown> {
  const metrics = Object.entries(renderMetrics(view, extra)).map(([name, value]) => ({ name, value }));
  return { type: 'GET_METRICS', get_metrics: { metrics } };
}

/** `start_time`/`elected_time` are float seconds here, as in `master.proto` `GetMaster`. */
export function getMaster(view: MasterView): Record<string, unknown> {
  const body: Record<string, unknown> = { master_info: view.info, start_time: view.startTime };
  if (view.electedTime !== undefined) body.elected_time = view.electedTime;
  return { type: 'GET_MASTER', get_master: body };
}

export function getRoles(view: MasterView): Record<string, unknown> {
  const roles = roleUsage(view).map((u) => ({
    name: u.name,
    weight: u.weight,
    frameworks: u.frameworks.map(id),
    // Deprecated upstream field (allocated + offered), kept because older tools read only it.
    resources: u.allocated.add(u.offered).toV1(),
    allocated: u.allocated.toV1(),
    offered: u.offered.toV1(),
    reserved: u.reserved.toV1(),
  }));
  return { type: 'GET_ROLES', get_roles: { roles } };
}

export function getWeights(view: MasterView): Record<string, unknown> {
  const weightInfos = Object.entries(view.weights).map(([role, weight]) => ({ role, weight }));
  return { type: 'GET_WEIGHTS', get_weights: { weight_infos: weightInfos } };
}
