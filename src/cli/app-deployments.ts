/**
 * `tsmesos app deployments` (`GET /v2/deployments`: the running ones) and `tsmesos app rollback
 * <deploymentId>` (`DELETE /v2/deployments/{id}`: Marathon starts a new deployment that reverts the
 * change, which is followed; `--force` only cancels, answered 202 with no body).
 */
import type { Command } from 'commander';
import type { Deployment } from '../client/marathon-types.js';
import { type DeployOptions, addDeployOptions, addMarathonOption, type MarathonOption, marathonFor, printJson } from './app-common.js';
import { finishDeployment } from './app-deploy.js';
import { DEPLOYMENT_COLUMNS, deploymentCells } from './app-rows.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { asUserError } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';

export function registerAppDeployments(app: Command, ctx: CliContext): void {
  addMarathonOption(
    app
      .command('deployments')
      .description('List running deployments: ID, APPS, STEP (current/total), ACTIONS of the current step, STARTED.')
      .option('--json', 'print Marathon\'s deployment objects as a JSON array'),
  )
    .addHelpText(
      'after',
      `
A finished deployment is no longer listed (Marathon forgets it).

Examples:
  $ tsmesos app deployments
  $ tsmesos app deployments --json | jq -r '.[].id'
  $ tsmesos app rollback <ID>                    undo one`,
    )
    .action(async (opts: MarathonOption & { json?: boolean }) => {
      const deployments = await marathonFor(ctx, opts.marathon).deployments().catch(asUserError);
      if (opts.json) return printJson(ctx, deployments);
      const now = Date.now();
      ctx.stdout.write(renderTable(DEPLOYMENT_COLUMNS, deployments.map((d) => deploymentCells(d, now)), terminalWidth(ctx.stdout, ctx.env)));
    });
}

export function registerAppRollback(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('rollback')
      .description('Roll a running deployment back: Marathon reverts its apps with a new deployment. --force cancels it without reverting.')
      .argument('<deploymentId>', 'deployment id (or a unique prefix), from `tsmesos app deployments`'),
    'only cancel the deployment, leaving its apps as they are now (no revert)',
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app deployments
  $ tsmesos app rollback 5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43
  $ tsmesos app rollback 5ed4 --force            stop it where it is, no revert`,
    )
    .action(async (query: string, opts: DeployOptions) => {
      const client = marathonFor(ctx, opts.marathon);
      const dep = findDeployment(await client.deployments().catch(asUserError), query);
      const result = await client.rollback(dep.id, opts.force === true).catch(asUserError);
      const apps = dep.affectedApps ?? [];
      if (!result) {
        if (opts.json) return printJson(ctx, { deploymentId: dep.id, cancelled: true, apps });
        ctx.stdout.write(`Cancelled deployment ${dep.id} without rollback; ${apps.join(', ') || 'its apps'} stay as they are now\n`);
        return;
      }
      await finishDeployment(ctx, client, result, apps, opts, `Rolled back ${dep.id}`);
    });
}

export function findDeployment(deployments: Deployment[], query: string): Deployment {
  const exact = deployments.find((d) => d.id === query);
  if (exact) return exact;
  const hits = deployments.filter((d) => d.id.startsWith(query));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw new UserError(`${hits.length} deployments start with ${JSON.stringify(query)}: ${hits.map((d) => d.id).join(', ')}`, 'give more of the id');
  throw new UserError(`no running deployment ${JSON.stringify(query)}`, 'it may have finished already; see `tsmesos app deployments`');
}
