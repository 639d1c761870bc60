import { describe, expect, it } from 'vitest';
import type { JobGraph } from '../client/chronos-types.js';
import { drawLayout, statusText } from './job-graph-draw.js';
import { CycleError, layoutGraph } from './job-graph-layout.js';
import { listLines, renderGraph } from './job-graph.js';

const n = (name: string, lastState = 'success', state = 'idle') => ({ name, lastState, state });
const link = (parent: string, child: string) => ({ parent, child });

describe('layoutGraph', () => {
  it('layers by longest path, dummies where an edge skips a layer', () => {
    const layout = layoutGraph({ nodes: [n('a'), n('b'), n('c')], links: [link('a', 'b'), link('b', 'c'), link('a', 'c')] });
    expect(layout.layers.map((l) => l.map((i) => i.key))).toEqual([['a'], ['b', 'a→c@1'], ['c']]);
    expect(layout.layers[2]![0]!.from).toEqual(['b', 'a→c@1']);
  });

  it('isolated jobs are set aside unless asked for; unknown link ends become nodes', () => {
    const g = { nodes: [n('a'), n('lonely')], links: [link('a', 'ghost')] };
    expect(layoutGraph(g).isolated.map((x) => x.name)).toEqual(['lonely']);
    expect(layoutGraph(g).layers[1]![0]!.node).toEqual({ name: 'ghost', lastState: '?', state: '?' });
    expect(layoutGraph(g, true).layers[0]!.map((i) => i.key)).toEqual(['a', 'lonely']);
  });

  it('a cycle is reported, never drawn', () => {
    expect(() => layoutGraph({ nodes: [], links: [link('a', 'b'), link('b', 'a'), link('r', 'a')] })).toThrow(CycleError);
  });
});

describe('drawLayout', () => {
  it('a chain is one straight row of boxes and arrows', () => {
    const out = drawLayout(layoutGraph({ nodes: [n('extract'), n('load', 'failure', 'running')], links: [link('extract', 'load')] }), 80);
    expect(out).toBe(
      [
        '┌───────────┐   ┌────────────────────┐',
        '│ extract   ├──▶│ load               │',
        '│ ✓ success │   │ ✗ failure, running │',
        '└───────────┘   └────────────────────┘',
        '',
      ].join('\n'),
    );
  });

  it('fan-out forks from one lane; fan-in gets one arrow per parent; crossings are ┼', () => {
    const g: JobGraph = { nodes: [n('a'), n('b'), n('c'), n('d')], links: [link('a', 'd'), link('b', 'c'), link('a', 'c'), link('b', 'd')] };
    expect(drawLayout(layoutGraph(g), 80)).toBe(
      [
        '┌───────────┐       ┌───────────┐',
        '│ a         ├─┬────▶│ c         │',
        '│ ✓ success │ │     │ ✓ success │',
        '└───────────┘ │     │           │',
        '              │     │           │',
        '┌───────────┐ │     │           │',
        '│ b         ├─┼─┬──▶│           │',
        '│ ✓ success │ │ │   └───────────┘',
        '└───────────┘ │ │',
        '              │ │   ┌───────────┐',
        '              └─┼──▶│ d         │',
        '                └──▶│ ✓ success │',
        '                    └───────────┘',
        '',
      ].join('\n'),
    );
  });

  it('every row of every layout keeps each gap row to one source (no merged lines)', () => {
    // A denser DAG: draw it and check that arrows equal edges into real jobs.
    const links = [link('a', 'c'), link('a', 'd'), link('b', 'c'), link('b', 'e'), link('c', 'f'), link('d', 'f'), link('e', 'f'), link('a', 'f')];
    const g: JobGraph = { nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => n(x)), links };
    const out = drawLayout(layoutGraph(g), 200)!;
    expect(out.split('▶').length - 1).toBe(links.length);
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) expect(out).toContain(`│ ${name} `);
  });

  it('too wide for the terminal: undefined', () => {
    expect(drawLayout(layoutGraph({ nodes: [], links: [link('a', 'b'), link('b', 'c')] }), 20)).toBeUndefined();
  });
});

describe('renderGraph', () => {
  const g: JobGraph = { nodes: [n('a'), n('b', 'fresh'), n('solo'), n('solo2', 'failure')], links: [link('a', 'b')] };
  it('lists jobs without dependencies after the drawing', () => {
    const out = renderGraph(g, { width: 80, all: false, list: false });
    expect(out).toContain('│ a         ├──▶│ b       │');
    expect(out.endsWith('\n2 jobs without dependencies: solo, solo2 (--all draws them)\n')).toBe(true);
  });
  it('falls back to "parent ──▶ children" lines when narrow, or with --list', () => {
    expect(renderGraph(g, { width: 10, all: false, list: false }).split('\n')[0]).toBe('a (✓ success) ──▶ b (· fresh)');
    expect(listLines({ nodes: [], links: [link('p', 'x'), link('p', 'y'), link('p', 'x')] })).toEqual(['p ──▶ x, y']);
  });
  it('no jobs, no links, a cycle', () => {
    expect(renderGraph({ nodes: [], links: [] }, { width: 80, all: false, list: false })).toBe('No jobs.\n');
    expect(renderGraph({ nodes: [n('x')], links: [] }, { width: 80, all: false, list: false })).toBe('No dependencies between jobs.\n\n1 job without dependencies: x (--all draws them)\n');
    expect(renderGraph({ nodes: [], links: [link('a', 'b'), link('b', 'a')] }, { width: 80, all: false, list: false })).toMatch(/^warning: the dependency graph has a cycle through a, b/);
  });
  it('status text', () => {
    expect(statusText(n('x', 'failure', 'queued'))).toBe('✗ failure, queued');
    expect(statusText(n('x', '', 'idle'))).toBe('· fresh');
  });
});
