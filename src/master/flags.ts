/** `tsmesos master` flags, with upstream names and defaults (mesos `docs/configuration/master.md`). */
import type { FlagSpec } from '../cli/flags/flag-spec.js';

export const MASTER_FLAGS: FlagSpec[] = [
  { name: 'ip', type: 'string', default: '127.0.0.1', help: 'IP address to listen on' },
  { name: 'port', type: 'int', default: '5050', help: 'port to listen on (0 picks a free one)' },
  { name: 'hostname', type: 'string', help: 'hostname the master advertises (default: the --ip)' },
  { name: 'work_dir', type: 'string', valueName: 'dir', help: 'where the master keeps its registry and files' },
  {
    name: 'registry',
    type: 'string',
    default: 'in_memory',
    choices: ['in_memory', 'replicated_log'],
    help: 'registry persistence: in_memory, or replicated_log (kept in ZooKeeper under the --zk path; needs --zk)',
  },
  {
    name: 'zk',
    type: 'string',
    help: 'ZooKeeper URL for leader election: zk://host1:port1,host2:port2/path, zk://user:pass@host:port/path or file:///path',
  },
  { name: 'quorum', type: 'int', help: 'masters in a majority; required with --zk and --registry=replicated_log' },
  { name: 'zk_session_timeout', type: 'duration', default: '10secs', help: 'ZooKeeper session timeout' },
  {
    name: 'agent_reregister_timeout',
    type: 'duration',
    default: '10mins',
    help: 'after a failover, agents that do not re-register within this become unreachable',
  },
  { name: 'allocation_interval', type: 'duration', default: '1secs', help: 'time between batch allocations' },
  { name: 'offer_timeout', type: 'duration', help: 'rescind offers held longer than this (no default: never)' },
  { name: 'agent_ping_timeout', type: 'duration', default: '15secs', help: 'time to wait for an agent pong' },
  {
    name: 'max_agent_ping_timeouts',
    type: 'int',
    default: '5',
    help: 'missed pings before an agent is marked unreachable',
  },
  { name: 'max_completed_frameworks', type: 'int', default: '50', help: 'completed frameworks kept in memory' },
  {
    name: 'max_completed_tasks_per_framework',
    type: 'int',
    default: '1000',
    help: 'completed tasks kept per framework',
  },
  {
    name: 'max_unreachable_tasks_per_framework',
    type: 'int',
    default: '1000',
    help: 'unreachable tasks kept per framework',
  },
  { name: 'roles', type: 'string', help: 'comma-separated role whitelist (deprecated upstream; empty = any role)' },
  { name: 'weights', type: 'string', help: 'role weights, e.g. "dev=1.5,prod=3"' },
  { name: 'cluster', type: 'string', help: 'human-readable cluster name shown in state' },
  { name: 'log_dir', type: 'string', valueName: 'dir', help: 'write logs to this directory instead of stderr' },
  { name: 'quiet', type: 'bool', default: 'false', help: 'log warnings and errors only' },
];
