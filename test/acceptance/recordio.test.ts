/**
 * Acceptance: the third-party npm `@dcos/recordio@0.1.8` reader (`read(str)` → `[records, rest]`,
 * the DC/OS UI's RecordIO decoder) parses the raw bytes of the real master's scheduler and operator
 * SUBSCRIBE streams, captured with plain node:http (no decoder of ours), while records carry
 * multi-byte UTF-8 text (`tâche-ü`). It counts UTF-8 bytes per character, so a length prefix that
 * counted UTF-16 characters would split a record in the wrong place.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

type ReadFn = (input: string) => [string[], string];
const require = createRequire(import.meta.url);
function loadReader(): ReadFn | undefined {
  try {
    return (require('@dcos/recordio') as { read: ReadFn }).read;
  } catch {
    return undefined;
  }
}
const read = loadReader();
if (!read) console.warn('SKIP test/acceptance/recordio: npm package @dcos/recordio@0.1.8 is not installed (npm install -D @dcos/recordio@0.1.8)');

const NAME = 'tâche-ü'; // 7 characters, 9 UTF-8 bytes

/** What the reader made of the bytes captured so far. */
interface Snapshot {
  bytes: Buffer;
  /** Byte length of each 'data' event: one per HTTP chunk unless TCP split a chunk. */
  chunkSizes: number[];
  records: string[];
  rest: string;
  events: Array<Record<string, any>>;
}

