/**
 * `tsmesos app scale <id> <n>` (`PUT /v2/apps/{id}` with `{"instances": n}`), `tsmesos app restart
 * <id>` (`POST /v2/apps/{id}/restart`, a rolling restart honouring the upgrade strategy) and
 * `tsmesos app destroy <id>` (`DELETE /v2/apps/{id}`). Each is a Marathon deployment, followed
 * until it is over unless `--no-wait`.
 */
import type { Command } from 'commander';
import { canonicalAppId } from '../client/marathon-client.js';
import { type DeployOptions, addDeployOptions, marathonFor, parseCount } from './app-common.js';
import { finishDeployment } from './app-deploy.js';
import type { CliContext } from './context.js';
import { asUserError } from './master-address.js';

export function registerAppScale(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('scale')
      .description('Set the number of instances of an app (0 suspends it) and follow the deployment.')
      .argument('<id>', 'app id, e.g. /test')
      .argument('<instances>', 'the new number of instances', parseCount('instances')),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app scale /test 5
  $ tsmesos app scale /test 0               suspend: kill all tasks, keep the app
  $ tsmesos app scale /test 3 --no-wait --json`,
    )
    .action(async (id: string, instances: number, opts: DeployOptions) => {
      const client = marathonFor(ctx, opts.marathon);
      const result = await client.updateApp(id, { instances }, { force: opts.force === true }).catch(asUserError);
      await finishDeployment(ctx, client, result, [canonicalAppId(id)], opts, `Scaled ${canonicalAppId(id)} to ${instances}`);
    });
}

export function registerAppRestart(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('restart')
      .description('Restart all tasks of an app as a rolling deployment (upgradeStrategy decides how many at a time).')
      .argument('<id>', 'app id, e.g. /test'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app restart /test
  $ tsmesos app restart /test --force       even while another deployment holds the app`,
    )
    .action(async (id: string, opts: DeployOptions) => {
      const client = marathonFor(ctx, opts.marathon);
      const result = await client.restartApp(id, opts.force === true).catch(asUserError);
      await finishDeployment(ctx, client, result, [canonicalAppId(id)], opts, `Restarted ${canonicalAppId(id)}`);
    });
}

export function registerAppDestroy(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('destroy')
      .description('Kill all tasks of an app and remove it from Marathon.')
      .argument('<id>', 'app id, e.g. /test'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app destroy /test
  $ tsmesos app destroy /test --no-wait`,
    )
    .action(async (id: string, opts: DeployOptions) => {
      const client = marathonFor(ctx, opts.marathon);
      const result = await client.deleteApp(id, opts.force === true).catch(asUserError);
      await finishDeployment(ctx, client, result, [canonicalAppId(id)], opts, `Destroyed ${canonicalAppId(id)}`);
    });
}
