/**
 * HA across separate "hosts": three masters and two agents, each in its own network namespace with its
 * own address on a bridge (machine-notes §5), zookeeper-lite on the bridge, a framework from the host.
 * kill -9 the leader; print how long until a new leader serves /master/state with both agents back.
 * Skips, saying why, where network namespaces cannot be created (not root, no `ip`).
 */
import { execa, execaSync, type ResultPromise } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { BIN } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const tag = `t${process.pid % 10000}`;
const net = `10.213.${(process.pid % 200) + 20}`;
const hosts = [1, 2, 3].map((i) => ({ ns: `${tag}h${i}`, veth: `${tag}v${i}`, ip: `${net}.1${i}` }));
const bridge = `${tag}br`;
const sh = (cmd: string) => execaSync('sh', ['-c', cmd], { reject: false });

function canCreateNamespaces(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root';
  if (sh('command -v ip').exitCode !== 0) return 'no ip command (iproute2)';
  const probe = `${tag}probe`;
  if (sh(`ip netns add ${probe}`).exitCode !== 0) return 'ip netns add failed';
  sh(`ip netns del ${probe}`);
  return undefined;
}
const why = canCreateNamespaces();
if (why) console.warn(`SKIP test/e2e/ha-netns: ${why}`);

const procs: ResultPromise[] = [];
const dirs: string[] = [];
let forwardRule = false;

function setUp(): void {
  const cmds = [`ip link add ${bridge} type bridge`, `ip link set ${bridge} up`, `ip addr add ${net}.1/24 dev ${bridge}`];
  for (const h of hosts) {
    cmds.push(`ip netns add ${h.ns}`, `ip link add ${h.veth} type veth peer name eth0 netns ${h.ns}`, `ip link set ${h.veth} master ${bridge} up`);
    cmds.push(`ip -n ${h.ns} addr add ${h.ip}/24 dev eth0`, `ip -n ${h.ns} link set eth0 up`, `ip -n ${h.ns} link set lo up`);
  }
  for (const c of cmds) {
    const r = sh(c);
    if (r.exitCode !== 0) throw new Error(`${c}: ${r.stderr}`);
  }
  // dockerd may have left FORWARD at DROP with br_netfilter loaded (machine-notes §1).
  forwardRule = sh(`iptables -I FORWARD -i ${bridge} -o ${bridge} -j ACCEPT`).exitCode === 0;
}

function tearDown(): void {
  for (const h of hosts) sh(`ip netns del ${h.ns}`);
  sh(`ip link del ${bridge}`);
  if (forwardRule) sh(`iptables -D FORWARD -i ${bridge} -o ${bridge} -j ACCEPT`);
}

/** Runs `tsmesos <args>` inside a namespace and waits for its listening line. */
async function inHost(ns: string, args: string[]): Promise<{ proc: ResultPromise; url: string }> {
  const proc = execa('ip', ['netns', 'exec', ns, process.execPath, BIN, ...args], { reject: false, buffer: false, env: { TSMESOS_CONFIG: '/nonexistent' } });
  procs.push(proc);
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(out)?.[1], `${args[0]} in ${ns}`, 20_000);
  return { proc, url };
}

describe.skipIf(!!why)('HA across network namespaces', () => {
  beforeAll(() => setUp());
  afterAll(async () => {
    for (const p of procs) p.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.catch(() => undefined)));
    for (const d of dirs) {
      killAgentLeftovers(d);
      rmSync(d, { recursive: true, force: true });
    }
    tearDown();
  });

  it('fails over to a new leader on another host; agents and the framework follow', async () => {
    const zkDir = mkdtempSync(join(tmpdir(), 'ha-netns-zk-'));
    dirs.push(zkDir);
    const zk = execa(process.execPath, [BIN, 'zookeeper-lite', `--ip=${net}.1`, '--port=0', '--tick_time=500', `--data_dir=${zkDir}`, '--quiet'], { reject: false, buffer: false, env: { TSMESOS_CONFIG: '/nonexistent' } });
    procs.push(zk);
    let zkOut = '';
    zk.stdout?.on('data', (c: Buffer) => (zkOut += c.toString()));
    const zkUrl = `${await waitFor(() => /listening on (zk:\/\/\S+)/.exec(zkOut)?.[1], 'zookeeper-lite')}/mesos`;
    const masters = await Promise.all(
      hosts.map((h) => inHost(h.ns, ['master', `--ip=${h.ip}`, '--port=5050', `--zk=${zkUrl}`, '--quorum=2', '--registry=replicated_log', '--zk_session_timeout=2secs', '--allocation_interval=100ms', '--quiet'])),
    );
    const leaderOf = async () => {
      for (const m of masters) {
        const e = await getJson(`${m.url}/metrics/snapshot`).catch(() => undefined);
        if (e?.['master/elected'] === 1) return m;
      }
      return undefined;
    };
    const leader = await waitFor(leaderOf, 'a leader', 15_000);
    for (const h of hosts.slice(0, 2)) {
      const dir = mkdtempSync(join(tmpdir(), 'ha-netns-agent-'));
      dirs.push(dir);
      await inHost(h.ns, ['agent', `--master=${zkUrl}`, `--ip=${h.ip}`, '--port=5051', `--work_dir=${dir}`, '--resources=cpus:2;mem:1024', '--registration_backoff_factor=100ms', '--quiet']);
    }
    await waitFor(async () => (await getJson(`${leader.url}/master/slaves`)).slaves.length === 2, 'both agents registered', 15_000);
    const s = new TestScheduler(leader.url, { user: 'root', name: 'netns', checkpoint: true, failover_timeout: 3600 });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('across', 0.5, 64, { command: { value: 'sleep 600' } })]);
    await s.waitForUpdate('across', 'TASK_RUNNING');
    const agentIds = (await getJson(`${leader.url}/master/slaves`)).slaves.map((a: any) => a.id).sort();
    s.close();

    const killedAt = Date.now();
    leader.proc.kill('SIGKILL');
    await leader.proc;
    const next = await waitFor(async () => {
      const m = await leaderOf();
      if (!m || m === leader) return undefined;
      const st = await getJson(`${m.url}/master/state`).catch(() => undefined);
      return st?.slaves?.filter((a: any) => a.active).length === 2 ? m : undefined;
    }, 'a new leader with both agents', 30_000);
    const seconds = (Date.now() - killedAt) / 1000;
    console.log(`ha-netns: new leader ${next.url} served /master/state with both agents ${seconds.toFixed(2)} s after kill -9 of ${leader.url}`);
    expect((await getJson(`${next.url}/master/slaves`)).slaves.map((a: any) => a.id).sort()).toEqual(agentIds);
    const s2 = new TestScheduler(next.url, { user: 'root', name: 'netns', checkpoint: true, failover_timeout: 3600 });
    await s2.subscribe(s.frameworkId);
    const tasks = (await getJson(`${next.url}/master/tasks`)).tasks;
    expect(tasks.map((t: any) => [t.id, t.state])).toEqual([['across', 'TASK_RUNNING']]);
    s2.close();
  });
});