/** A streaming POST captured byte for byte. */
class RawStream {
  readonly chunks: Buffer[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  private req?: http.ClientRequest;

  static open(base: string, path: string, body: unknown): Promise<RawStream> {
    const s = new RawStream();
    const u = new URL(path, base);
    const payload = Buffer.from(JSON.stringify(body), 'utf8');
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': payload.length },
        },
        (res) => {
          s.status = res.statusCode ?? 0;
          s.headers = res.headers;
          res.on('data', (c: Buffer) => s.chunks.push(c));
          res.on('error', () => {});
          resolve(s);
        },
      );
      s.req = req;
      req.setTimeout(20_000, () => req.destroy(new Error('stream request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Runs the third-party reader over everything received so far. */
  snapshot(): Snapshot {
    const bytes = Buffer.concat(this.chunks);
    const [records, rest] = read!(bytes.toString('utf8'));
    const events = records.map((r) => {
      try {
        return JSON.parse(r) as Record<string, any>;
      } catch {
        return { unparsable: r };
      }
    });
    return { bytes, chunkSizes: this.chunks.map((c) => c.length), records, rest, events };
  }

  /** Waits until the reader sees whole records only (`rest` empty) and `pred` holds for them. */
  async until(pred: (events: Array<Record<string, any>>) => boolean, what: string, timeoutMs = 10_000): Promise<Snapshot> {
    let last: Snapshot | undefined;
    try {
      return await waitFor(() => {
        last = this.snapshot();
        return last.rest === '' && pred(last.events) ? last : undefined;
      }, what, timeoutMs);
    } catch (e) {
      const types = last?.events.map((x) => x.type ?? 'UNPARSABLE').join(',');
      throw new Error(`${(e as Error).message}\nrecords: [${types}]\nrest (${last?.rest.length} chars): ${last?.rest.slice(0, 300)}`);
    }
  }

  close(): void {
    this.req?.destroy();
  }
}

/** Framing facts every captured stream must satisfy, checked on the raw bytes. */
function checkFraming(snap: Snapshot): void {
  expect(snap.rest).toBe('');
  expect(snap.records.length).toBeGreaterThan(0);
  const starts: number[] = [];
  let offset = 0;
  for (const [i, rec] of snap.records.entries()) {
    // Valid compact JSON, no raw newline inside a record.
    expect(() => JSON.parse(rec), `record ${i} is not JSON: ${rec.slice(0, 200)}`).not.toThrow();
    expect(rec.includes('\n')).toBe(false);
    // The length prefix in the raw bytes is the record's UTF-8 byte count, and the length is never 0.
    const byteLen = Buffer.byteLength(rec, 'utf8');
    expect(byteLen).toBeGreaterThan(0);
    const header = `${byteLen}\n`;
    expect(snap.bytes.subarray(offset, offset + header.length).toString('latin1')).toBe(header);
    starts.push(offset);
    offset += header.length + byteLen;
  }
  // The records account for every byte: nothing between or after them.
  expect(offset).toBe(snap.bytes.length);
  // One record per write: no HTTP chunk holds the start of two records.
  let chunkStart = 0;
  for (const size of snap.chunkSizes) {
    const inChunk = starts.filter((s) => s >= chunkStart && s < chunkStart + size).length;
    expect(inChunk, `a ${size}-byte chunk at offset ${chunkStart} holds ${inChunk} record starts`).toBeLessThanOrEqual(1);
    chunkStart += size;
  }
}

/** The same records framed with UTF-16 character counts: the bug the reader is meant to catch. */
function charCountFramed(records: string[]): string {
  return records.map((r) => `${r.length}\n${r}`).join('');
}

describe.skipIf(!read)(`@dcos/recordio@0.1.8 reads the master's SUBSCRIBE streams${read ? '' : ' (SKIPPED: npm package @dcos/recordio is not installed)'}`, () => {
  let master: Daemon;
  let masterId: string;
  let agent: FakeAgent;
  const streams: RawStream[] = [];
  const schedulers: TestScheduler[] = [];

  beforeAll(async () => {
    master = await startMaster(['--allocation_interval=100ms']);
    masterId = ((await (await fetch(`${master.url}/master/state`)).json()) as { id: string }).id;
    // The agent's TEXT attribute puts multi-byte UTF-8 into every OFFERS record of the scheduler stream.
    agent = new FakeAgent({ masterUrl: master.url, resources: 'cpus:4;mem:4096;ports:[31000-32000]', attributes: `label:${NAME}`, updateRetryMs: 500 }).start();
    await waitFor(() => agent.id, 'the fake agent to register');
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
    for (const s of schedulers.splice(0)) s.close();
  });
  afterAll(async () => {
    agent?.stop();
    await master?.stop();
  });

  it('scheduler SUBSCRIBE: SUBSCRIBED, HEARTBEAT, OFFERS and UPDATEs frame by UTF-8 byte count', async () => {
    const t0 = Date.now();
    const s = await RawStream.open(master.url, '/api/v1/scheduler', {
      type: 'SUBSCRIBE',
      subscribe: { framework_info: { user: 'root', name: NAME } },
    });
    streams.push(s);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^application\/json/);
    expect(s.headers['transfer-encoding']).toBe('chunked');
    expect(s.headers['content-length']).toBeUndefined();
    const streamId = String(s.headers['mesos-stream-id']);
    expect(streamId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const withOffers = await s.until((ev) => ev.some((e) => e.type === 'OFFERS'), 'OFFERS');
    const subscribed = withOffers.events[0]!;
    expect(subscribed.type).toBe('SUBSCRIBED');
    const frameworkId: string = subscribed.subscribed.framework_id.value;
    expect(frameworkId).toMatch(new RegExp(`^${masterId}-\\d{4}$`));
    expect(subscribed.subscribed.heartbeat_interval_seconds).toBe(15);
    const offer = withOffers.events.find((e) => e.type === 'OFFERS')!.offers.offers[0];

    // Launch a task named tâche-ü on a separate connection, acknowledging its updates as they come.
    const call = (body: unknown) =>
      fetch(`${master.url}/api/v1/scheduler`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Mesos-Stream-Id': streamId },
        body: JSON.stringify({ framework_id: { value: frameworkId }, ...(body as object) }),
      });
    const launch = await call({
      type: 'ACCEPT',
      accept: {
        offer_ids: [offer.id],
        operations: [{ type: 'LAUNCH', launch: { task_infos: [{ ...commandTask('tache-u-sched', 0.1, 32, { name: NAME }), agent_id: offer.agent_id }] } }],
      },
    });
    expect(launch.status).toBe(202);
    const acked = new Set<string>();
    const snap = await s.until((ev) => {
      for (const e of ev) {
        const st = e.type === 'UPDATE' ? e.update.status : undefined;
        if (st?.uuid && !acked.has(st.uuid)) {
          acked.add(st.uuid);
          void call({ type: 'ACKNOWLEDGE', acknowledge: { agent_id: st.agent_id, task_id: st.task_id, uuid: st.uuid } });
        }
      }
      return ev.some((e) => e.type === 'UPDATE' && e.update.status.state === 'TASK_RUNNING');
    }, 'UPDATE TASK_RUNNING');

    checkFraming(snap);
    const types = snap.events.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['SUBSCRIBED', 'HEARTBEAT']);
    expect(types).toContain('OFFERS');
    const updates = snap.events.filter((e) => e.type === 'UPDATE').map((e) => [e.update.status.task_id.value, e.update.status.state]);
    expect(updates).toEqual([
      ['tache-u-sched', 'TASK_STARTING'],
      ['tache-u-sched', 'TASK_RUNNING'],
    ]);
    // The OFFERS record holds the multi-byte text, and its UTF-8 length differs from its char length.
    const offersIdx = snap.events.findIndex((e) => e.type === 'OFFERS');
    const offersRec = snap.records[offersIdx]!;
    const attrs = snap.events[offersIdx]!.offers.offers[0].attributes;
    expect(attrs).toContainEqual({ name: 'label', type: 'TEXT', text: { value: NAME } });
    expect(Buffer.byteLength(offersRec, 'utf8')).toBeGreaterThan(offersRec.length);
    // Control: the same records framed by character count do not survive this reader.
    const [badRecords, badRest] = read!(charCountFramed(snap.records));
    const badOk = badRest === '' && badRecords.length === snap.records.length && badRecords.every((r, i) => r === snap.records[i]);
    expect(badOk).toBe(false);
    console.info(`recordio scheduler stream: ${snap.records.length} records, ${snap.bytes.length} bytes, ${snap.chunkSizes.length} chunks, ${Date.now() - t0} ms`);
  });

  it('operator SUBSCRIBE: SUBSCRIBED, HEARTBEAT, FRAMEWORK_ADDED, TASK_ADDED and TASK_UPDATED with tâche-ü', async () => {
    const t0 = Date.now();
    const s = await RawStream.open(master.url, '/api/v1', { type: 'SUBSCRIBE' });
    streams.push(s);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^application\/json/);
    expect(s.headers['transfer-encoding']).toBe('chunked');
    expect(s.headers['content-length']).toBeUndefined();
    await s.until((ev) => ev[0]?.type === 'SUBSCRIBED', 'SUBSCRIBED');

    const sched = new TestScheduler(master.url, { user: 'root', name: NAME });
    schedulers.push(sched);
    await sched.subscribe();
    const [offer] = await sched.waitForOffers();
    expect((await sched.launch(offer!, [commandTask('tache-u-op', 0.1, 32, { name: NAME })])).status).toBe(202);

    const isOurs = (e: Record<string, any>) => e.type === 'TASK_UPDATED' && e.task_updated.status.task_id.value === 'tache-u-op';
    const snap = await s.until((ev) => ev.some((e) => isOurs(e) && e.task_updated.status.state === 'TASK_RUNNING'), 'TASK_UPDATED TASK_RUNNING');

    checkFraming(snap);
    const types = snap.events.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['SUBSCRIBED', 'HEARTBEAT']);
    expect(snap.events[0]!.subscribed.heartbeat_interval_seconds).toBe(15);
    expect(snap.events[0]!.subscribed.get_state).toBeTypeOf('object');

    const fwAdded = snap.events.find((e) => e.type === 'FRAMEWORK_ADDED' && e.framework_added.framework.framework_info.id?.value === sched.frameworkId);
    expect(fwAdded, types.join(',')).toBeTruthy();
    expect(fwAdded!.framework_added.framework.framework_info.name).toBe(NAME);

    const addedIdx = snap.events.findIndex((e) => e.type === 'TASK_ADDED' && e.task_added.task.task_id.value === 'tache-u-op');
    expect(addedIdx, types.join(',')).toBeGreaterThan(0);
    const added = snap.events[addedIdx]!.task_added.task;
    expect(added.name).toBe(NAME);
    expect(added.framework_id.value).toBe(sched.frameworkId);
    expect(added.agent_id.value).toBe(agent.id);
    const addedRec = snap.records[addedIdx]!;
    expect(addedRec).toContain(NAME);
    expect(Buffer.byteLength(addedRec, 'utf8')).toBeGreaterThan(addedRec.length);

    const updated = snap.events.filter(isOurs);
    expect(updated.map((e) => e.task_updated.status.state)).toEqual(['TASK_STARTING', 'TASK_RUNNING']);
    expect(updated.every((e) => e.task_updated.framework_id.value === sched.frameworkId)).toBe(true);
    expect(snap.events.indexOf(updated[0]!)).toBeGreaterThan(addedIdx);

    const [badRecords, badRest] = read!(charCountFramed(snap.records));
    const badOk = badRest === '' && badRecords.length === snap.records.length && badRecords.every((r, i) => r === snap.records[i]);
    expect(badOk).toBe(false);
    console.info(`recordio operator stream: ${snap.records.length} records [${types.join(',')}], ${snap.bytes.length} bytes, ${snap.chunkSizes.length} chunks, ${Date.now() - t0} ms`);
  });
});
