import { describe, expect, it } from 'vitest';
import { type OfferV1, scalarsOf, shortfalls, take } from './offer-match.js';
import { newRun } from './run.js';
import { KEEP_AGENTS, WaitingLog, describeDecline, describeShortfall } from './waiting.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');

function offerOf(resources: Record<string, number>, attributes: OfferV1['attributes'] = [], host = '127.0.0.1'): OfferV1 {
  return {
    id: { value: 'o1' },
    agent_id: { value: `agent-${host}` },
    hostname: host,
    resources: Object.entries(resources).map(([name, value]) => ({ name, type: 'SCALAR', scalar: { value } })),
    attributes,
  };
}

const job = (over: Partial<{ cpus: number; mem: number; disk: number; constraints: Array<{ attribute: string; operator: 'EQUALS' | 'LIKE' | 'UNLIKE'; value: string }> }> = {}) => ({ cpus: 0.1, mem: 128, disk: 256, constraints: [], ...over });

function why(offer: OfferV1, j: ReturnType<typeof job>): string[] {
  const full = scalarsOf(offer);
  return shortfalls(offer, new Map(full), full, j).map(describeShortfall);
}

describe('shortfalls in words', () => {
  it('names the missing disk of an agent that offers none', () => {
    const o = offerOf({ cpus: 4, mem: 4096 });
    expect(why(o, job())).toEqual(['insufficient disk (needs 256 MB, offered 0)']);
    expect(describeDecline(o.hostname, shortfalls(o, scalarsOf(o), scalarsOf(o), job()))).toBe('offer from host 127.0.0.1: insufficient disk (needs 256 MB, offered 0)');
  });

  it('lists every short resource in one clause, and fits when nothing is short', () => {
    const o = offerOf({ cpus: 0.05, mem: 100, disk: 1000 });
    const full = scalarsOf(o);
    expect(describeDecline('n1', shortfalls(o, full, full, job({ mem: 512.5 })))).toBe('offer from host n1: insufficient cpus (needs 0.1, offered 0.05) and mem (needs 512.5 MB, offered 100)');
    expect(why(offerOf({ cpus: 1, mem: 128, disk: 256 }), job())).toEqual([]);
    // Disk 0 (Metronome's default) asks for no disk at all.
    expect(why(offerOf({ cpus: 1, mem: 128 }), job({ disk: 0 }))).toEqual([]);
  });

  it('tells what other runs took from the offer apart from what the agent lacks', () => {
    const o = offerOf({ cpus: 1, mem: 1024, disk: 1000 });
    const full = scalarsOf(o);
    const left = new Map(full);
    take(left, { cpus: 0.75, mem: 128, disk: 256 });
    expect(shortfalls(o, left, full, job({ cpus: 0.5 })).map(describeShortfall)).toEqual(['insufficient cpus (needs 0.5, 0.25 left of 1 offered, the rest went to other runs)']);
  });

  it('names the unmet constraint and what the agent has', () => {
    const o = offerOf({ cpus: 4, mem: 4096, disk: 1000 }, [{ name: 'rack', type: 'TEXT', text: { value: 'r1' } }, { name: 'zones', type: 'SET', set: { item: ['a', 'b'] } }]);
    expect(why(o, job({ constraints: [{ attribute: 'rack', operator: 'EQUALS', value: 'r2' }] }))).toEqual(['constraint rack EQUALS r2 not met (rack is r1)']);
    expect(why(o, job({ constraints: [{ attribute: 'gpu', operator: 'LIKE', value: 'yes' }] }))).toEqual(['constraint gpu LIKE yes not met (the agent has no attribute gpu)']);
    expect(why(o, job({ constraints: [{ attribute: 'zones', operator: 'UNLIKE', value: 'b' }] }))).toEqual(['constraint zones UNLIKE b not met (zones is a,b)']);
    expect(why(o, job({ constraints: [{ attribute: 'hostname', operator: 'EQUALS', value: 'elsewhere' }] }))).toEqual(['constraint hostname EQUALS elsewhere not met (hostname is 127.0.0.1)']);
    // Constraint first, then the resources, as one line.
    const both = shortfalls(offerOf({ cpus: 4, mem: 64 }), scalarsOf(offerOf({ cpus: 4, mem: 64 })), scalarsOf(offerOf({ cpus: 4, mem: 64 })), job({ disk: 0, constraints: [{ attribute: 'rack', operator: 'EQUALS', value: 'r2' }] }));
    expect(describeDecline('h', both)).toBe('offer from host h: constraint rack EQUALS r2 not met (the agent has no attribute rack); insufficient mem (needs 128 MB, offered 64)');
  });
});

