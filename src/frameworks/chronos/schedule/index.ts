export * from './types.js';
export { parseIso8601Schedule, formatIso8601Schedule } from './iso8601.js';
export { parseCron } from './cron.js';
export { nextFire, firesBetween, advanceIso } from './next-fire.js';
export { DueQueue } from './due-queue.js';
export { isValidTimeZone } from './zone.js';
