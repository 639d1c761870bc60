/**
 * `tsmesos local`: a whole cluster in one process on loopback (like `nomad agent -dev`) — a
 * zookeeper-lite, a master, one agent, Marathon mode and Chronos mode, data under one directory.
 * Ctrl-C stops it; running tasks keep running and the next start re-adopts them, and the
 * frameworks find their apps and jobs again in the zookeeper-lite data.
 */
import { mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { startAgent } from '../agent/daemon.js';
import { AGENT_FLAGS } from '../agent/flags.js';
import { startChronos } from '../frameworks/chronos/daemon.js';
import { CHRONOS_FLAGS, chronosConfig } from '../frameworks/chronos/flags.js';
import { configFrom, startMarathon } from '../frameworks/marathon/daemon.js';
import { MARATHON_FLAGS } from '../frameworks/marathon/flags.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { startMaster } from '../master/daemon.js';
import { MASTER_FLAGS } from '../master/flags.js';
import { startZkServer } from '../zk/server.js';
import type { CliContext } from './context.js';
import { type ConfigFile, loadConfigFile } from './config/config-file.js';
import { UserError } from './errors.js';
import type { FlagSpec } from './flags/flag-spec.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

/** Commander keeps upstream-style snake_case option names as they are. */
interface LocalOptions {
  work_dir?: string;
  ip: string;
  zk_port: string;
  master_port: string;
  agent_port: string;
  marathon_port: string;
  chronos_port: string;
  frameworks: boolean;
  resources?: string;
  isolation?: string;
  verbose?: boolean;
}

interface Stoppable {
  url: string;
  close(): Promise<void>;
}

/** The flags of one daemon from the given values only (no env, no config file: local is self-contained). */
function flagsOf(specs: FlagSpec[], cli: Record<string, string | boolean | undefined>, noConfig: ConfigFile, table: string) {
  return resolveFlags({ specs, cli, env: {}, envPrefix: 'MESOS_', config: noConfig, table });
}

async function startAll(opts: LocalOptions, workDir: string, log: Logger, started: Stoppable[]): Promise<void> {
  const noConfig = loadConfigFile(join(workDir, 'no-config.toml'));
  const quiet = !opts.verbose;
  const zk = await startZkServer({
    ip: opts.ip,
    port: Number(opts.zk_port),
    dataDir: join(workDir, 'zookeeper'),
    tickTime: 2000,
    minSessionTimeout: 4000,
    maxSessionTimeout: 40000,
    snapshotCount: 100_000,
    log: log.child({ name: 'zookeeper-lite' }),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new UserError(`port ${opts.zk_port} on ${opts.ip} is already in use`, 'pick another --zk_port (0 = any free port), or stop the other server');
    throw e;
  });
  started.push(zk);
  const zkHost = `${zk.host}:${zk.port}`;
  const master = await startMaster(
    flagsOf(MASTER_FLAGS, { ip: opts.ip, port: opts.master_port, work_dir: join(workDir, 'master'), quiet }, noConfig, 'master'),
    log.child({ name: 'master' }),
  );
  started.push(master);
  const masterHost = new URL(master.url).host;
  const agentCli = {
    master: masterHost,
    ip: opts.ip,
    port: opts.agent_port,
    work_dir: join(workDir, 'agent'),
    resources: opts.resources,
    isolation: opts.isolation,
    registration_backoff_factor: '100ms',
    quiet,
  };
  started.push(await startAgent(flagsOf(AGENT_FLAGS, agentCli, noConfig, 'agent'), log.child({ name: 'agent' })));
  if (!opts.frameworks) return;
  const common = { master: masterHost, http_address: opts.ip, quiet };
  const marathonFlags = flagsOf(MARATHON_FLAGS, { ...common, zk: `zk://${zkHost}/marathon`, http_port: opts.marathon_port }, noConfig, 'marathon');
  started.push(await startMarathon(configFrom(marathonFlags), log.child({ name: 'marathon' })));
  const chronosFlags = flagsOf(CHRONOS_FLAGS, { ...common, zk: `zk://${zkHost}/chronos`, http_port: opts.chronos_port }, noConfig, 'chronos');
  started.push(await startChronos(chronosConfig(chronosFlags, userInfo().username), log.child({ name: 'chronos' })));
}

export function registerLocal(program: Command, ctx: CliContext): void {
  program
    .command('local')
    .summary('run a whole local cluster (zookeeper-lite, master, agent, Marathon and Chronos modes) in one process')
    .description('Run zookeeper-lite, a master, an agent, Marathon mode and Chronos mode on loopback in one process, with all data under --work_dir.')
    .option('--work_dir <dir>', 'where the cluster keeps its data (default ~/.mesos/local)')
    .option('--ip <ip>', 'address to listen on', '127.0.0.1')
    .option('--zk_port <port>', 'zookeeper-lite client port', '2181')
    .option('--master_port <port>', 'master port', '5050')
    .option('--agent_port <port>', 'agent port', '5051')
    .option('--marathon_port <port>', 'Marathon mode HTTP port', '8080')
    .option('--chronos_port <port>', 'Chronos mode HTTP port', '4400')
    .option('--no-frameworks', 'start only zookeeper-lite, the master and the agent')
    .option('--resources <text>', 'agent resources (detected when absent)')
    .option('--isolation <list>', 'agent isolation, e.g. cgroups/cpu,cgroups/mem')
    .option('--verbose', 'log at info level to stderr')
    .addHelpText(
      'after',
      `
Every port accepts 0 (pick a free one); the chosen addresses are printed at start.

Examples:
  $ tsmesos local                                  # zk :2181, master :5050, agent :5051, marathon :8080, chronos :4400
  $ tsmesos local --work_dir=/tmp/cluster --master_port=0 --agent_port=0 --zk_port=0 --marathon_port=0 --chronos_port=0
  $ tsmesos ps                                     # in another terminal
  $ tsmesos app add -f app.json                    # Marathon mode
  $ tsmesos job list                               # Chronos mode`,
    )
    .action(async (opts: LocalOptions) => {
      const workDir = resolve(opts.work_dir ?? join(ctx.env.HOME || homedir(), '.mesos', 'local'));
      mkdirSync(workDir, { recursive: true });
      const log = createLogger('local', { quiet: !opts.verbose, logDir: opts.verbose ? undefined : join(workDir, 'logs') });
      const started: Stoppable[] = [];
      const stopAll = async () => {
        for (const s of started.splice(0).reverse()) await s.close().catch(() => undefined);
      };
      try {
        await startAll(opts, workDir, log, started);
      } catch (e) {
        await stopAll();
        throw e;
      }
      const [zk, master, agent, marathon, chronos] = started;
      const lines = [
        `tsmesos local cluster is up (data in ${workDir})`,
        `  zookeeper-lite listening on ${zk!.url}`,
        `  master  listening on ${master!.url}   (state: ${master!.url}/master/state)`,
        `  agent   listening on ${agent!.url}   (sandboxes under ${join(workDir, 'agent')})`,
      ];
      if (marathon) lines.push(`  marathon listening on ${marathon.url}   (apps: ${marathon.url}/v2/apps)`);
      if (chronos) lines.push(`  chronos listening on ${chronos.url}   (jobs: ${chronos.url}/v1/scheduler/jobs)`);
      const host = (u: Stoppable | undefined) => (u ? new URL(u.url).host : '');
      lines.push(`Try: tsmesos ps --master=${host(master)}${marathon ? `    tsmesos app list --marathon=${host(marathon)}` : ''}    Stop: Ctrl-C`, '');
      ctx.stdout.write(lines.join('\n'));
      await waitForShutdown();
      ctx.stdout.write('tsmesos local: stopping (running tasks keep running; the next start re-adopts them)\n');
      await stopAll();
    });
}
