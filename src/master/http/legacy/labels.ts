/**
 * Small legacy-model conversions (upstream `src/common/http.cpp` `json(Labels)`, `json(Attributes)`,
 * `json(CommandInfo)`): the model JSON flattens what v1 JSON nests.
 */
import type { AttributeV1, CommandInfoV1, LabelsV1 } from '../../../protocol/v1/types.js';

/** Legacy labels are a bare array of `{key, value}`; v1 wraps the same array in `{labels: [...]}`. */
export function legacyLabels(labels: LabelsV1 | undefined): Array<{ key: string; value?: string }> | undefined {
  if (labels?.labels === undefined) return undefined;
  return labels.labels.map((l) => (l.value === undefined ? { key: l.key } : { key: l.key, value: l.value }));
}

function formatScalar(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * Attributes as the flat object dashboards read (`{"rack":"r1","zone":2}`): TEXT as string, SCALAR as
 * number, RANGES as `"[a-b, c-d]"`, SET as `"{a, b}"` — the same text forms as flat resources.
 */
export function flattenAttributes(attrs: readonly AttributeV1[] | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const a of attrs ?? []) {
    if (a.type === 'TEXT') out[a.name] = a.text?.value ?? '';
    else if (a.type === 'SCALAR') out[a.name] = formatScalar(a.scalar?.value ?? 0);
    else if (a.type === 'RANGES') out[a.name] = `[${(a.ranges?.range ?? []).map((r) => `${r.begin}-${r.end}`).join(', ')}]`;
    else if (a.type === 'SET') out[a.name] = `{${(a.set?.item ?? []).join(', ')}}`;
  }
  return out;
}

/** Legacy CommandInfo: `argv` instead of `arguments`, `uris` always present. */
export function legacyCommand(cmd: CommandInfoV1 | undefined): Record<string, unknown> | undefined {
  if (cmd === undefined) return undefined;
  const out: Record<string, unknown> = {};
  if (cmd.shell !== undefined) out.shell = cmd.shell;
  if (cmd.value !== undefined) out.value = cmd.value;
  if (cmd.arguments !== undefined) out.argv = cmd.arguments;
  if (cmd.environment !== undefined) out.environment = cmd.environment;
  if (cmd.user !== undefined) out.user = cmd.user;
  out.uris = cmd.uris ?? [];
  return out;
}
