/**
 * Issue 7's `bench/docker-launch`: N DOCKER container tasks (`sleep 3600` in the local
 * `busybox:local` image) through the built `tsmesos master` and `tsmesos agent
 * --containerizers=docker,mesos`, over the v1 scheduler API. Prints launch → TASK_RUNNING p50/p99
 * and throughput, next to `docker run -d` of the same image and command measured in the same run
 * (sequentially, and with the same concurrency the agent gets: all at once), then kills the tasks
 * and removes every container it made.
 *
 * Usage: node dist/bench/docker-launch.js [--tasks 50] [--json]   (needs a Docker engine and busybox:local)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openRecordIOCall, postJson } from '../src/lib/recordio-call.js';
import { daemon, numberOpt, pct, until } from './support.js';

const run = promisify(execFile);
const IMAGE = 'busybox:local';
const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('Usage: node dist/bench/docker-launch.js [--tasks 50] [--json]\n');
  process.exit(0);
}
const N = numberOpt(args, '--tasks', 50);
const JSON_OUT = args.includes('--json');
const LABEL = `tsmesos.bench=docker-launch-${process.pid}`;

/** `docker run -d` of the same image and command, `parallel` at a time; returns per-run latencies. */
async function dockerRuns(n: number, parallel: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const s = performance.now();
      await run('docker', ['run', '-d', '--label', LABEL, '--network', 'host', IMAGE, 'sleep', '3600']);
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const { stdout } = await run('docker', ['ps', '-aq', '--filter', `label=${LABEL}`]);
  const ids = stdout.split('\n').filter(Boolean);
  if (ids.length) await run('docker', ['rm', '-f', ...ids]);
  return { latencies, seconds };
}

async function main(): Promise<void> {
  await run('docker', ['image', 'inspect', IMAGE]).catch(() => {
    throw new Error(`image ${IMAGE} is missing: run test/support/docker-image.sh (needs a Docker engine)`);
  });
  const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-bench-docker-'));
  const master = await daemon(['master', '--port=0', '--quiet', '--allocation_interval=100ms']);
  const agent = await daemon(['agent', `--master=${new URL(master.url).host}`, '--port=0', `--work_dir=${workDir}`, `--resources=cpus:${N};mem:${N * 64}`, '--containerizers=docker,mesos', '--quiet']);
  const launchedAt = new Map<string, number>();
  const runningAt = new Map<string, number>();
  const terminal = new Map<string, string>();
  const queue = Array.from({ length: N }, (_, i) => `docker-${i}`);
  let streamId = '';
  let fwId = '';
  const call = (type: string, payload: unknown) =>
    postJson(`${master.url}/api/v1/scheduler`, { type, framework_id: { value: fwId }, [type.toLowerCase()]: payload }, { 'Mesos-Stream-Id': streamId });
  let t0 = 0;
  const sub = openRecordIOCall(`${master.url}/api/v1/scheduler`, { type: 'SUBSCRIBE', subscribe: { framework_info: { user: 'root', name: 'bench-docker' } } }, (rec: any) => {
    if (rec.type === 'SUBSCRIBED') fwId = rec.subscribed.framework_id.value;
    if (rec.type === 'OFFERS') {
      for (const offer of rec.offers.offers) {
        const batch = queue.splice(0);
        if (batch.length && !t0) t0 = performance.now();
        const now = performance.now();
        for (const id of batch) launchedAt.set(id, now);
        const task_infos = batch.map((id) => ({
          name: id,
          task_id: { value: id },
          agent_id: offer.agent_id,
          command: { value: 'sleep 3600' },
          container: { type: 'DOCKER', docker: { image: IMAGE, network: 'HOST' } },
          resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 } }, { name: 'mem', type: 'SCALAR', scalar: { value: 32 } }],
        }));
        void call('ACCEPT', { offer_ids: [offer.id], operations: task_infos.length ? [{ type: 'LAUNCH', launch: { task_infos } }] : [], filters: { refuse_seconds: 0 } });
      }
    }
    if (rec.type === 'UPDATE') {
      const s = rec.update.status;
      const id = s.task_id.value;
      if (s.state === 'TASK_RUNNING' && !runningAt.has(id)) runningAt.set(id, performance.now());
      else if (s.state !== 'TASK_STARTING' && s.state !== 'TASK_STAGING' && s.state !== 'TASK_RUNNING') terminal.set(id, `${s.state}: ${s.message ?? ''}`);
      if (s.uuid) void call('ACKNOWLEDGE', { agent_id: s.agent_id, task_id: s.task_id, uuid: s.uuid });
    }
  }, {}, (_status, headers) => (streamId = String(headers['mesos-stream-id'])));
  await sub.started;
  const ids = Array.from({ length: N }, (_, i) => `docker-${i}`);
  await until(() => ids.every((id) => runningAt.has(id) || terminal.has(id)), 'all container tasks RUNNING');
  const failed = ids.filter((id) => !runningAt.has(id));
  if (failed.length) throw new Error(`${failed.length} tasks did not run, e.g. ${terminal.get(failed[0]!)}`);
  const last = Math.max(...ids.map((id) => runningAt.get(id)!));
  const lat = ids.map((id) => runningAt.get(id)! - launchedAt.get(id)!);
  const results: Array<{ metric: string; value: number; unit: string }> = [
    { metric: 'tsmesos_running_p50', value: pct(lat, 50), unit: 'ms' },
    { metric: 'tsmesos_running_p99', value: pct(lat, 99), unit: 'ms' },
    { metric: 'tsmesos_throughput', value: N / ((last - t0) / 1000), unit: 'tasks/s' },
  ];
  await Promise.all(ids.map((id) => call('KILL', { task_id: { value: id } })));
  await until(() => ids.every((id) => terminal.get(id)?.startsWith('TASK_KILLED')), 'container tasks KILLED', 120_000);
  sub.close();
  agent.proc.kill('SIGTERM');
  master.proc.kill('SIGTERM');
  rmSync(workDir, { recursive: true, force: true });

  // The same image and command straight through the Docker CLI, on the same machine, same run.
  const seq = await dockerRuns(N, 1);
  results.push({ metric: 'docker_run_seq_p50', value: pct(seq.latencies, 50), unit: 'ms' }, { metric: 'docker_run_seq_p99', value: pct(seq.latencies, 99), unit: 'ms' }, { metric: 'docker_run_seq_throughput', value: N / seq.seconds, unit: 'containers/s' });
  const par = await dockerRuns(N, N);
  results.push({ metric: 'docker_run_par_p50', value: pct(par.latencies, 50), unit: 'ms' }, { metric: 'docker_run_par_p99', value: pct(par.latencies, 99), unit: 'ms' }, { metric: 'docker_run_par_throughput', value: N / par.seconds, unit: 'containers/s' });

  const meta = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
  for (const r of results) {
    if (JSON_OUT) process.stdout.write(`${JSON.stringify({ bench: 'docker-launch', params: { tasks: N }, ...r, ...meta })}\n`);
    else process.stdout.write(`${r.metric.padEnd(28)} ${r.value.toFixed(1)} ${r.unit}\n`);
  }
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
