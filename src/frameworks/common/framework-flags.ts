/**
 * Flags `tsmesos marathon` and `tsmesos chronos` share, with upstream names (Marathon
 * `AllConf`/`ZookeeperConf`/`HttpConf`, Chronos `SchedulerConfiguration`). Each daemon appends its
 * own flags. Time flags keep upstream units: `failover_timeout` in seconds, `zk_session_timeout`
 * and `zk_timeout` in milliseconds.
 * @module
 */
import type { FlagSpec } from '../../cli/flags/flag-spec.js';

export function frameworkFlags(d: { httpPort: string; frameworkName: string; zkPath: string }): FlagSpec[] {
  return [
    { name: 'master', type: 'string', help: 'the Mesos master: host:port or zk://host:port/mesos (required)' },
    {
      name: 'zk',
      type: 'string',
      default: `zk://localhost:2181${d.zkPath}`,
      help: 'ZooKeeper URL where state and leader election live: zk://host1:port1,host2:port2/path',
    },
    { name: 'http_port', type: 'int', default: d.httpPort, help: 'HTTP API port (0 picks a free one)' },
    { name: 'http_address', type: 'string', default: '127.0.0.1', help: 'address the HTTP API listens on' },
    { name: 'hostname', type: 'string', help: 'hostname advertised to the master and to other instances (default: the --http_address)' },
    { name: 'framework_name', type: 'string', default: d.frameworkName, help: 'framework name registered with Mesos' },
    { name: 'mesos_role', type: 'string', default: '*', help: 'Mesos role the framework registers with' },
    { name: 'mesos_user', type: 'string', help: 'Unix user tasks run as when they name none (default: the user running this)' },
    {
      name: 'failover_timeout',
      type: 'int',
      default: '604800',
      help: 'seconds the master keeps the framework and its tasks while no instance is connected',
    },
    { name: 'zk_session_timeout', type: 'int', default: '10000', help: 'ZooKeeper session timeout in milliseconds' },
    { name: 'zk_timeout', type: 'int', default: '10000', help: 'ZooKeeper operation timeout in milliseconds' },
    { name: 'log_dir', type: 'string', valueName: 'dir', help: 'write logs to this directory instead of stderr' },
    { name: 'quiet', type: 'bool', default: 'false', help: 'log warnings and errors only' },
  ];
}
