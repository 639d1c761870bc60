/** `tsmesos agent` flags, with upstream names and defaults (mesos `docs/configuration/agent.md`). */
import type { FlagSpec } from '../cli/flags/flag-spec.js';

export const AGENT_FLAGS: FlagSpec[] = [
  { name: 'master', type: 'string', help: 'the master: host:port, or zk://host:2181[,host:2181]/mesos to follow the elected leader' },
  { name: 'ip', type: 'string', default: '127.0.0.1', help: 'IP address to listen on' },
  { name: 'port', type: 'int', default: '5051', help: 'port to listen on (0 picks a free one)' },
  { name: 'hostname', type: 'string', help: 'hostname the agent advertises (default: the --ip)' },
  { name: 'work_dir', type: 'string', valueName: 'dir', help: 'sandboxes and checkpoints live here (required)' },
  { name: 'resources', type: 'string', help: 'e.g. "cpus:4;mem:4096;disk:10000;ports:[31000-32000]"; detected when absent' },
  { name: 'attributes', type: 'string', help: 'e.g. "rack:r1;zone:2"' },
  { name: 'default_role', type: 'string', default: '*', help: 'role of detected resources' },
  { name: 'containerizers', type: 'string', default: 'mesos', help: 'comma-separated, in order: mesos, docker (the first that accepts a task runs it)' },
  { name: 'isolation', type: 'string', default: 'posix/cpu,posix/mem', help: 'posix/cpu,posix/mem or cgroups/cpu,cgroups/mem' },
  { name: 'cgroups_enable_cfs', type: 'bool', default: 'false', help: 'enforce CPU limits with CFS quota (cgroups/cpu)' },
  { name: 'switch_user', type: 'bool', default: 'true', help: "run tasks as the task's or framework's user" },
  { name: 'executor_registration_timeout', type: 'duration', default: '1mins', help: 'a task that does not start within this fails' },
  { name: 'executor_shutdown_grace_period', type: 'duration', default: '5secs', help: 'grace for executors on shutdown' },
  { name: 'recover', type: 'string', default: 'reconnect', choices: ['reconnect', 'cleanup'], help: 'after a restart: reconnect to running tasks, or kill them' },
  { name: 'strict', type: 'bool', default: 'true', help: 'fail to start when recovery finds inconsistent checkpoints' },
  { name: 'registration_backoff_factor', type: 'duration', default: '1secs', help: 'random backoff ceiling for (re)registration, doubled up to 1 min' },
  { name: 'docker', type: 'string', default: 'docker', help: 'the docker CLI (only reported at start: tsmesos talks to the engine API)' },
  { name: 'docker_socket', type: 'string', default: '/var/run/docker.sock', valueName: 'file', help: 'the Docker engine socket (DOCKER_HOST wins while this is at its default)' },
  { name: 'docker_kill_orphans', type: 'bool', default: 'true', help: "on recovery, remove this agent's Docker containers it does not know" },
  { name: 'docker_stop_timeout', type: 'duration', default: '0secs', help: 'deprecated: minimum grace between SIGTERM and SIGKILL for Docker tasks (use kill policies)' },
  { name: 'log_dir', type: 'string', valueName: 'dir', help: 'write logs to this directory instead of stderr' },
  { name: 'quiet', type: 'bool', default: 'false', help: 'log warnings and errors only' },
];
