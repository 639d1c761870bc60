/**
 * `tsmesos agent [flags]` (= `tsmesos agent run`): runs a Mesos agent (upstream `mesos-agent`) until
 * SIGINT/SIGTERM. `tsmesos agent list` (another file) lists agents; `run` is the default subcommand
 * so upstream-style `tsmesos agent --master=… --work_dir=…` lines work unchanged.
 */
import type { Command } from 'commander';
import { startAgent } from '../agent/daemon.js';
import { AGENT_FLAGS } from '../agent/flags.js';
import { createLogger } from '../lib/logger.js';
import type { CliContext } from './context.js';
import { addFlagOptions, cliValues } from './flags/commander-flags.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

export function registerAgent(program: Command, ctx: CliContext): void {
  const group =
    program.commands.find((c) => c.name() === 'agent') ??
    program.command('agent').summary('run an agent, or list agents').description('Agents: run one, or list those registered with the master.');
  group.summary('run a Mesos agent (default), or list agents');
  const cmd = group.command('run', { isDefault: true }).summary('run a Mesos agent: tasks in sandboxes, reliable status updates (default)');
  cmd.description('Run a Mesos agent that registers with --master and runs tasks under --work_dir.');
  addFlagOptions(cmd, AGENT_FLAGS, 'MESOS_');
  cmd.addHelpText(
    'after',
    `
Flags may also come from MESOS_<FLAG> environment variables and the [agent] table of the config file.

Examples:
  $ tsmesos agent --master=127.0.0.1:5050 --work_dir=/var/lib/mesos
  $ tsmesos agent --master=10.0.0.1:5050 --work_dir=/tmp/agent --resources="cpus:4;mem:4096;ports:[31000-32000]"
  $ tsmesos agent --master=127.0.0.1:5050 --work_dir=/tmp/a --isolation=cgroups/cpu,cgroups/mem --attributes="rack:r1"`,
  );
  cmd.action(async () => {
    const flags = resolveFlags({
      specs: AGENT_FLAGS,
      cli: cliValues(cmd, AGENT_FLAGS),
      env: ctx.env,
      envPrefix: 'MESOS_',
      config: ctx.config(),
      table: 'agent',
      ignoreKeys: ['ssl', 'ssl_verify', 'timeout', 'principal', 'secret'],
    });
    const log = createLogger('agent', { quiet: flags.bool('quiet'), logDir: flags.str('log_dir') });
    const running = await startAgent(flags, log);
    if (running.cleanedUp) {
      ctx.stdout.write('tsmesos agent: --recover=cleanup killed the recovered tasks; the next start registers a new agent\n');
      await running.close();
      return;
    }
    ctx.stdout.write(`tsmesos agent listening on ${running.url} (master ${running.agent.config.masterUrl})\n`);
    await waitForShutdown();
    ctx.stdout.write('tsmesos agent: shutting down (tasks keep running; a restart re-adopts them)\n');
    await running.close();
  });
}
