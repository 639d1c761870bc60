# fish completion for tsmesos. Generated from the commander tree (src/cli/registry.ts) by `npm run build && npm run gen:docs`; do not edit.
# Install: tsmesos completion fish > ~/.config/fish/completions/tsmesos.fish

# No file names unless an option or argument asks for them.
complete -c tsmesos -f

# tsmesos
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a agent -d 'run a Mesos agent (default), or list agents'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a completion -d 'print a shell completion script (bash, zsh or fish)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a config -d 'show, set and locate the config file (~/.mesos/config.toml)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a framework -d 'list and inspect frameworks'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a help -d 'display help for command'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a local -d 'run a whole local cluster (master + agent) in one process'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a master -d 'run a Mesos master (scheduler and operator APIs, DRF allocator)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a ps -d 'list tasks with cpu time and memory, like ps'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a task -d 'list tasks; read their stdout/stderr and sandbox files (cat, tail -f, ls)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a teardown -d 'tear a framework down: kill all its tasks and remove it'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a top -d 'live view of offers, agents, frameworks, tasks, apps and jobs'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -a zookeeper-lite -d 'run a single-node ZooKeeper-compatible server (client port 2181)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -s h -l help -d 'display help for command'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent completion config framework help local master ps task teardown top zookeeper-lite' -s V -l version -d 'print the tsmesos version'

# tsmesos agent
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and not __fish_seen_subcommand_from help list run' -a help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and not __fish_seen_subcommand_from help list run' -a list -d 'List agents: AGENT ID, HOSTNAME, ACTIVE and used/total CPUS and MEM'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and not __fish_seen_subcommand_from help list run' -a run -d 'run a Mesos agent: tasks in sandboxes, reliable status updates (default)'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and not __fish_seen_subcommand_from help list run' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and not __fish_seen_subcommand_from help list run' -s h -l help -d 'display help for command'

# tsmesos agent help
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from help' -a 'list run' -d 'command'

# tsmesos agent list
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from list' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from list' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from list' -l json -d 'print the rows as a JSON array'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from list' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos agent run
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l attributes -x -d 'e.g. "rack:r1;zone:2"; env MESOS_ATTRIBUTES'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l cgroups_enable_cfs -d 'enforce CPU limits with CFS quota (cgroups/cpu) (default: false); env MESOS_CGROUPS_ENABLE_CFS'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l containerizers -x -d 'comma-separated, in order: mesos, docker (the first that accepts a task runs it) (default: mesos); env MESOS_CONTAINERIZERS'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l default_role -x -d 'role of detected resources (default: *); env MESOS_DEFAULT_ROLE'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l docker -x -d 'the docker CLI (only reported at start: tsmesos talks to the engine API) (default: docker); env MESOS_DOCKER'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l docker_kill_orphans -d 'on recovery, remove this agent\'s Docker containers it does not know (default: true); env MESOS_DOCKER_KILL_ORPHANS'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l docker_socket -r -F -d 'the Docker engine socket (DOCKER_HOST wins while this is at its default) (default: /var/run/docker.sock); env MESOS_DOCKER_SOCKET'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l docker_stop_timeout -x -d 'deprecated: minimum grace between SIGTERM and SIGKILL for Docker tasks (use kill policies) (default: 0secs); env MESOS_DOCKER_STOP_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l executor_registration_timeout -x -d 'a task that does not start within this fails (default: 1mins); env MESOS_EXECUTOR_REGISTRATION_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l executor_shutdown_grace_period -x -d 'grace for executors on shutdown (default: 5secs); env MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l hostname -x -d 'hostname the agent advertises (default: the --ip); env MESOS_HOSTNAME'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l ip -x -d 'IP address to listen on (default: 127.0.0.1); env MESOS_IP'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l isolation -x -d 'posix/cpu,posix/mem or cgroups/cpu,cgroups/mem (default: posix/cpu,posix/mem); env MESOS_ISOLATION'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l log_dir -x -a '(__fish_complete_directories)' -d 'write logs to this directory instead of stderr; env MESOS_LOG_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l master -x -d 'the master: host:port, or zk://host:2181[,host:2181]/mesos to follow the elected leader; env MESOS_MASTER'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l port -x -d 'port to listen on (0 picks a free one) (default: 5051); env MESOS_PORT'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l quiet -d 'log warnings and errors only (default: false); env MESOS_QUIET'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l recover -x -a 'reconnect cleanup' -d 'after a restart: reconnect to running tasks, or kill them (default: reconnect); env MESOS_RECOVER'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l registration_backoff_factor -x -d 'random backoff ceiling for (re)registration, doubled up to 1 min (default: 1secs); env MESOS_REGISTRATION_BACKOFF_FACTOR'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l resources -x -d 'e.g. "cpus:4;mem:4096;disk:10000;ports:[31000-32000]"; detected when absent; env MESOS_RESOURCES'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l strict -d 'fail to start when recovery finds inconsistent checkpoints (default: true); env MESOS_STRICT'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l switch_user -d 'run tasks as the task\'s or framework\'s user (default: true); env MESOS_SWITCH_USER'
complete -c tsmesos -n '__fish_seen_subcommand_from agent; and __fish_seen_subcommand_from run' -l work_dir -x -a '(__fish_complete_directories)' -d 'sandboxes and checkpoints live here (required); env MESOS_WORK_DIR'

