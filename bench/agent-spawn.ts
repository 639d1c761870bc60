/**
 * Benchmark (g) of reference/benchmarks.md §7: real processes through master + agent. Starts the
 * built `tsmesos master` and `tsmesos agent`, launches N `/bin/true` tasks then N `sleep 3600` tasks
 * over the v1 scheduler API (acknowledging every update), then kills the sleeps. Prints launch →
 * RUNNING rate and latency (p50/p99), kill → KILLED rate, and the agent's and launcher's RSS.
 *
 * Usage: node dist/bench/agent-spawn.js [--tasks 1000] [--per-offer 200] [--json]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecordIOCall, postJson } from '../src/lib/recordio-call.js';
import { daemon, numberOpt, pct, rssMb, until } from './support.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('Usage: node dist/bench/agent-spawn.js [--tasks 1000] [--per-offer 200] [--json]\n');
  process.exit(0);
}
const N = numberOpt(args, '--tasks', 1000);
const PER_OFFER = numberOpt(args, '--per-offer', 200);
const JSON_OUT = args.includes('--json');

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-bench-spawn-'));
  const master = await daemon(['master', '--port=0', '--quiet', '--allocation_interval=100ms']);
  const agent = await daemon(['agent', `--master=${new URL(master.url).host}`, '--port=0', `--work_dir=${workDir}`, `--resources=cpus:${N};mem:${N * 4}`, '--quiet']);
  const launchedAt = new Map<string, number>();
  const runningAt = new Map<string, number>();
  const terminalAt = new Map<string, { t: number; state: string }>();
  let streamId = '';
  let fwId = '';
  const queue: Array<{ id: string; cmd: string }> = [];
  const call = (type: string, payload: unknown) =>
    postJson(`${master.url}/api/v1/scheduler`, { type, framework_id: { value: fwId }, [type.toLowerCase()]: payload }, { 'Mesos-Stream-Id': streamId });
  const sub = openRecordIOCall(`${master.url}/api/v1/scheduler`, { type: 'SUBSCRIBE', subscribe: { framework_info: { user: 'root', name: 'bench-spawn' } } }, (rec: any) => {
    if (rec.type === 'SUBSCRIBED') fwId = rec.subscribed.framework_id.value;
    if (rec.type === 'OFFERS') {
      for (const offer of rec.offers.offers) {
        const batch = queue.splice(0, PER_OFFER);
        const now = performance.now();
        for (const t of batch) launchedAt.set(t.id, now);
        const task_infos = batch.map((t) => ({ name: t.id, task_id: { value: t.id }, agent_id: offer.agent_id, command: { value: t.cmd }, resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 } }, { name: 'mem', type: 'SCALAR', scalar: { value: 1 } }] }));
        void call('ACCEPT', { offer_ids: [offer.id], operations: task_infos.length ? [{ type: 'LAUNCH', launch: { task_infos } }] : [], filters: { refuse_seconds: 0 } });
      }
    }
    if (rec.type === 'UPDATE') {
      const s = rec.update.status;
      const id = s.task_id.value;
      if (s.state === 'TASK_RUNNING' && !runningAt.has(id)) runningAt.set(id, performance.now());
      if (['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_ERROR', 'TASK_LOST'].includes(s.state)) terminalAt.set(id, { t: performance.now(), state: s.state });
      if (s.uuid) void call('ACKNOWLEDGE', { agent_id: s.agent_id, task_id: s.task_id, uuid: s.uuid });
    }
  }, {}, (_status, headers) => (streamId = String(headers['mesos-stream-id'])));
  await sub.started;
  const results: Array<{ metric: string; value: number; unit: string }> = [];
  const phase = async (label: string, prefix: string, cmd: string, waitFor: 'running' | 'terminal') => {
    for (let i = 0; i < N; i++) queue.push({ id: `${prefix}-${i}`, cmd });
    const t0 = performance.now();
    const ids = Array.from({ length: N }, (_, i) => `${prefix}-${i}`);
    await until(() => ids.every((id) => runningAt.has(id) || terminalAt.has(id)), `${label} RUNNING`);
    const t1 = Math.max(...ids.map((id) => runningAt.get(id) ?? terminalAt.get(id)!.t));
    const lat = ids.map((id) => (runningAt.get(id) ?? terminalAt.get(id)!.t) - launchedAt.get(id)!);
    if (waitFor === 'terminal') await until(() => ids.every((id) => terminalAt.has(id)), `${label} terminal`);
    results.push({ metric: `${label}_running_rate`, value: N / ((t1 - t0) / 1000), unit: 'tasks/s' });
    results.push({ metric: `${label}_latency_p50`, value: pct(lat, 50), unit: 'ms' });
    results.push({ metric: `${label}_latency_p99`, value: pct(lat, 99), unit: 'ms' });
    return ids;
  };
  await phase('true', 'true', '/bin/true', 'terminal');
  const sleeps = await phase('sleep', 'sleep', 'sleep 3600', 'running');
  const agentRss = rssMb(agent.proc.pid);
  results.push({ metric: 'agent_rss_with_sleeps', value: agentRss, unit: 'MB' });
  const k0 = performance.now();
  await Promise.all(sleeps.map((id) => call('KILL', { task_id: { value: id } })));
  await until(() => sleeps.every((id) => terminalAt.get(id)?.state === 'TASK_KILLED'), 'sleeps KILLED');
  results.push({ metric: 'kill_rate', value: N / ((performance.now() - k0) / 1000), unit: 'tasks/s' });
  sub.close();
  agent.proc.kill('SIGTERM');
  master.proc.kill('SIGTERM');
  // The launcher outlives the agent on purpose (recovery); a benchmark stops it so the next run
  // does not share the CPU with it.
  try {
    process.kill(Number(readFileSync(join(workDir, 'launcher.pid'), 'utf8')), 'SIGKILL');
  } catch {
    /* already gone */
  }
  rmSync(workDir, { recursive: true, force: true });
  const meta = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
  for (const r2 of results) {
    if (JSON_OUT) process.stdout.write(`${JSON.stringify({ bench: 'agent-spawn', params: { tasks: N, perOffer: PER_OFFER }, ...r2, ...meta })}\n`);
    else process.stdout.write(`${r2.metric.padEnd(26)} ${r2.value.toFixed(1)} ${r2.unit}\n`);
  }
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
