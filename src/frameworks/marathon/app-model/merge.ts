/**
 * PUT `partialUpdate=true` / PATCH: fields present in the update replace the stored ones whole
 * (upstream `AppUpdate` semantics); absent ones keep their values. Legacy fields in the update drop
 * the stored canonical field they stand for, and a switch away from host networking drops the stored
 * port definitions (the new mode gets its own defaults).
 */
import type { AppInput } from './input-schema.js';

export function mergeForUpdate(stored: AppInput, update: AppInput): AppInput {
  const merged: AppInput = { ...stored };
  for (const [k, v] of Object.entries(update) as Array<[keyof AppInput, unknown]>) {
    if (v !== undefined && k !== 'id' && k !== 'version') (merged as Record<string, unknown>)[k] = v;
  }
  if (update.ports !== undefined && update.portDefinitions === undefined) delete merged.portDefinitions;
  if (update.uris !== undefined && update.fetch === undefined) delete merged.fetch;
  const legacyNetwork = update.ipAddress !== undefined || update.container?.docker?.network !== undefined;
  if (legacyNetwork && update.networks === undefined) delete merged.networks;
  const newModes = legacyNetwork ? [update.container?.docker?.network === 'HOST' ? 'host' : 'other'] : (update.networks ?? []).map((n) => n.mode ?? 'container');
  const leavesHost = newModes.some((m) => m !== 'host');
  if (leavesHost && update.portDefinitions === undefined && update.ports === undefined) delete merged.portDefinitions;
  return merged;
}
