/**
 * Operator API v1 (`POST /api/v1`) response bodies and operator `SUBSCRIBE` events, in v1
 * protobuf-JSON: ids as `{value}`, "agent" naming, v1 resource arrays, times as `{nanoseconds}`.
 * Pure functions of a `MasterView`; the HTTP route and the stream live elsewhere.
 */
export { getHealth, getFlags, getVersion, getMetrics, getMaster, getRoles, getWeights } from './introspection.js';
export {
  getState,
  getAgents,
  getFrameworks,
  getTasks,
  getExecutors,
  stateBody,
  agentsBody,
  frameworksBody,
  tasksBody,
  executorsBody,
} from './state.js';
export { v1Task, storedStatus } from './task.js';
export { v1Offer } from './offer.js';
export { v1AgentInfo, v1Agent } from './agent.js';
export { v1Framework, v1FrameworkInfo } from './framework.js';
export {
  subscribedEvent,
  taskAddedEvent,
  taskUpdatedEvent,
  agentAddedEvent,
  agentRemovedEvent,
  frameworkAddedEvent,
  frameworkUpdatedEvent,
  frameworkRemovedEvent,
  heartbeatEvent,
} from './events.js';
export { offerEvent, OFFER_EVENT_TYPE } from './offer-event.js';
export type { OfferAction } from './offer-event.js';
export { id, timeInfo } from './wire.js';
