/** Public surface of the HTTP clients for our own APIs (used by `cli/`, `tui/` and tests). */
export { AgentClient, agentBaseUrl } from './agent-client.js';
export { ClientError, type ClientErrorKind } from './client-error.js';
export { request, requestJson, type RawResponse, type RequestOptions } from './http-request.js';
export type * from './legacy-types.js';
export { MasterClient, type MasterClientOptions, type OperatorCall, type TasksQuery } from './master-client.js';