# tsmesos completion
complete -c tsmesos -n '__fish_seen_subcommand_from completion' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from completion' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from completion' -a 'bash fish zsh' -d 'the shell to print a completion script for'

# tsmesos config
complete -c tsmesos -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from help path set show' -a help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from help path set show' -a path -d 'Print the path of the config file in use (from --config, TSMESOS_CONFIG or the default)'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from help path set show' -a set -d 'Set a dotted key (master.address, agent.timeout…) in the config file, creating the file if needed'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from help path set show' -a show -d 'Print the config file as TOML (or --json) with where it came from and the master it resolves to'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from help path set show' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from help path set show' -s h -l help -d 'display help for command'

# tsmesos config help
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from help' -a 'path set show' -d 'command'

# tsmesos config path
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from path' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from path' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from path' -l json -d 'print {path, exists, source} as JSON'

# tsmesos config set
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from set' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from set' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from set' -l json -d 'print {path, key, value, created} as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from set' -l string -d 'store the value as a string even if it looks like a number or boolean'

# tsmesos config show
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from show' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from show' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from show' -l json -d 'print {path, exists, source, config, master} as JSON'

# tsmesos framework
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and not __fish_seen_subcommand_from help inspect list' -a help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and not __fish_seen_subcommand_from help inspect list' -a inspect -d 'Print one framework as JSON, without its task arrays'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and not __fish_seen_subcommand_from help inspect list' -a list -d 'List frameworks: ID, ACTIVE, HOSTNAME, NAME, TASKS and allocated CPUS and MEM'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and not __fish_seen_subcommand_from help inspect list' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and not __fish_seen_subcommand_from help inspect list' -s h -l help -d 'display help for command'

# tsmesos framework help
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from help' -a 'inspect list' -d 'command'

# tsmesos framework inspect
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from inspect' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from inspect' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from inspect' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos framework list
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from list' -s a -l all -d 'also list completed (torn down or removed) frameworks'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from list' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from list' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from list' -l json -d 'print the rows as a JSON array'
complete -c tsmesos -n '__fish_seen_subcommand_from framework; and __fish_seen_subcommand_from list' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos help
complete -c tsmesos -n '__fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from help' -a 'agent completion config framework local master ps task teardown top zookeeper-lite' -d 'command'

# tsmesos local
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l agent_port -x -d 'agent port'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l ip -x -d 'address to listen on'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l isolation -x -d 'agent isolation, e.g. cgroups/cpu,cgroups/mem'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l master_port -x -d 'master port'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l resources -x -d 'agent resources (detected when absent)'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l verbose -d 'log at info level to stderr'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l work_dir -x -a '(__fish_complete_directories)' -d 'where the cluster keeps its data (default ~/.mesos/local)'

# tsmesos master
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l agent_ping_timeout -x -d 'time to wait for an agent pong (default: 15secs); env MESOS_AGENT_PING_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l agent_reregister_timeout -x -d 'after a failover, agents that do not re-register within this become unreachable (default: 10mins); env MESOS_AGENT_REREGISTER_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l allocation_interval -x -d 'time between batch allocations (default: 1secs); env MESOS_ALLOCATION_INTERVAL'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l cluster -x -d 'human-readable cluster name shown in state; env MESOS_CLUSTER'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l hostname -x -d 'hostname the master advertises (default: the --ip); env MESOS_HOSTNAME'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l ip -x -d 'IP address to listen on (default: 127.0.0.1); env MESOS_IP'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l log_dir -x -a '(__fish_complete_directories)' -d 'write logs to this directory instead of stderr; env MESOS_LOG_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l max_agent_ping_timeouts -x -d 'missed pings before an agent is marked unreachable (default: 5); env MESOS_MAX_AGENT_PING_TIMEOUTS'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l max_completed_frameworks -x -d 'completed frameworks kept in memory (default: 50); env MESOS_MAX_COMPLETED_FRAMEWORKS'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l max_completed_tasks_per_framework -x -d 'completed tasks kept per framework (default: 1000); env MESOS_MAX_COMPLETED_TASKS_PER_FRAMEWORK'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l max_unreachable_tasks_per_framework -x -d 'unreachable tasks kept per framework (default: 1000); env MESOS_MAX_UNREACHABLE_TASKS_PER_FRAMEWORK'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l offer_timeout -x -d 'rescind offers held longer than this (no default: never); env MESOS_OFFER_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l port -x -d 'port to listen on (0 picks a free one) (default: 5050); env MESOS_PORT'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l quiet -d 'log warnings and errors only (default: false); env MESOS_QUIET'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l quorum -x -d 'masters in a majority; required with --zk and --registry=replicated_log; env MESOS_QUORUM'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l registry -x -a 'in_memory replicated_log' -d 'registry persistence: in_memory, or replicated_log (kept in ZooKeeper under the --zk path; needs --zk) (default: in_memory); env MESOS_REGISTRY'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l roles -x -d 'comma-separated role whitelist (deprecated upstream; empty = any role); env MESOS_ROLES'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l weights -x -d 'role weights, e.g. "dev=1.5,prod=3"; env MESOS_WEIGHTS'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l work_dir -x -a '(__fish_complete_directories)' -d 'where the master keeps its registry and files; env MESOS_WORK_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l zk -x -d 'ZooKeeper URL for leader election: zk://host1:port1,host2:port2/path, zk://user:pass@host:port/path or file:///path; env MESOS_ZK'
complete -c tsmesos -n '__fish_seen_subcommand_from master' -l zk_session_timeout -x -d 'ZooKeeper session timeout (default: 10secs); env MESOS_ZK_SESSION_TIMEOUT'

