/**
 * `tsmesos app …`: Marathon apps from the terminal, against `tsmesos marathon` (or a real Marathon
 * 1.x) at `--marathon` (service-address.ts). Deploying commands follow their deployment with live
 * progress unless `--no-wait`. One file per group of subcommands.
 */
import type { Command } from 'commander';
import { registerAppAdd, registerAppUpdate } from './app-add.js';
import { registerAppDeployments, registerAppRollback } from './app-deployments.js';
import { registerAppList } from './app-list.js';
import { registerAppDestroy, registerAppRestart, registerAppScale } from './app-scale.js';
import { registerAppShow } from './app-show.js';
import { registerAppKill, registerAppTasks } from './app-tasks.js';
import type { CliContext } from './context.js';

export function registerApp(program: Command, ctx: CliContext): void {
  const app = program
    .command('app')
    .summary('Marathon apps: list, show, add, update, scale, restart, destroy, tasks, kill, deployments, rollback')
    .description(
      'Long-running apps on Marathon mode (`tsmesos marathon`) or any Marathon 1.x. The address comes from ' +
        '--marathon, else TSMESOS_MARATHON or MARATHON_URL, else [marathon] address in the config file, else 127.0.0.1:8080.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app add -f test.json              create an app and watch it deploy
  $ tsmesos app list
  $ tsmesos app show /test                    tasks, last failure, why it is not launching
  $ tsmesos app scale /test 5
  $ tsmesos app restart /test --no-wait
  $ tsmesos app rollback <deployment id>`,
    );
  registerAppList(app, ctx);
  registerAppShow(app, ctx);
  registerAppAdd(app, ctx);
  registerAppUpdate(app, ctx);
  registerAppScale(app, ctx);
  registerAppRestart(app, ctx);
  registerAppDestroy(app, ctx);
  registerAppTasks(app, ctx);
  registerAppKill(app, ctx);
  registerAppDeployments(app, ctx);
  registerAppRollback(app, ctx);
}
