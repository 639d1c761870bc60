/**
 * Benchmark (e) of reference/benchmarks.md §7: master failover. A freshly elected master receives
 * the re-registration of A agents at once, each reporting 5 frameworks × 2 running tasks with 10
 * labels (plus, with --history, nothing more: completed tasks are not re-reported by agents here).
 * Like upstream's benchmark it runs in process (no network) through the master's real
 * re-registration path, then times the first allocation and a full `/master/state` render.
 *
 * Usage: node dist/bench/failover.js [--agents 1000,5000,10000] [--json]
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RecordStream } from '../src/http/recordio-stream.js';
import { silentLogger } from '../src/lib/logger.js';
import { subscribeAgent } from '../src/master/core/agents.js';
import { runAllocation } from '../src/master/core/offers.js';
import { renderState } from '../src/master/http/legacy/index.js';
import { Master } from '../src/master/master.js';
import { Resources } from '../src/protocol/resources/index.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('Usage: node dist/bench/failover.js [--agents 1000,5000,10000] [--json]\n');
  process.exit(0);
}
const GRID = (args[args.indexOf('--agents') + 1] && args.includes('--agents') ? args[args.indexOf('--agents') + 1]! : '1000,5000,10000').split(',').map(Number);
const JSON_OUT = args.includes('--json');
/** Mesos 1.5.0, no history (benchmarks.md §7(e)); anchors in seconds. */
const ANCHORS: Record<number, number> = { 10000: 4.3, 20000: 9, 40000: 19 };

const sink: RecordStream = { send: () => true, close: () => {}, closed: false, onClose: () => {} };
const agentResources = Resources.parse('cpus:24;mem:4096;disk:4096;ports:[31000-32000]').toV1();
const taskResources = Resources.parse('cpus:0.1;mem:5').toV1();
const labels = { labels: Array.from({ length: 10 }, (_, i) => ({ key: `key${i}`, value: `value${i}` })) };

function payload(i: number, frameworks: number) {
  const fws = Array.from({ length: 5 }, (_, k) => `fw-${(i * 5 + k) % frameworks}`);
  return {
    agent_info: { id: { value: `old-master-S${i}` }, hostname: `agent${i}`, port: 5051, resources: agentResources, attributes: [] },
    version: '1.11.0',
    frameworks: fws.map((id) => ({ id: { value: id }, user: 'root', name: id, checkpoint: true, capabilities: [{ type: 'PARTITION_AWARE' }] })),
    tasks: fws.flatMap((fw) =>
      [0, 1].map((t) => ({
        framework_id: { value: fw },
        state: 'TASK_RUNNING' as const,
        task: { name: 't', task_id: { value: `${fw}-a${i}-t${t}` }, agent_id: { value: `old-master-S${i}` }, resources: taskResources, command: { value: 'sleep 1000' }, labels },
      })),
    ),
  };
}

function master(): Master {
  return new Master(
    { ip: '127.0.0.1', port: 5050, hostname: 'bench', allocationIntervalMs: 1000, agentPingTimeoutMs: 15_000, maxAgentPingTimeouts: 5, maxCompletedFrameworks: 50, maxCompletedTasksPerFramework: 1000, maxUnreachableTasksPerFramework: 1000, weights: {}, flags: {} },
    silentLogger,
  );
}

const results: Array<Record<string, unknown>> = [];
for (const agents of GRID) {
  const frameworks = Math.max(5, Math.round(agents / 10));
  const payloads = Array.from({ length: agents }, (_, i) => payload(i, frameworks));
  const m = master();
  const t0 = performance.now();
  for (let i = 0; i < agents; i++) subscribeAgent(m, payloads[i] as never, `s${i}`, sink, '127.0.0.1');
  const reregister = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  runAllocation(m);
  const allocate = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const body = JSON.stringify(renderState(m));
  const state = (performance.now() - t2) / 1000;
  const tasks = m.tasks.size;
  m.stop();
  const anchor = ANCHORS[agents];
  const line = { bench: 'failover', params: { agents, frameworks, tasks }, reregister_s: reregister, first_allocation_s: allocate, state_render_s: state, state_mb: body.length / 1e6, anchor_s: anchor ?? null, ratio: anchor ? reregister / anchor : null, node: process.version, cpu: cpus()[0]?.model };
  results.push(line);
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(line)}\n`);
  else
    process.stdout.write(
      `[${agents} agents, ${frameworks} frameworks, ${tasks} tasks] re-registration ${reregister.toFixed(2)} s` +
        `${anchor ? ` (Mesos 1.5.0 ≈${anchor} s → ratio ${(reregister / anchor).toFixed(2)})` : ''}; first allocation ${allocate.toFixed(2)} s; /master/state ${state.toFixed(2)} s (${(body.length / 1e6).toFixed(0)} MB)\n`,
    );
}
