/**
 * The synthetic master for bench/tui.ts, run as its own process so its CPU is not counted as the
 * TUI's: it answers `POST /api/v1` SUBSCRIBE like a master does (RecordIO, `SUBSCRIBED` with a
 * state of `tasks` tasks on `agents` agents for `frameworks` frameworks, then HEARTBEATs), and then
 * streams the tsmesos offer events at `rate` offers per second (each offer SENT, then closed
 * ~300 ms later: 10% ACCEPTED, 85% DECLINED, 5% RESCINDED) plus task churn (`churn` tasks a second
 * finish and as many new ones start, so the live count stays at `tasks`). Offer ids are
 * `bench-O<seq>` and every event carries the send time, which is how the TUI side measures lag.
 *
 * Started by bench/tui.ts with `fork()`; tells the parent its URL over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeRecord } from '../src/protocol/recordio.js';

export interface FeedConfig {
  tasks: number;
  agents: number;
  frameworks: number;
  rate: number;
  churn: number;
}

const TICK_MS = 10;
const HOLD_MS = 300;

const scalar = (name: string, value: number) => ({ name, type: 'SCALAR', scalar: { value } });
const agentId = (i: number) => `bench-S${i}`;
const frameworkId = (i: number) => `bench-F${i}`;

function task(seq: number, c: FeedConfig, state = 'TASK_RUNNING') {
  return {
    name: `task-${seq}`,
    task_id: { value: `task-${seq}` },
    framework_id: { value: frameworkId(seq % c.frameworks) },
    agent_id: { value: agentId(seq % c.agents) },
    state,
    resources: [scalar('cpus', 0.1), scalar('mem', 64)],
    statuses: [],
  };
}

function snapshot(c: FeedConfig) {
  const agents = Array.from({ length: c.agents }, (_, i) => ({
    agent_info: { hostname: `host-${i}.bench`, port: 5051, id: { value: agentId(i) }, resources: [], attributes: [{ name: 'rack', type: 'TEXT', text: { value: `r${i % 8}` } }] },
    active: true,
    total_resources: [scalar('cpus', 32), scalar('mem', 131072), scalar('disk', 1_000_000)],
  }));
  const frameworks = Array.from({ length: c.frameworks }, (_, i) => ({
    framework_info: { name: `fw-${i}`, user: 'root', id: { value: frameworkId(i) }, roles: ['*'] },
    active: true,
    connected: true,
  }));
  const tasks = Array.from({ length: c.tasks }, (_, i) => task(i, c));
  return { type: 'SUBSCRIBED', subscribed: { heartbeat_interval_seconds: 15, get_state: { get_agents: { agents }, get_frameworks: { frameworks }, get_tasks: { tasks } } } };
}

function offerEvent(action: string, seq: number, c: FeedConfig, sentAt: number) {
  const a = seq % c.agents;
  const f = seq % c.frameworks;
  const offer = {
    id: { value: `bench-O${seq}` },
    framework_id: { value: frameworkId(f) },
    agent_id: { value: agentId(a) },
    hostname: `host-${a}.bench`,
    allocation_info: { role: '*' },
    resources: [scalar('cpus', 4), scalar('mem', 8192), scalar('disk', 10000), { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 31000, end: 32000 }] } }],
  };
  return { type: 'TSMESOS_OFFER', tsmesos_offer: { action, offer, framework_id: offer.framework_id, agent_id: offer.agent_id, timestamp: sentAt / 1000 } };
}

export function startFeed(c: FeedConfig): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(encodeRecord(snapshot(c)));
      res.write(encodeRecord({ type: 'HEARTBEAT' }));
      let seq = 0;
      let nextTask = c.tasks;
      let finishedTask = 0;
      let due = 0;
      let churnDue = 0;
      const open: Array<{ seq: number; at: number }> = [];
      const started = Date.now();
      const tick = setInterval(() => {
        const now = Date.now();
        const out: Buffer[] = [];
        // Catch up on the offers this tick owes, so the rate holds even if a tick runs late.
        due = ((now - started) / 1000) * c.rate;
        while (seq < due) {
          out.push(encodeRecord(offerEvent('SENT', seq, c, now)));
          open.push({ seq, at: now });
          seq++;
        }
        while (open.length > 0 && now - open[0]!.at >= HOLD_MS) {
          const o = open.shift()!;
          const r = o.seq % 20;
          out.push(encodeRecord(offerEvent(r < 2 ? 'ACCEPTED' : r === 2 ? 'RESCINDED' : 'DECLINED', o.seq, c, now)));
        }
        churnDue = ((now - started) / 1000) * c.churn;
        while (finishedTask < churnDue) {
          const old = task(finishedTask++, c);
          out.push(encodeRecord({ type: 'TASK_UPDATED', task_updated: { framework_id: old.framework_id, state: 'TASK_FINISHED', status: { task_id: old.task_id, state: 'TASK_FINISHED', agent_id: old.agent_id } } }));
          out.push(encodeRecord({ type: 'TASK_ADDED', task_added: { task: task(nextTask++, c, 'TASK_STAGING') } }));
        }
        if (out.length > 0) res.write(Buffer.concat(out));
      }, TICK_MS);
      const beat = setInterval(() => res.write(encodeRecord({ type: 'HEARTBEAT' })), 15_000);
      res.on('close', () => {
        clearInterval(tick);
        clearInterval(beat);
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

if (process.send && process.argv.includes('--feeder')) {
  const c = JSON.parse(process.argv[process.argv.indexOf('--feeder') + 1]!) as FeedConfig;
  void startFeed(c).then((url) => process.send!({ url }));
  process.on('disconnect', () => process.exit(0));
}
