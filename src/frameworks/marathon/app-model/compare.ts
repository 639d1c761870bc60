/** Scale vs restart (upstream `AppDefinition.isUpgrade` / `isOnlyScaleChange`, marathon-chronos-api.md §2.2). */
import { appToJson } from './to-json.js';
import type { AppDefinition } from './types.js';

function config(app: AppDefinition): string {
  const { instances: _i, version: _v, versionInfo: _vi, ...rest } = appToJson(app);
  return JSON.stringify(rest);
}

/** The definition changed beyond `instances` (a new version that needs a rolling restart). */
export function isUpgrade(from: AppDefinition, to: AppDefinition): boolean {
  return config(from) !== config(to);
}

/** Only `instances` changed: a scale (versionInfo.lastScalingAt moves, lastConfigChangeAt does not). */
export function isOnlyScaleChange(from: AppDefinition, to: AppDefinition): boolean {
  return !isUpgrade(from, to) && from.instances !== to.instances;
}
