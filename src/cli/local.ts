/**
 * `tsmesos local`: a whole cluster in one process on loopback (like `nomad agent -dev`) — a master
 * and one agent today (ZooKeeper-lite, Marathon and Chronos modes join as they land), data under one
 * directory. Ctrl-C stops it; running tasks keep running and the next start re-adopts them.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { startAgent } from '../agent/daemon.js';
import { AGENT_FLAGS } from '../agent/flags.js';
import { createLogger } from '../lib/logger.js';
import { startMaster } from '../master/daemon.js';
import { MASTER_FLAGS } from '../master/flags.js';
import type { CliContext } from './context.js';
import { loadConfigFile } from './config/config-file.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

/** Commander keeps upstream-style snake_case option names as they are. */
interface LocalOptions {
  work_dir?: string;
  ip: string;
  master_port: string;
  agent_port: string;
  resources?: string;
  isolation?: string;
  verbose?: boolean;
}

export function registerLocal(program: Command, ctx: CliContext): void {
  program
    .command('local')
    .summary('run a whole local cluster (master + agent) in one process')
    .description('Run a master and an agent on loopback in one process, with all data under --work_dir.')
    .option('--work_dir <dir>', 'where the cluster keeps its data (default ~/.mesos/local)')
    .option('--ip <ip>', 'address to listen on', '127.0.0.1')
    .option('--master_port <port>', 'master port', '5050')
    .option('--agent_port <port>', 'agent port', '5051')
    .option('--resources <text>', 'agent resources (detected when absent)')
    .option('--isolation <list>', 'agent isolation, e.g. cgroups/cpu,cgroups/mem')
    .option('--verbose', 'log at info level to stderr')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos local                                  # master on :5050, agent on :5051
  $ tsmesos local --work_dir=/tmp/cluster --master_port=0 --agent_port=0
  $ tsmesos ps                                     # in another terminal`,
    )
    .action(async (opts: LocalOptions) => {
      const workDir = resolve(opts.work_dir ?? join(ctx.env.HOME || homedir(), '.mesos', 'local'));
      mkdirSync(workDir, { recursive: true });
      const log = createLogger('local', { quiet: !opts.verbose, logDir: opts.verbose ? undefined : join(workDir, 'logs') });
      const noConfig = loadConfigFile(join(workDir, 'no-config.toml'));
      const masterFlags = resolveFlags({
        specs: MASTER_FLAGS,
        cli: { ip: opts.ip, port: opts.master_port, work_dir: join(workDir, 'master'), quiet: !opts.verbose },
        env: {},
        envPrefix: 'MESOS_',
        config: noConfig,
        table: 'master',
      });
      const master = await startMaster(masterFlags, log.child({ name: 'master' }));
      const agentFlags = resolveFlags({
        specs: AGENT_FLAGS,
        cli: {
          master: new URL(master.url).host,
          ip: opts.ip,
          port: opts.agent_port,
          work_dir: join(workDir, 'agent'),
          resources: opts.resources,
          isolation: opts.isolation,
          registration_backoff_factor: '100ms',
          quiet: !opts.verbose,
        },
        env: {},
        envPrefix: 'MESOS_',
        config: noConfig,
        table: 'agent',
      });
      let agent;
      try {
        agent = await startAgent(agentFlags, log.child({ name: 'agent' }));
      } catch (e) {
        await master.close();
        throw e;
      }
      ctx.stdout.write(
        [
          `tsmesos local cluster is up (data in ${workDir})`,
          `  master  listening on ${master.url}   (state: ${master.url}/master/state)`,
          `  agent   listening on ${agent.url}   (sandboxes under ${join(workDir, 'agent')})`,
          `Try: tsmesos ps --master=${new URL(master.url).host}    Stop: Ctrl-C`,
          '',
        ].join('\n'),
      );
      await waitForShutdown();
      ctx.stdout.write('tsmesos local: stopping (running tasks keep running; the next start re-adopts them)\n');
      await agent.close();
      await master.close();
    });
}
