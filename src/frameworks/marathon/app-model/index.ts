/** The Marathon app model: types, parsing/validation, wire JSON, path ids. */
export * from './types.js';
export { parseApp, type ParseOptions } from './normalize.js';
export { isOnlyScaleChange, isUpgrade } from './compare.js';
export { appToJson, healthCheckToJson } from './to-json.js';
export { ancestorsOf, canonicalPath, fromSafePath, parentOf, pathIdErrors, resolvePath, safePath, toHostname } from './path-id.js';
export { APP_DEFAULTS, HEALTH_CHECK_DEFAULTS, READINESS_CHECK_DEFAULTS } from './defaults.js';
export { portCount } from './validate.js';
