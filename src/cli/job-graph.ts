/**
 * `tsmesos job graph`: the dependency DAG from `GET /v1/scheduler/graph/csv` (`node,<name>,
 * <lastState>,<state>` and `link,<parent>,<child>` lines, marathon-chronos-api.md §4) drawn in the
 * terminal as layered boxes and arrows (job-graph-draw.ts), or as `parent ──▶ child` lines when the
 * drawing does not fit the terminal (or with `--list`).
 */
import type { Command } from 'commander';
import type { GraphNode, JobGraph } from '../client/chronos-types.js';
import type { CliContext } from './context.js';
import { drawLayout, statusText } from './job-graph-draw.js';
import { CycleError, type Layout, layoutGraph } from './job-graph-layout.js';
import { addChronosOption, type ChronosOption, chronosFor } from './job-common.js';
import { asUserError } from './master-address.js';
import { terminalWidth } from './output/table.js';

interface GraphOptions extends ChronosOption {
  json?: boolean;
  all?: boolean;
  list?: boolean;
}

export function registerJobGraph(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('graph')
      .description('Draw the job dependency graph: parents on the left, arrows to the jobs that run after them.')
      .option('-a, --all', 'also draw jobs with no parents and no dependents')
      .option('--list', 'print "parent ──▶ children" lines instead of boxes')
      .option('--json', 'print {"nodes": [{name, lastState, state}], "links": [{parent, child}]}'),
  )
    .addHelpText(
      'after',
      `
Each box shows the job's last result (✓ success, ✗ failure, · fresh) and its state when not idle.
A drawing wider than the terminal is printed as lines instead.

Examples:
  $ tsmesos job graph
  $ tsmesos job graph --all --chronos=10.0.0.1:4400
  $ tsmesos job graph --json | jq '.links | length'`,
    )
    .action(async (opts: GraphOptions) => {
      const graph = await chronosFor(ctx, opts.chronos).graph().catch(asUserError);
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify(graph, null, 2)}\n`);
      ctx.stdout.write(renderGraph(graph, { width: terminalWidth(ctx.stdout, ctx.env), all: opts.all === true, list: opts.list === true }));
    });
}

/** The whole `job graph` output: the drawing (or lines), then the jobs left out. */
export function renderGraph(graph: JobGraph, opts: { width: number; all: boolean; list: boolean }): string {
  if (graph.nodes.length === 0 && graph.links.length === 0) return 'No jobs.\n';
  let layout: Layout;
  try {
    layout = layoutGraph(graph, opts.all);
  } catch (e) {
    if (!(e instanceof CycleError)) throw e;
    return `warning: ${e.message}; Chronos should have refused it. The links:\n${listLines(graph).join('\n')}\n`;
  }
  let out = '';
  if (layout.layers.length) out = (opts.list ? undefined : drawLayout(layout, opts.width)) ?? `${listLines(graph).join('\n')}\n`;
  else out = 'No dependencies between jobs.\n';
  if (layout.isolated.length) {
    const names = layout.isolated.map((n) => n.name);
    const shown = names.length > 20 ? `${names.slice(0, 20).join(', ')}, … (${names.length - 20} more)` : names.join(', ');
    out += `\n${names.length} job${names.length === 1 ? '' : 's'} without dependencies: ${shown} (--all draws them)\n`;
  }
  return out;
}

/** `parent (✓ success) ──▶ child1 (· fresh), child2 (✗ failure)`, parents in name order. */
export function listLines(graph: JobGraph): string[] {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const label = (name: string) => {
    const n: GraphNode | undefined = byName.get(name);
    return n ? `${name} (${statusText(n)})` : name;
  };
  const children = new Map<string, string[]>();
  for (const { parent, child } of graph.links) children.set(parent, [...new Set([...(children.get(parent) ?? []), child])]);
  return [...children.keys()].sort().map((p) => `${label(p)} ──▶ ${children.get(p)!.map(label).join(', ')}`);
}
