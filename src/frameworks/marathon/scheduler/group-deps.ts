/**
 * Dependencies as planning sees them (upstream `RootGroup.dependencyGraph`): an app depends on what
 * it names and on what its enclosing groups name; a named group stands for every app under it.
 * The stored definitions keep only their own `dependencies`.
 * @module
 */
import type { AppDefinition } from '../app-model/types.js';
import { ancestorsOf } from '../app-model/path-id.js';
import type { GroupRecord } from '../store.js';

function under(path: string, id: string): boolean {
  return id === path || id.startsWith(path === '/' ? '/' : `${path}/`);
}

export function withGroupDependencies(apps: Map<string, AppDefinition>, groups: ReadonlyMap<string, GroupRecord>): Map<string, AppDefinition> {
  const expand = (dep: string, self: string): string[] => {
    if (apps.has(dep)) return [dep];
    return [...apps.keys()].filter((id) => id !== self && under(dep, id) && !under(dep, self));
  };
  const out = new Map<string, AppDefinition>();
  for (const [id, app] of apps) {
    const named = [...app.dependencies, ...ancestorsOf(id).flatMap((g) => groups.get(g)?.dependencies ?? [])];
    if (named.length === 0) {
      out.set(id, app);
      continue;
    }
    const deps = [...new Set(named.flatMap((d) => expand(d, id)))].sort();
    out.set(id, { ...app, dependencies: deps });
  }
  return out;
}
