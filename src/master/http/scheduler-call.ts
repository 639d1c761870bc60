/**
 * Decoding and validating `/api/v1/scheduler` Calls (mesos `include/mesos/v1/scheduler/scheduler.proto`).
 * A body that does not fit the proto answers 400 "Failed to convert JSON into Call protobuf: …", one
 * that fits but breaks the rules 400 "Failed to validate scheduler::Call: …" — the upstream texts.
 * Unknown fields pass through untouched (protobuf JSON parsing ignores them upstream too).
 */
import { z } from 'zod';
import { HttpError } from '../../http/http-error.js';
import type { FrameworkInfoV1, TaskInfoV1, ExecutorInfoV1 } from '../../protocol/v1/types.js';

const id = z.looseObject({ value: z.string() });
const labels = z.looseObject({ labels: z.array(z.looseObject({ key: z.string(), value: z.string().optional() })).optional() });
const filters = z.looseObject({ refuse_seconds: z.number().optional() });
const roles = z.array(z.string());

const frameworkInfo = z.looseObject({
  user: z.string(),
  name: z.string(),
  id: id.optional(),
  failover_timeout: z.number().nonnegative().optional(),
  checkpoint: z.boolean().optional(),
  role: z.string().optional(),
  roles: roles.optional(),
  hostname: z.string().optional(),
  principal: z.string().optional(),
  webui_url: z.string().optional(),
  capabilities: z.array(z.looseObject({ type: z.string() })).optional(),
  labels: labels.optional(),
});

const commandInfo = z.looseObject({
  value: z.string().optional(),
  shell: z.boolean().optional(),
  arguments: z.array(z.string()).optional(),
  user: z.string().optional(),
});

const executorInfo = z.looseObject({
  executor_id: id,
  type: z.enum(['UNKNOWN', 'DEFAULT', 'CUSTOM']).optional(),
  framework_id: id.optional(),
  command: commandInfo.optional(),
  resources: z.array(z.unknown()).optional(),
  name: z.string().optional(),
});

const taskInfo = z.looseObject({
  name: z.string(),
  task_id: id,
  agent_id: id,
  resources: z.array(z.unknown()).optional(),
  executor: executorInfo.optional(),
  command: commandInfo.optional(),
  labels: labels.optional(),
  kill_policy: z.looseObject({ grace_period: z.looseObject({ nanoseconds: z.number() }).optional() }).optional(),
});

const operation = z.looseObject({
  type: z.string(),
  id: id.optional(),
  launch: z.looseObject({ task_infos: z.array(taskInfo) }).optional(),
  launch_group: z
    .looseObject({ executor: executorInfo, task_group: z.looseObject({ tasks: z.array(taskInfo) }) })
    .optional(),
});

const callSchema = z.looseObject({
  type: z.enum([
    'UNKNOWN',
    'SUBSCRIBE',
    'TEARDOWN',
    'ACCEPT',
    'DECLINE',
    'ACCEPT_INVERSE_OFFERS',
    'DECLINE_INVERSE_OFFERS',
    'REVIVE',
    'KILL',
    'SHUTDOWN',
    'ACKNOWLEDGE',
    'ACKNOWLEDGE_OPERATION_STATUS',
    'RECONCILE',
    'RECONCILE_OPERATIONS',
    'MESSAGE',
    'REQUEST',
    'SUPPRESS',
    'UPDATE_FRAMEWORK',
  ]),
  framework_id: id.optional(),
  subscribe: z
    .looseObject({ framework_info: frameworkInfo, suppressed_roles: roles.optional(), offer_constraints: z.unknown().optional() })
    .optional(),
  accept: z.looseObject({ offer_ids: z.array(id), operations: z.array(operation).optional(), filters: filters.optional() }).optional(),
  decline: z.looseObject({ offer_ids: z.array(id), filters: filters.optional() }).optional(),
  accept_inverse_offers: z.looseObject({ inverse_offer_ids: z.array(id) }).optional(),
  decline_inverse_offers: z.looseObject({ inverse_offer_ids: z.array(id) }).optional(),
  revive: z.looseObject({ roles: roles.optional() }).optional(),
  suppress: z.looseObject({ roles: roles.optional() }).optional(),
  kill: z.looseObject({ task_id: id, agent_id: id.optional(), kill_policy: z.unknown().optional() }).optional(),
  shutdown: z.looseObject({ executor_id: id, agent_id: id }).optional(),
  acknowledge: z.looseObject({ agent_id: id, task_id: id, uuid: z.string() }).optional(),
  acknowledge_operation_status: z.looseObject({ uuid: z.string(), operation_id: id }).optional(),
  reconcile: z.looseObject({ tasks: z.array(z.looseObject({ task_id: id, agent_id: id.optional() })).optional() }).optional(),
  reconcile_operations: z.looseObject({ operations: z.array(z.unknown()).optional() }).optional(),
  message: z.looseObject({ agent_id: id, executor_id: id, data: z.string() }).optional(),
  request: z.looseObject({ requests: z.array(z.unknown()).optional() }).optional(),
  update_framework: z
    .looseObject({ framework_info: frameworkInfo, suppressed_roles: roles.optional(), offer_constraints: z.unknown().optional() })
    .optional(),
});

export type SchedulerCall = z.infer<typeof callSchema>;
export type OperationV1 = z.infer<typeof operation>;
export type { FrameworkInfoV1, TaskInfoV1, ExecutorInfoV1 };

/** Payload member name for a call type: `ACKNOWLEDGE_OPERATION_STATUS` → `acknowledge_operation_status`. */
export function payloadKey(type: string): string {
  return type.toLowerCase();
}

const NEEDS_PAYLOAD = new Set([
  'SUBSCRIBE',
  'ACCEPT',
  'DECLINE',
  'ACCEPT_INVERSE_OFFERS',
  'DECLINE_INVERSE_OFFERS',
  'KILL',
  'SHUTDOWN',
  'ACKNOWLEDGE',
  'ACKNOWLEDGE_OPERATION_STATUS',
  'MESSAGE',
  'UPDATE_FRAMEWORK',
]);

/** Parses a JSON-decoded body into a Call, or throws the upstream 400. */
export function parseSchedulerCall(json: unknown): SchedulerCall {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new HttpError(400, 'Failed to convert JSON into Call protobuf: expecting a JSON object');
  }
  const r = callSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? `'${issue.path.join('.')}': ` : '';
    throw new HttpError(400, `Failed to convert JSON into Call protobuf: ${where}${issue.message}`);
  }
  const call = r.data;
  if (call.type === 'UNKNOWN') throw new HttpError(501, 'Received an unknown call type');
  if (NEEDS_PAYLOAD.has(call.type) && (call as Record<string, unknown>)[payloadKey(call.type)] === undefined) {
    throw new HttpError(400, `Failed to validate scheduler::Call: Expecting '${payloadKey(call.type)}' to be present`);
  }
  if (call.type !== 'SUBSCRIBE' && !call.framework_id) {
    throw new HttpError(400, "Failed to validate scheduler::Call: Expecting 'framework_id' to be present");
  }
  if (call.type === 'SUBSCRIBE' && call.framework_id) {
    const infoId = call.subscribe!.framework_info.id?.value;
    if (infoId !== call.framework_id.value) {
      throw new HttpError(
        400,
        "Failed to validate scheduler::Call: 'framework_id' differs from 'subscribe.framework_info.id'",
      );
    }
  }
  return call;
}
