/**
 * `tsmesos zookeeper-lite` flags: upstream `zoo.cfg` settings under snake_case flag names
 * (`clientPort` → `--port`, `tickTime` → `--tick_time`, ...). Session timeout bounds default to 2 and 20
 * ticks, as upstream derives them when `minSessionTimeout`/`maxSessionTimeout` are unset.
 * @module
 */
import type { FlagSpec } from '../cli/flags/flag-spec.js';

export const ZOOKEEPER_LITE_FLAGS: FlagSpec[] = [
  { name: 'ip', type: 'string', default: '127.0.0.1', help: 'address to listen on (zoo.cfg clientPortAddress)' },
  { name: 'port', type: 'int', default: '2181', help: 'client port, 0 picks a free one (zoo.cfg clientPort)' },
  { name: 'data_dir', type: 'string', default: '/tmp/zookeeper', help: 'where the transaction log and snapshots live (zoo.cfg dataDir)' },
  { name: 'tick_time', type: 'int', default: '2000', help: 'basic time unit in ms (zoo.cfg tickTime)' },
  { name: 'min_session_timeout', type: 'int', help: 'smallest session timeout granted, ms (default 2 x tick_time)' },
  { name: 'max_session_timeout', type: 'int', help: 'largest session timeout granted, ms (default 20 x tick_time)' },
  { name: 'snapshot_count', type: 'int', default: '100000', help: 'transactions between snapshots (zoo.cfg snapCount)' },
  { name: 'zoo_cfg', type: 'string', help: 'read settings from this upstream zoo.cfg file (explicit flags win)' },
  { name: 'log_dir', type: 'string', help: 'write logs to this directory instead of stderr' },
  { name: 'quiet', type: 'bool', default: 'false', help: 'log warnings and errors only' },
];

/** zoo.cfg keys we honour, and the flag each one feeds. */
export const ZOO_CFG_KEYS: Record<string, string> = {
  clientPort: 'port',
  clientPortAddress: 'ip',
  dataDir: 'data_dir',
  tickTime: 'tick_time',
  minSessionTimeout: 'min_session_timeout',
  maxSessionTimeout: 'max_session_timeout',
  snapCount: 'snapshot_count',
};
