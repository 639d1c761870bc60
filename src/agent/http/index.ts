/**
 * The agent's HTTP endpoints (mesos-api.md §3 agent calls, §4 agent endpoints): `registerAgentHttp`
 * for the daemon, and the pure renderers behind it for tests and other callers (the CLI's fixtures,
 * `tsmesos local`). Everything renders an `AgentView`; nothing here mutates agent state.
 */
export { registerAgentHttp, type AgentHttpOptions } from './register.js';
export { renderAgentState, renderAgentFlags, agentIdOf, DEFAULT_AGENT_CAPABILITIES } from './legacy/state.js';
export { renderAgentFramework, renderAgentExecutor, executorSource, executorName } from './legacy/framework.js';
export { renderAgentTask } from './legacy/task.js';
export { renderAgentMetrics } from './metrics.js';
export { collectUsage, renderMonitorStatistics, renderContainers, type ExecutorUsage } from './monitor.js';
export { agentCall, registerAgentOperatorApi, AGENT_UNIMPLEMENTED } from './operator-api.js';
export { agentAliases, sendJson, AGENT_PROCESS } from './reply.js';
export { executorAllocated, agentAllocated, byReservationRole } from './allocation.js';
export { registerFilesRoutes, FILE_NOT_FOUND, type FilesOptions } from './files/routes.js';
export { resolveRequestPath, splitRequestPath, attachmentTable, isInside, type Attachment, type Resolution } from './files/resolve-path.js';
export { agentAttachments, agentAttachmentTable, executorVirtualPath, AGENT_LOG_PATH } from './files/attachments.js';
