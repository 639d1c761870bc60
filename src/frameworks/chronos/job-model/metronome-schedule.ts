/**
 * Metronome ScheduleSpec ⇄ JobSchedule (`ScheduleSpec.scala`, `schema/schedulespec.schema.json`):
 * `{id, cron, timezone: "UTC", startingDeadlineSeconds: 900 (≥ 60), concurrencyPolicy: "ALLOW",
 * enabled: true}`. REPLACE is a tsmesos extension; an ISO 8601 `R…` text is accepted in `cron`.
 * @module
 */
import { ScheduleError } from '../schedule/index.js';
import type { Fields } from './fields.js';
import { isIsoText, parseScheduleText } from './schedule-spec.js';
import { type ConcurrencyPolicy, type JobSchedule, METRONOME_DEFAULTS } from './types.js';

const POLICIES: ConcurrencyPolicy[] = ['ALLOW', 'FORBID', 'REPLACE'];
const ID = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export interface ParsedSchedule {
  schedule: JobSchedule;
  concurrencyPolicy: ConcurrencyPolicy;
}

export function readScheduleSpec(s: Fields, now: Date): ParsedSchedule | undefined {
  const id = s.str('id');
  if (id === undefined && !s.has('id')) s.fail('id', 'error.path.missing', `${s.path('id').slice(1)} is required`);
  else if (id !== undefined && !ID.test(id)) s.fail('id', `must fully match regular expression '${ID.source}'`, `schedule id '${id}' must match ${ID.source}`);
  const cron = s.str('cron');
  if (cron === undefined && !s.has('cron')) s.fail('cron', 'error.path.missing', `${s.path('cron').slice(1)} is required`);
  const timeZone = s.str('timezone') ?? 'UTC';
  const deadline = s.num('startingDeadlineSeconds', { integer: true });
  if (deadline !== undefined && deadline < 60) s.fail('startingDeadlineSeconds', 'must be greater than or equal to 60 seconds', `startingDeadlineSeconds must be at least 60, got ${deadline}`);
  const policy = (s.str('concurrencyPolicy') ?? 'ALLOW').toUpperCase();
  if (!(POLICIES as string[]).includes(policy)) s.fail('concurrencyPolicy', 'error.expected.enum', `concurrencyPolicy must be ALLOW, FORBID or REPLACE, got '${policy}'`);
  const enabled = s.bool('enabled') ?? true;
  if (cron !== undefined) {
    try {
      parseScheduleText(cron, timeZone, now);
    } catch (e) {
      if (!(e instanceof ScheduleError)) throw e;
      const path = /time zone/i.test(e.message) ? 'timezone' : 'cron';
      s.fail(path, path === 'cron' ? 'Cron expression not valid' : 'Time zone not valid', e.message);
    }
  }
  if (id === undefined || cron === undefined) return undefined;
  return {
    schedule: {
      id,
      kind: isIsoText(cron) ? 'iso8601' : 'cron',
      expression: cron.trim(),
      timeZone,
      startingDeadlineSeconds: deadline ?? METRONOME_DEFAULTS.startingDeadlineSeconds,
      enabled,
    },
    concurrencyPolicy: policy as ConcurrencyPolicy,
  };
}

export function renderScheduleSpec(s: JobSchedule, policy: ConcurrencyPolicy): Record<string, unknown> {
  return {
    id: s.id,
    cron: s.expression,
    timezone: s.timeZone || 'UTC',
    startingDeadlineSeconds: s.startingDeadlineSeconds ?? METRONOME_DEFAULTS.startingDeadlineSeconds,
    concurrencyPolicy: policy,
    enabled: s.enabled,
  };
}
