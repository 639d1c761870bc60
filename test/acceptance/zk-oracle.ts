/**
 * Debian's real ZooKeeper 3.8 as a test oracle (compat-rules.md recipe): started from
 * `/usr/share/java/zookeeper.jar` on an ephemeral loopback port with the admin server off.
 */
import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, untilSessions } from '../../src/zk/ha-servers.test-helpers.js';

export const JAR = '/usr/share/java/zookeeper.jar';
const java = ['/usr/bin/java', '/usr/local/bin/java'].find((p) => existsSync(p));

export const available = existsSync(JAR) && java !== undefined;
if (!available) {
  console.warn(`SKIP test/acceptance/zk-differential: ${existsSync(JAR) ? 'no java binary' : `${JAR} is missing`} (apt-get install -y --no-install-recommends zookeeper netcat-openbsd; .ci/run does this)`);
}

export interface Target {
  host: string;
  port: number;
}

export async function startOracle(): Promise<{ target: Target; proc: ResultPromise }> {
  const dir = mkdtempSync(join(tmpdir(), 'zk-oracle-'));
  mkdirSync(join(dir, 'conf'));
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'conf', 'zoo.cfg'),
    [`tickTime=2000`, `dataDir=${join(dir, 'data')}`, `clientPort=${port}`, 'clientPortAddress=127.0.0.1', 'admin.enableServer=false', '4lw.commands.whitelist=ruok,stat,mntr,srvr,isro'].join('\n') + '\n',
  );
  const proc = execa(java!, ['-cp', `${join(dir, 'conf')}:${JAR}`, 'org.apache.zookeeper.server.ZooKeeperServerMain', join(dir, 'conf', 'zoo.cfg')], { reject: false, buffer: false });
  // It answers ruok before it accepts sessions (it closes them while "not running"): wait for one.
  await untilSessions(port);
  return { target: { host: '127.0.0.1', port }, proc };
}


/** Stops the oracle: SIGTERM, then SIGKILL after 5 s. */
export async function stopOracle(oracle: { proc: ResultPromise } | undefined): Promise<void> {
  if (!oracle) return;
  oracle.proc.kill('SIGTERM');
  const timer = setTimeout(() => oracle.proc.kill('SIGKILL'), 5000);
  await oracle.proc;
  clearTimeout(timer);
}
