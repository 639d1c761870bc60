import { describe, expect, it } from 'vitest';
import { DagError, checkDeletable, childrenOf, rootsOf, sharesRoot, toCsv, toDot, validateNode, type DagNode } from './dag.js';
import { ANY_WORKFLOW, NO_PENDING, parentSucceeded } from './dag-runs.js';

function graph(...nodes: Array<[string, string[]]>): Map<string, DagNode> {
  return new Map(nodes.map(([name, parents]) => [name, { name, parents }]));
}

// a → b → d, a → c → d; x → z, y → z
const g = graph(['a', []], ['b', ['a']], ['c', ['a']], ['d', ['b', 'c']], ['x', []], ['y', []], ['z', ['x', 'y']]);

describe('validateNode', () => {
  it('accepts a child of existing jobs and a replacement that keeps the DAG acyclic', () => {
    expect(() => validateNode(g, { name: 'e', parents: ['d', 'z'] })).not.toThrow();
    expect(() => validateNode(g, { name: 'c', parents: ['b'] })).not.toThrow();
  });
  it('refuses missing parents, naming them', () => {
    expect(() => validateNode(g, { name: 'e', parents: ['a', 'nope', 'gone'] })).toThrow(/parent jobs 'nope', 'gone' do not exist/);
    expect(() => validateNode(g, { name: 'e', parents: ['nope'] })).toThrow(DagError);
  });
  it('refuses a self-parent, a duplicate parent and cycles, showing the cycle', () => {
    expect(() => validateNode(g, { name: 'a', parents: ['a'] })).toThrow(/can not be its own parent/);
    expect(() => validateNode(g, { name: 'e', parents: ['a', 'a'] })).toThrow(/listed twice/);
    expect(() => validateNode(g, { name: 'a', parents: ['d'] })).toThrow(/would make a cycle: a -> b -> d -> a|a -> c -> d -> a/);
    expect(() => validateNode(g, { name: 'b', parents: ['c', 'd'] })).toThrow(/cycle: b -> d -> b/);
  });
});

describe('graph queries and exports', () => {
  it('lists children, refuses to delete a parent and finds roots', () => {
    expect(childrenOf(g, 'a')).toEqual(['b', 'c']);
    expect(() => checkDeletable(g, 'a')).toThrow("job 'a' can not be deleted: jobs 'b', 'c' depend on it");
    expect(() => checkDeletable(g, 'd')).not.toThrow();
    expect([...rootsOf(g, 'd')]).toEqual(['a']);
    expect(sharesRoot(g, 'd')).toBe(true);
    expect(sharesRoot(g, 'z')).toBe(false);
  });
  it('writes DOT and CSV as upstream does', () => {
    const small = graph(['p', []], ['q', ['p']]);
    expect(toDot(small)).toBe('digraph G {\n  1 [ label = "p" ];\n  2 [ label = "q" ];\n  1 -> 2;\n}\n');
    expect(toCsv(small, (n) => ({ lastState: n === 'p' ? 'success' : 'fresh', state: 'idle' }))).toBe('node,p,success,idle\nnode,q,fresh,idle\nlink,p,q\n');
  });
});

describe('parentSucceeded (run-scoped triggering)', () => {
  it('fires a single-parent child on every success, in the parent workflow', () => {
    expect(parentSucceeded(g, 'b', 'a', 'w1', NO_PENDING, 0).fire).toEqual({ workflowId: 'w1' });
  });
  it('fires a diamond child once both parents succeeded in the same workflow only', () => {
    let p = parentSucceeded(g, 'd', 'b', 'w1', NO_PENDING, 0);
    expect(p.fire).toBeUndefined();
    p = parentSucceeded(g, 'd', 'c', 'w2', p.pending, 1); // another workflow: not enough
    expect(p.fire).toBeUndefined();
    expect(p.pending.workflows.map((w) => [w.key, w.parents])).toEqual([['w1', ['b']], ['w2', ['c']]]);
    p = parentSucceeded(g, 'd', 'c', 'w1', p.pending, 2);
    expect(p.fire).toEqual({ workflowId: 'w1' });
    expect(p.pending.workflows.map((w) => w.key)).toEqual(['w2']);
  });
  it('falls back to "all parents since the last trigger" when parents share no root', () => {
    let p = parentSucceeded(g, 'z', 'x', 'wx', NO_PENDING, 0);
    expect(p.pending.workflows[0]!.key).toBe(ANY_WORKFLOW);
    p = parentSucceeded(g, 'z', 'x', 'wx2', p.pending, 1);
    expect(p.fire).toBeUndefined();
    p = parentSucceeded(g, 'z', 'y', 'wy', p.pending, 2);
    expect(p.fire).toEqual({});
    expect(p.pending.workflows).toEqual([]);
  });
  it('ignores a job that is not a parent of the child', () => {
    expect(parentSucceeded(g, 'd', 'x', 'w', NO_PENDING, 0)).toEqual({ pending: NO_PENDING });
  });
});
