/**
 * Three built masters contending through a built zookeeper-lite (`--zk --quorum=2
 * --registry=replicated_log`): exactly one leads; standbys redirect with a protocol-relative
 * Location that keeps path and query (streaming SUBSCRIBE calls included), answer the monitoring
 * endpoints themselves, and ZooKeeper holds `json.info_<seq>` children with MasterInfo JSON.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, closeClient, connectClient } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { runCli } from './cli-harness.js';
import { type HaCluster, haCluster, metric, rmAtCleanup, SESSION } from './ha-harness.js';
import { getJson } from '../helpers/http.js';

let c: HaCluster;
beforeAll(async () => {
  c = await haCluster(3);
}, 60_000);
afterAll(async () => {
  await c?.cleanup();
});

const portOf = (url: string) => new URL(url).port;
const noFollow = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
const post = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('masters under --zk', () => {
  it('elect exactly one leader: the first to join', async () => {
    const leader = await c.leader();
    expect(leader).toBe(c.masters[0]);
    expect(await c.elected()).toEqual([1, 0, 0]);
    const state = await getJson(`${leader.url}/master/state`);
    expect(state.leader).toBe(`master@127.0.0.1:${portOf(leader.url)}`);
    expect(state.leader_info).toMatchObject({ id: state.id, port: Number(portOf(leader.url)) });
    expect(state.flags).toMatchObject({ zk: c.zkUrl, quorum: '2', registry: 'replicated_log', zk_session_timeout: SESSION });
  });

  it('standbys answer 307 //leader:port<path?query>, or serve the monitoring endpoints themselves', async () => {
    const leaderPort = portOf(c.masters[0]!.url);
    for (const standby of c.masters.slice(1)) {
      const r = await noFollow(`${standby.url}/master/state?jsonp=&x=a%20b`);
      expect(r.status).toBe(307);
      expect(r.headers.get('location')).toBe(`//127.0.0.1:${leaderPort}/master/state?jsonp=&x=a%20b`);
      for (const path of ['/slaves', '/master/frameworks/', '/state.json', '/master/tasks?limit=-1&order=asc']) {
        expect((await noFollow(`${standby.url}${path}`)).headers.get('location')).toBe(`//127.0.0.1:${leaderPort}${path}`);
      }
      const redirect = await noFollow(`${standby.url}/master/redirect`);
      expect([redirect.status, redirect.headers.get('location')]).toEqual([307, `//127.0.0.1:${leaderPort}`]);
      for (const path of ['/health', '/master/health', '/version', '/flags', '/master/flags', '/metrics/snapshot']) {
        expect([path, (await noFollow(`${standby.url}${path}`)).status]).toEqual([path, 200]);
      }
      expect(await metric(standby.url, 'master/elected')).toBe(0);
      const flags = await getJson(`${standby.url}/master/flags`);
      expect(flags.flags.port).toBe(portOf(standby.url));
    }
  });

  it('streaming SUBSCRIBE calls on a standby get the 307 too', async () => {
    const standby = c.masters[1]!;
    const leaderPort = portOf(c.masters[0]!.url);
    const sched = await noFollow(`${standby.url}/api/v1/scheduler`, post({ type: 'SUBSCRIBE', subscribe: { framework_info: { user: 'u', name: 'n' } } }));
    expect([sched.status, sched.headers.get('location')]).toEqual([307, `//127.0.0.1:${leaderPort}/api/v1/scheduler`]);
    const op = await noFollow(`${standby.url}/api/v1`, post({ type: 'SUBSCRIBE' }));
    expect([op.status, op.headers.get('location')]).toEqual([307, `//127.0.0.1:${leaderPort}/api/v1`]);
    const agent = await noFollow(`${standby.url}/api/v1/agent`, post({ type: 'SUBSCRIBE', subscribe: { agent_info: { hostname: 'h' } } }));
    expect(agent.status).toBe(307);
  });

  it('ZooKeeper holds json.info_<10 digits> EPHEMERAL children with each MasterInfo as JSON, lowest = leader', async () => {
    const zk = await connectClient(c.zk.connectString);
    try {
      const [children] = await call<[string[]]>((cb) => zk.getChildren('/mesos', cb));
      const members = children.filter((n) => n.startsWith('json.info_')).sort();
      expect(members).toHaveLength(3);
      for (const m of members) expect(m).toMatch(/^json\.info_\d{10}$/);
      const infos = [];
      for (const m of members) {
        const [data, stat] = await call<[Buffer, { ephemeralOwner: Buffer }]>((cb) => zk.getData(`/mesos/${m}`, cb));
        expect(stat.ephemeralOwner.equals(Buffer.alloc(8))).toBe(false);
        infos.push(JSON.parse(data.toString()));
      }
      const state = await getJson(`${c.masters[0]!.url}/master/state`);
      expect(infos[0]).toMatchObject({
        id: state.id,
        ip: 16777343, // 127.0.0.1 in network byte order
        port: Number(portOf(c.masters[0]!.url)),
        pid: state.pid,
        hostname: '127.0.0.1',
        address: { hostname: '127.0.0.1', ip: '127.0.0.1', port: Number(portOf(c.masters[0]!.url)) },
      });
      expect(infos.map((i) => i.address.port)).toEqual(c.masters.map((m) => Number(portOf(m.url))));
      expect(children).toContain('registry');
    } finally {
      await closeClient(zk);
    }
  });

  it('the CLI finds the leader through ZooKeeper (flag and [master.zookeeper]) and through a standby', async () => {
    const viaZk = await runCli(['agent', 'list', '--json', `--master=${c.zkUrl}`]);
    expect([viaZk.exitCode, viaZk.stderr]).toEqual([0, '']);
    expect(JSON.parse(viaZk.stdout)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'ha-cli-'));
    rmAtCleanup(c, dir);
    const cfg = join(dir, 'config.toml');
    writeFileSync(cfg, `[master.zookeeper]\naddresses = ["127.0.0.1:${c.zk.port}"]\npath = "/mesos"\n`);
    const viaConfig = await runCli(['agent', 'list', '--json'], { TSMESOS_CONFIG: cfg });
    expect([viaConfig.exitCode, viaConfig.stdout]).toEqual([0, '[]\n']);
    const viaStandby = await runCli(['framework', 'list', '--json', `--master=${new URL(c.masters[2]!.url).host}`]);
    expect(viaStandby.exitCode).toBe(0);
    const missing = await runCli(['agent', 'list', `--master=${c.zkUrl.replace('/mesos', '/nothing-here')}`]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('has no /nothing-here node');
  });
});