# tsmesos ps
complete -c tsmesos -n '__fish_seen_subcommand_from ps' -s a -l all -d 'also list completed and unreachable tasks'
complete -c tsmesos -n '__fish_seen_subcommand_from ps' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from ps' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from ps' -l json -d 'print the rows as a JSON array (raw numbers, never truncated)'
complete -c tsmesos -n '__fish_seen_subcommand_from ps' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos task
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -a cat -d 'Print a file from the task\'s sandbox: its stdout unless another file is named'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -a help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -a list -d 'List tasks: ID, STATE (of the last status update), FRAMEWORK, AGENT, EXECUTOR and NAME'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -a ls -d 'List the task\'s sandbox, or a directory in it, like ls -l: MODE, NLINK, UID, GID, SIZE, MTIME, NAME'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -a tail -d 'Print the last lines of a file from the task\'s sandbox (stdout by default); -f follows it'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and not __fish_seen_subcommand_from cat help list ls tail' -s h -l help -d 'display help for command'

# tsmesos task cat
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from cat' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from cat' -l framework -x -d 'only consider tasks of this framework (id, unique id prefix, or name)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from cat' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from cat' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos task help
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from help' -a 'cat list ls tail' -d 'command'

# tsmesos task list
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from list' -s a -l all -d 'also list completed tasks (finished, failed, killed, …)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from list' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from list' -l framework -x -d 'only consider tasks of this framework (id, unique id prefix, or name)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from list' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from list' -l json -d 'print the rows as a JSON array (never truncated)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from list' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos task ls
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from ls' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from ls' -l framework -x -d 'only consider tasks of this framework (id, unique id prefix, or name)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from ls' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from ls' -l json -d 'print the entries as a JSON array (sizes in bytes, mtime in epoch seconds)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from ls' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos task tail
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from tail' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from tail' -s f -l follow -d 'keep printing new output until Ctrl-C or the task ends'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from tail' -l framework -x -d 'only consider tasks of this framework (id, unique id prefix, or name)'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from tail' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from tail' -s n -l lines -x -d 'how many lines to print first'
complete -c tsmesos -n '__fish_seen_subcommand_from task; and __fish_seen_subcommand_from tail' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos teardown
complete -c tsmesos -n '__fish_seen_subcommand_from teardown' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from teardown' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from teardown' -l json -d 'print {"framework_id": …, "torn_down": true} instead of a sentence'
complete -c tsmesos -n '__fish_seen_subcommand_from teardown' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'

# tsmesos top
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400); feeds the Jobs view'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l json -d 'print one snapshot as JSON (agents, frameworks, tasks, offers) and exit'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080); feeds the Apps view'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l refresh -x -d 'how often the screen is redrawn: 250ms, 1secs, or seconds like 0.5'

# tsmesos zookeeper-lite
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l data_dir -x -d 'where the transaction log and snapshots live (zoo.cfg dataDir) (default: /tmp/zookeeper); env ZOOKEEPER_DATA_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l ip -x -d 'address to listen on (zoo.cfg clientPortAddress) (default: 127.0.0.1); env ZOOKEEPER_IP'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l log_dir -x -d 'write logs to this directory instead of stderr; env ZOOKEEPER_LOG_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l max_session_timeout -x -d 'largest session timeout granted, ms (default 20 x tick_time); env ZOOKEEPER_MAX_SESSION_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l min_session_timeout -x -d 'smallest session timeout granted, ms (default 2 x tick_time); env ZOOKEEPER_MIN_SESSION_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l port -x -d 'client port, 0 picks a free one (zoo.cfg clientPort) (default: 2181); env ZOOKEEPER_PORT'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l quiet -d 'log warnings and errors only (default: false); env ZOOKEEPER_QUIET'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l snapshot_count -x -d 'transactions between snapshots (zoo.cfg snapCount) (default: 100000); env ZOOKEEPER_SNAPSHOT_COUNT'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l tick_time -x -d 'basic time unit in ms (zoo.cfg tickTime) (default: 2000); env ZOOKEEPER_TICK_TIME'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -l zoo_cfg -x -d 'read settings from this upstream zoo.cfg file (explicit flags win); env ZOOKEEPER_ZOO_CFG'
complete -c tsmesos -n '__fish_seen_subcommand_from zookeeper-lite' -F -d 'an upstream zoo.cfg to read (same as --zoo_cfg)'
