/**
 * ZooKeeper servers for the HA client suites (election, detector, and test/e2e/ha-*): the built
 * zookeeper-lite, or Debian's real ZooKeeper 3.8 when its jar and java exist (started as
 * test/acceptance/zk-differential.test.ts does). Both run with a short tick so session timeouts of
 * a second or less are granted, and both can be stopped and started again on the same port and
 * data, to test what a session sees across a server outage. Excluded from the build.
 * @module
 */
import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../test/helpers/wait.js';
import { closeClient, connectClient, fourLetter, startZkLite, type ZkLite } from './testing/zk-daemon.test-helpers.js';

export const REAL_ZK_JAR = '/usr/share/java/zookeeper.jar';
const JAVA = ['/usr/bin/java', '/usr/local/bin/java'].find((p) => existsSync(p));

/** Why the real server can not run here, or undefined when it can. */
export function realZkMissing(): string | undefined {
  if (!existsSync(REAL_ZK_JAR)) return `${REAL_ZK_JAR} is missing (apt-get install -y --no-install-recommends zookeeper)`;
  if (!JAVA) return 'no java binary';
  return undefined;
}

export interface TestZk {
  kind: 'zookeeper-lite' | 'zookeeper-3.8';
  port: number;
  connectString: string;
  /** Stops the server (kill -9: sessions are not closed, as in a crash or partition). */
  crash(): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it for good and removes its files. */
  close(): Promise<void>;
}

/** Milliseconds per tick: session timeouts between 2 and 20 ticks are granted. */
export const TICK_MS = 100;

import { freePort } from '../../test/helpers/free-port.js';

export { freePort };

/** Waits until a ZooKeeper on `port` answers imok and accepts a session. */
export async function untilSessions(port: number): Promise<void> {
  // The real server answers ruok before it accepts sessions: wait for one to open.
  await waitFor(async () => (await fourLetter(port, 'ruok').catch(() => '')) === 'imok', `ZooKeeper on ${port} to answer imok`, 30_000, 50);
  await waitFor(async () => {
    const c = await connectClient(`127.0.0.1:${port}`, { sessionTimeout: 2000 });
    await closeClient(c);
    return true;
  }, `ZooKeeper on ${port} to accept a session`, 30_000, 50);
}

export async function startLite(): Promise<TestZk> {
  const args = ['--quiet', `--tick_time=${TICK_MS}`];
  let zk: ZkLite = await startZkLite({ args });
  const { dataDir, port } = zk;
  return {
    kind: 'zookeeper-lite',
    port,
    connectString: `127.0.0.1:${port}`,
    crash: () => zk.kill9(),
    async restart() {
      zk = await startZkLite({ dataDir, port, args });
    },
    async close() {
      await zk.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startReal(): Promise<TestZk> {
  const dir = mkdtempSync(join(tmpdir(), 'zk-real-ha-'));
  mkdirSync(join(dir, 'conf'));
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  const cfg = join(dir, 'conf', 'zoo.cfg');
  writeFileSync(cfg, [`tickTime=${TICK_MS}`, `dataDir=${join(dir, 'data')}`, `clientPort=${port}`, 'clientPortAddress=127.0.0.1', 'admin.enableServer=false', '4lw.commands.whitelist=ruok,stat,mntr,srvr'].join('\n') + '\n');
  let proc: ResultPromise | undefined;
  const run = async () => {
    proc = execa(JAVA!, ['-cp', `${join(dir, 'conf')}:${REAL_ZK_JAR}`, 'org.apache.zookeeper.server.ZooKeeperServerMain', cfg], { reject: false, buffer: false, stdout: 'ignore', stderr: 'ignore' });
    await untilSessions(port);
  };
  const kill = async () => {
    if (!proc) return;
    proc.kill('SIGKILL');
    await proc;
    proc = undefined;
  };
  await run();
  return {
    kind: 'zookeeper-3.8',
    port,
    connectString: `127.0.0.1:${port}`,
    crash: kill,
    restart: run,
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The servers to run a suite against: zookeeper-lite always, the real one when it exists. */
export const SERVERS: Array<[string, () => Promise<TestZk>]> = [
  ['zookeeper-lite', startLite],
  ...(realZkMissing() ? [] : ([['zookeeper-3.8', startReal]] as Array<[string, () => Promise<TestZk>]>)),
];

/** Says once, on stderr, why a suite runs against zookeeper-lite only. */
export function warnIfRealMissing(suite: string): void {
  const why = realZkMissing();
  if (why) console.warn(`SKIP ${suite} against real ZooKeeper: ${why}`);
}