describe('WaitingLog', () => {
  const disk = shortfalls(offerOf({ cpus: 4, mem: 4096 }), scalarsOf(offerOf({ cpus: 4, mem: 4096 })), scalarsOf(offerOf({ cpus: 4, mem: 4096 })), job());

  it('says a new run waits for an offer, then which offers did not fit and why', () => {
    const log = new WaitingLog();
    const run = newRun('backup', 'manual', T0, T0);
    expect(log.view(run, T0)).toEqual({ since: '2026-03-01T12:00:00.000Z', offersDeclined: 0, lastOfferAt: null, reasons: [], summary: 'waiting for an offer (none looked at since it was queued)' });
    log.declined(run, { agentId: 'a1', host: '127.0.0.1' }, disk, T0 + 1000);
    log.declined(run, { agentId: 'a1', host: '127.0.0.1' }, disk, T0 + 2000);
    expect(log.view(run, T0 + 2500)).toEqual({
      since: '2026-03-01T12:00:00.000Z',
      offersDeclined: 2,
      lastOfferAt: '2026-03-01T12:00:02.000Z',
      reasons: [{ host: '127.0.0.1', agentId: 'a1', at: '2026-03-01T12:00:02.000Z', reason: 'offer from host 127.0.0.1: insufficient disk (needs 256 MB, offered 0)' }],
      summary: 'waiting for resources: offer from host 127.0.0.1: insufficient disk (needs 256 MB, offered 0) (2 offers declined)',
    });
  });

  it('keeps the newest reason of at most KEEP_AGENTS agents, newest first', () => {
    const log = new WaitingLog();
    const run = newRun('wide', 'schedule', T0, T0);
    for (let i = 0; i < KEEP_AGENTS + 3; i++) log.declined(run, { agentId: `a${i}`, host: `h${i}` }, disk, T0 + i);
    log.declined(run, { agentId: 'a4', host: 'h4' }, disk, T0 + 100);
    const v = log.view(run, T0 + 100)!;
    expect(v.reasons.map((r) => r.host)).toEqual(['h4', 'h7', 'h6', 'h5', 'h3']);
    expect(v.offersDeclined).toBe(KEEP_AGENTS + 4);
    expect(v.summary).toMatch(/^waiting for resources: offer from host h4: .* \(9 offers declined from 5 hosts\)$/);
  });

  it('shows nothing for launched or finished runs, restarts per attempt, and reports a retry delay', () => {
    const log = new WaitingLog();
    const run = newRun('flaky', 'manual', T0, T0);
    log.declined(run, { agentId: 'a1', host: 'h1' }, disk, T0 + 1);
    expect(log.view({ ...run, attempts: [{ ...run.attempts[0]!, taskId: 'ct:1:0:flaky:' }] }, T0)).toBeUndefined();
    expect(log.view({ ...run, status: 'failure' }, T0)).toBeUndefined();
    const retry = { ...run, attempts: [{ ...run.attempts[0]!, taskId: 't0', finishedAt: T0 + 5 }, { attempt: 1, queuedAt: T0 + 5, notBefore: T0 + 60_000 }] };
    expect(log.view(retry, T0 + 10)).toMatchObject({ offersDeclined: 0, retryAt: '2026-03-01T12:01:00.000Z', reasons: [], summary: 'waiting to retry (attempt 1) at 2026-03-01T12:01:00.000Z' });
    log.declined(retry, { agentId: 'a1', host: 'h1' }, disk, T0 + 60_001);
    expect(log.view(retry, T0 + 60_002)).toMatchObject({ offersDeclined: 1, summary: 'waiting for resources: offer from host h1: insufficient disk (needs 256 MB, offered 0)' });
  });

  it('forgets runs, whole jobs, and what is no longer waiting', () => {
    const log = new WaitingLog();
    const [a, b, c] = [newRun('x', 'manual', T0, T0), newRun('x', 'manual', T0, T0), newRun('y', 'manual', T0, T0)];
    for (const r of [a, b, c]) log.declined(r, { agentId: 'a1', host: 'h1' }, disk, T0);
    log.forget(a.runId);
    expect(log.size).toBe(2);
    log.forgetJob('x');
    expect(log.size).toBe(1);
    log.prune((id) => id !== c.runId);
    expect(log.size).toBe(0);
    expect(log.view(c, T0)!.offersDeclined).toBe(0);
  });
});
