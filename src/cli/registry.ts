/** The single list of subcommands (one file each). Completions and the man page are generated from it. */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerAgent } from './agent.js';
import { registerAgentList } from './agent-list.js';
import { registerApp } from './app.js';
import { registerChronos } from './chronos.js';
import { registerCompletion } from './completion.js';
import { registerConfig } from './config-cmd.js';
import { registerFramework } from './framework.js';
import { registerJob } from './job.js';
import { registerLocal } from './local.js';
import { registerMaster } from './master.js';
import { registerMarathon } from './marathon.js';
import { registerPs } from './ps.js';
import { registerTask } from './task.js';
import { registerTeardown } from './teardown.js';
import { registerTop } from './top.js';
import { registerZookeeperLite } from './zookeeper-lite.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerMaster(program, ctx);
  registerMarathon(program, ctx);
  registerChronos(program, ctx);
  registerLocal(program, ctx);
  registerPs(program, ctx);
  registerTask(program, ctx);
  registerTeardown(program, ctx);
  registerTop(program, ctx);
  registerFramework(program, ctx);
  registerAgentList(program, ctx);
  registerAgent(program, ctx);
  registerApp(program, ctx);
  registerJob(program, ctx);
  registerCompletion(program, ctx);
  registerConfig(program, ctx);
  registerZookeeperLite(program, ctx);
}
