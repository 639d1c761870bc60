/**
 * Marathon's event bus (upstream `core/event/Events.scala`, docs/event-bus.md): every event is a
 * JSON object with `eventType` and `timestamp` (ISO-8601 UTC with ms) plus its own fields. The
 * SSE endpoint /v2/events relays them; order is not guaranteed upstream either (a cache
 * invalidation signal). Typed builders keep each payload's upstream field names in one place.
 * @module
 */
import { EventEmitter } from 'node:events';

export const EVENT_TYPES = [
  'api_post_event',
  'pod_created_event',
  'pod_updated_event',
  'pod_deleted_event',
  'status_update_event',
  'instance_changed_event',
  'unknown_instance_terminated_event',
  'instance_health_changed_event',
  'health_status_changed_event',
  'failed_health_check_event',
  'add_health_check_event',
  'remove_health_check_event',
  'unhealthy_instance_kill_event',
  'deployment_info',
  'deployment_step_success',
  'deployment_step_failure',
  'deployment_success',
  'deployment_failed',
  'group_change_success',
  'group_change_failed',
  'app_terminated_event',
  'framework_message_event',
  'scheduler_registered_event',
  'scheduler_reregistered_event',
  'scheduler_disconnected_event',
  'subscribe_event',
  'unsubscribe_event',
  'event_stream_attached',
  'event_stream_detached',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface MarathonEvent {
  eventType: EventType;
  timestamp: string;
  [field: string]: unknown;
}

/** Mesos task states → the `condition` of instance_changed_event (upstream `Condition`). */
export function conditionOf(state: string): string {
  const map: Record<string, string> = {
    TASK_STAGING: 'Staging',
    TASK_STARTING: 'Starting',
    TASK_RUNNING: 'Running',
    TASK_KILLING: 'Killing',
    TASK_FINISHED: 'Finished',
    TASK_FAILED: 'Failed',
    TASK_KILLED: 'Killed',
    TASK_ERROR: 'Error',
    TASK_LOST: 'Unreachable',
    TASK_UNREACHABLE: 'Unreachable',
    TASK_GONE: 'Gone',
    TASK_GONE_BY_OPERATOR: 'Gone',
    TASK_DROPPED: 'Dropped',
    TASK_UNKNOWN: 'Unknown',
  };
  return map[state] ?? 'Unknown';
}

export class EventBus extends EventEmitter<{ event: [MarathonEvent] }> {
  private readonly counts = new Map<EventType, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
    this.setMaxListeners(0);
  }

  publish(eventType: EventType, fields: Record<string, unknown> = {}): MarathonEvent {
    const event: MarathonEvent = { ...fields, eventType, timestamp: new Date(this.now()).toISOString() };
    this.counts.set(eventType, (this.counts.get(eventType) ?? 0) + 1);
    this.emit('event', event);
    return event;
  }

  /** How many events of each type were published (for /metrics). */
  published(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

/** True when `eventType` passes a subscriber's `event_type` filter (empty = everything). */
export function passesFilter(filter: ReadonlySet<string>, eventType: string): boolean {
  return filter.size === 0 || filter.has(eventType);
}

/** One SSE message: a named `event:` line, one `data:` line per payload line, a blank line. */
export function sseFrame(event: MarathonEvent): string {
  const data = JSON.stringify(event)
    .split('\n')
    .map((l) => `data: ${l}`)
    .join('\n');
  return `event: ${event.eventType}\n${data}\n\n`;
}
