/**
 * Reading an upstream `zoo.cfg` (a Java properties file: `key=value`, `#` comments). Only the keys in
 * `ZOO_CFG_KEYS` matter to a standalone server; the rest (initLimit, server.N, autopurge...) are
 * reported so the operator knows they were ignored.
 * @module
 */
import { readFileSync } from 'node:fs';
import { ZOO_CFG_KEYS } from './flags.js';

export class ZooCfgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZooCfgError';
    Object.setPrototypeOf(this, ZooCfgError.prototype);
  }
}

export interface ZooCfg {
  /** Flag name → value, for the keys we honour. */
  flags: Record<string, string>;
  ignored: string[];
}

export function parseZooCfg(text: string, path = 'zoo.cfg'): ZooCfg {
  const flags: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (!m) throw new ZooCfgError(`${path}:${i + 1}: expected key=value, got '${line}'`);
    const [, key, value] = m as unknown as [string, string, string];
    const flag = ZOO_CFG_KEYS[key];
    if (flag) flags[flag] = value.trim();
    else ignored.push(key);
  }
  return { flags, ignored };
}

export function readZooCfg(path: string): ZooCfg {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ZooCfgError(`${path}: can not read: ${(e as Error).message}`);
  }
  return parseZooCfg(text, path);
}
