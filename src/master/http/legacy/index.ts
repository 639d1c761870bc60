/**
 * Legacy "model" JSON of the master's read endpoints (`/master/state`, `/state-summary`,
 * `/frameworks`, `/slaves`, `/tasks`, `/roles`, `/flags`): plain string ids, "slave" naming, flat
 * resources and float-second times. Pure functions of a `MasterView`; routes live elsewhere.
 */
export { renderState, masterPid } from './state.js';
export { renderStateSummary, SUMMARY_STATES } from './state-summary.js';
export { renderFrameworks, renderSlaves, renderFlags } from './listings.js';
export type { FrameworksQuery, SlavesQuery } from './listings.js';
export { renderTasks, DEFAULT_TASKS_LIMIT } from './tasks.js';
export type { TasksQuery } from './tasks.js';
export { renderRoles } from './roles.js';
export { renderTask, renderStatus } from './task.js';
export { renderFramework, frameworkSummary, renderOffer, renderExecutor } from './framework.js';
export { renderSlave, slaveInfo } from './slave.js';
export { flattenAttributes, legacyLabels } from './labels.js';
