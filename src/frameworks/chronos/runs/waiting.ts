/**
 * "Why is my run still queued?": for each queued, not yet launched attempt, the offers that did not
 * fit it and why (Marathon mode's `/v2/queue` answers the same question for apps). Diagnostic only:
 * kept in the leader's memory, never in ZooKeeper; an entry holds counters and the newest reason per
 * agent (at most {@link KEEP_AGENTS}), structured, so recording an offer builds no strings; the
 * words are made when someone reads them.
 * @module
 */
import type { Shortfall } from './offer-match.js';
import { type JobRun, currentAttempt } from './run.js';

/** Agents whose latest reason an entry keeps (the oldest one goes first). */
export const KEEP_AGENTS = 5;

interface Decline {
  agentId: string;
  host: string;
  at: number;
  why: Shortfall[];
}

interface Entry {
  job: string;
  attempt: number;
  declined: number;
  lastOfferAt: number;
  /** agent id → its newest decline, oldest first (Map insertion order). */
  byAgent: Map<string, Decline>;
}

/** The extension field `waiting` of a queued run (history, `/v1/queue`). */
export interface WaitingView {
  /** When the current attempt was queued. */
  since: string;
  /** Offers this leader looked at for it that did not fit. */
  offersDeclined: number;
  lastOfferAt: string | null;
  /** Set while the attempt waits out its retry delay (`--failure_retry`). */
  retryAt?: string;
  /** Newest first, one per agent. */
  reasons: Array<{ host: string; agentId: string; at: string; reason: string }>;
  /** One line for tables and `message`. */
  summary: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A number as people write it: up to 3 decimals, no trailing zeros. */
function amount(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** One shortfall in words, e.g. `insufficient disk (needs 256 MB, offered 0)`. */
export function describeShortfall(s: Shortfall): string {
  if (s.kind === 'constraint') {
    const { attribute, operator, value } = s.constraint;
    const actual = s.values === undefined ? `the agent has no attribute ${attribute}` : `${attribute} is ${s.values.join(',')}`;
    return `constraint ${attribute} ${operator} ${value} not met (${actual})`;
  }
  const unit = s.name === 'cpus' ? '' : ' MB';
  const have = s.left < s.offered ? `${amount(s.left)} left of ${amount(s.offered)} offered, the rest went to other runs` : `offered ${amount(s.offered)}`;
  return `insufficient ${s.name} (needs ${amount(s.need)}${unit}, ${have})`;
}

/** Every reason an offer did not fit, e.g. `offer from host 127.0.0.1: insufficient disk (…)`. */
export function describeDecline(host: string, why: readonly Shortfall[]): string {
  const scalars = why.filter((s) => s.kind === 'scalar');
  const parts = why.filter((s) => s.kind === 'constraint').map(describeShortfall);
  if (scalars.length) parts.push(`insufficient ${scalars.map((s) => describeShortfall(s).slice('insufficient '.length)).join(' and ')}`);
  return `offer from host ${host}: ${parts.join('; ') || 'did not fit'}`;
}

export class WaitingLog {
  private readonly entries = new Map<string, Entry>();

  /** Records that an offer did not fit the run's current attempt. */
  declined(run: JobRun, offer: { agentId: string; host: string }, why: Shortfall[], now: number): void {
    const attempt = currentAttempt(run)?.attempt ?? 0;
    let e = this.entries.get(run.runId);
    if (!e || e.attempt !== attempt) this.entries.set(run.runId, (e = { job: run.job, attempt, declined: 0, lastOfferAt: now, byAgent: new Map() }));
    e.declined++;
    e.lastOfferAt = now;
    e.byAgent.delete(offer.agentId);
    e.byAgent.set(offer.agentId, { agentId: offer.agentId, host: offer.host, at: now, why });
    if (e.byAgent.size > KEEP_AGENTS) e.byAgent.delete(e.byAgent.keys().next().value!);
  }

  /** The run launched or ended: nothing to explain any more. */
  forget(runId: string): void {
    this.entries.delete(runId);
  }

  /** The job changed (e.g. smaller resources): earlier reasons may no longer hold. */
  forgetJob(job: string): void {
    for (const [id, e] of this.entries) if (e.job === job) this.entries.delete(id);
  }

  /** Drops entries of runs that are no longer waiting (`stillWaiting(runId)` false). */
  prune(stillWaiting: (runId: string) => boolean): void {
    for (const id of this.entries.keys()) if (!stillWaiting(id)) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** What a queued, unlaunched run waits for; undefined for any other run. */
  view(run: JobRun, now: number): WaitingView | undefined {
    const a = currentAttempt(run);
    if (run.status !== 'queued' || !a || a.taskId) return undefined;
    const e = this.entries.get(run.runId);
    const mine = e && e.attempt === a.attempt ? e : undefined;
    const reasons = mine ? [...mine.byAgent.values()].reverse().map((d) => ({ host: d.host, agentId: d.agentId, at: iso(d.at), reason: describeDecline(d.host, d.why) })) : [];
    const retryAt = a.notBefore !== undefined && a.notBefore > now ? a.notBefore : undefined;
    let summary: string;
    if (retryAt !== undefined) summary = `waiting to retry (attempt ${a.attempt}) at ${iso(retryAt)}`;
    else if (!mine || reasons.length === 0) summary = 'waiting for an offer (none looked at since it was queued)';
    else {
      const hosts = new Set(reasons.map((r) => r.host)).size;
      const count = mine.declined > 1 ? ` (${mine.declined} offers declined${hosts > 1 ? ` from ${hosts} hosts` : ''})` : '';
      summary = `waiting for resources: ${reasons[0]!.reason}${count}`;
    }
    return {
      since: iso(a.queuedAt),
      offersDeclined: mine?.declined ?? 0,
      lastOfferAt: mine ? iso(mine.lastOfferAt) : null,
      ...(retryAt !== undefined ? { retryAt: iso(retryAt) } : {}),
      reasons,
      summary,
    };
  }
}
