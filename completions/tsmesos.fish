# fish completion for tsmesos. Generated from the commander tree (src/cli/registry.ts) by `npm run build && npm run gen:docs`; do not edit.
# Install: tsmesos completion fish > ~/.config/fish/completions/tsmesos.fish

# No file names unless an option or argument asks for them.
complete -c tsmesos -f

# tsmesos
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a agent -d 'run a Mesos agent (default), or list agents'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a app -d 'Marathon apps: list, show, add, update, scale, restart, destroy, tasks, kill, deployments, rollback'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a chronos -d 'run the Chronos/Metronome-compatible jobs framework (cron and ISO 8601 schedules, dependencies)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a completion -d 'print a shell completion script (bash, zsh or fish)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a config -d 'show, set and locate the config file (~/.mesos/config.toml)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a framework -d 'list and inspect frameworks'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a help -d 'display help for command'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a job -d 'Chronos jobs: list, show, add, run, delete, history, logs, graph'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a local -d 'run a whole local cluster (zookeeper-lite, master, agent, Marathon and Chronos modes) in one process'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a marathon -d 'run the Marathon-compatible apps framework (/v2 REST API, deployments, health checks)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a master -d 'run a Mesos master (scheduler and operator APIs, DRF allocator)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a ps -d 'list tasks with cpu time and memory, like ps'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a task -d 'list tasks; read their stdout/stderr and sandbox files (cat, tail -f, ls)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a teardown -d 'tear a framework down: kill all its tasks and remove it'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a top -d 'live view of offers, agents, frameworks, tasks, apps and jobs'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -a zookeeper-lite -d 'run a single-node ZooKeeper-compatible server (client port 2181)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -s h -l help -d 'display help for command'
complete -c tsmesos -n 'not __fish_seen_subcommand_from agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' -s V -l version -d 'print the tsmesos version'

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

# tsmesos app
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a add -d 'Create an app from a Marathon app definition (JSON) and follow its deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a deployments -d 'List running deployments: ID, APPS, STEP (current/total), ACTIONS of the current step, STARTED'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a destroy -d 'Kill all tasks of an app and remove it from Marathon'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a kill -d 'Kill one task of an app'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a list -d 'List apps: ID, STATUS (Running, Deploying, Waiting, Suspended), RUNNING/INSTANCES, HEALTHY, CPUS, MEM and CMD'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a restart -d 'Restart all tasks of an app as a rolling deployment (upgradeStrategy decides how many at a time)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a rollback -d 'Roll a running deployment back: Marathon reverts its apps with a new deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a scale -d 'Set the number of instances of an app (0 suspends it) and follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a show -d 'Show an app: definition summary, task counts, its tasks, deployments, last task failure, and why instances are not launching'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a tasks -d 'List an app\'s tasks: ID, HOST, PORTS, STATE, HEALTH, STARTED and VERSION'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -a update -d 'Change an app (PUT /v2/apps/{id}): fields from -f and/or the flags; fields left out keep their values'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and not __fish_seen_subcommand_from add deployments destroy help kill list restart rollback scale show tasks update' -s h -l help -d 'display help for command'

# tsmesos app add
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -s f -l file -r -F -d 'the app definition JSON (- reads stdin)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -l force -d 'override a deployment that locks the app (Marathon ?force=true)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from add' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'

# tsmesos app deployments
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from deployments' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from deployments' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from deployments' -l json -d 'print Marathon\'s deployment objects as a JSON array'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from deployments' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'

# tsmesos app destroy
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -l force -d 'override a deployment that locks the app (Marathon ?force=true)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from destroy' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'

# tsmesos app help
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from help' -a 'add deployments destroy kill list restart rollback scale show tasks update' -d 'command'

# tsmesos app kill
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l force -d 'override a deployment that locks the app (Marathon ?force=true)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l scale -d 'also lower the app\'s instances by one, so the task is not replaced'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from kill' -l wipe -d 'also forget the task\'s reservation (resident tasks)'

# tsmesos app list
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from list' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from list' -l filter -x -d 'only apps whose id contains this text (Marathon ?id=, case-insensitive)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from list' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from list' -l json -d 'print the rows as a JSON array (raw numbers, never truncated)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from list' -l label -x -d 'only apps matching a label selector: key, key==value, key!=value, key in (a,b)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from list' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'

# tsmesos app restart
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -l force -d 'override a deployment that locks the app (Marathon ?force=true)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from restart' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'

# tsmesos app rollback
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -l force -d 'only cancel the deployment, leaving its apps as they are now (no revert)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from rollback' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'

# tsmesos app scale
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -l force -d 'override a deployment that locks the app (Marathon ?force=true)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from scale' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'

# tsmesos app show
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from show' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from show' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from show' -l json -d 'print {"app": …, "queue": … | null} as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from show' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'

# tsmesos app tasks
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from tasks' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from tasks' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from tasks' -l json -d 'print Marathon\'s task objects as a JSON array'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from tasks' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'

# tsmesos app update
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l cmd -x -d 'the shell command to run'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l cpus -x -d 'cpus per instance'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l disk -x -d 'disk per instance in MB'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l env -x -d 'set an environment variable (repeatable; others are kept)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -s f -l file -r -F -d 'JSON with the fields to change (- reads stdin)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l force -d 'override a deployment that locks the app (Marathon ?force=true)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l instances -x -d 'number of instances'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l json -d 'print the deployment result as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l label -x -d 'set a label (repeatable; others are kept)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l mem -x -d 'memory per instance in MB'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l no-wait -d 'return as soon as Marathon accepted the change; do not follow the deployment'
complete -c tsmesos -n '__fish_seen_subcommand_from app; and __fish_seen_subcommand_from update' -l timeout -x -d 'how long to follow the deployment before giving up (e.g. 90secs, 5mins)'

# tsmesos chronos
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l failover_timeout -x -d 'seconds the master keeps the framework and its tasks while no instance is connected (default: 604800); env CHRONOS_FAILOVER_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l failure_retry -x -d 'delay before a failed run is tried again (its next attempt) (default: 60secs); env CHRONOS_FAILURE_RETRY'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l framework_name -x -d 'framework name registered with Mesos (default: chronos); env CHRONOS_FRAMEWORK_NAME'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l history_limit -x -d 'finished runs kept per job (newest first) for the history API (default: 100); env CHRONOS_HISTORY_LIMIT'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l hostname -x -d 'hostname advertised to the master and to other instances (default: the --http_address); env CHRONOS_HOSTNAME'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l http_address -x -d 'address the HTTP API listens on (default: 127.0.0.1); env CHRONOS_HTTP_ADDRESS'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l http_port -x -d 'HTTP API port (0 picks a free one) (default: 4400); env CHRONOS_HTTP_PORT'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l log_dir -x -a '(__fish_complete_directories)' -d 'write logs to this directory instead of stderr; env CHRONOS_LOG_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l master -x -d 'the Mesos master: host:port or zk://host:port/mesos (required); env CHRONOS_MASTER'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l mesos_role -x -d 'Mesos role the framework registers with (default: *); env CHRONOS_MESOS_ROLE'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l mesos_user -x -d 'Unix user tasks run as when they name none (default: the user running this); env CHRONOS_MESOS_USER'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l quiet -d 'log warnings and errors only (default: false); env CHRONOS_QUIET'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l zk -x -d 'ZooKeeper URL where state and leader election live: zk://host1:port1,host2:port2/path (default: zk://localhost:2181/chronos); env CHRONOS_ZK'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l zk_session_timeout -x -d 'ZooKeeper session timeout in milliseconds (default: 10000); env CHRONOS_ZK_SESSION_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from chronos' -l zk_timeout -x -d 'ZooKeeper operation timeout in milliseconds (default: 10000); env CHRONOS_ZK_TIMEOUT'

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
complete -c tsmesos -n '__fish_seen_subcommand_from help' -a 'agent app chronos completion config framework job local marathon master ps task teardown top zookeeper-lite' -d 'command'

# tsmesos job
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a add -d 'Add (or replace) jobs from a Chronos or Metronome job JSON file'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a delete -d 'Delete a job'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a graph -d 'Draw the job dependency graph: parents on the left, arrows to the jobs that run after them'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a history -d 'List the runs of a job, newest first: STARTED, STATUS, EXIT, TRY, TRIGGER, DURATION, HOST, MESSAGE, TASK'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a list -d 'List jobs: NAME, SCHEDULE (or the parents it runs after), LAST result, STATE, OK and FAILED counts, LAST RUN, COMMAND'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a logs -d 'Print the stdout (or --stderr) of a job\'s newest run, read from its sandbox on the agent'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a run -d 'Run a job now (a manual trigger), whatever its schedule; its dependents follow when it succeeds'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -a show -d 'Show a job: command, schedule or parents, results, resources, and its last runs'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and not __fish_seen_subcommand_from add delete graph help history list logs run show' -s h -l help -d 'display help for command'

# tsmesos job add
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from add' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from add' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from add' -s f -l file -r -F -d 'job JSON: one job or an array of jobs (- reads stdin)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from add' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from add' -l json -d 'print [{name, api, endpoint, action}] as JSON'

# tsmesos job delete
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from delete' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from delete' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from delete' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from delete' -l json -d 'print {name, api, deleted, rewired} as JSON'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from delete' -l stop-runs -d 'Metronome: also stop its active runs (otherwise deleting a running job is refused)'

# tsmesos job graph
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from graph' -s a -l all -d 'also draw jobs with no parents and no dependents'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from graph' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from graph' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from graph' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from graph' -l json -d 'print {"nodes": [{name, lastState, state}], "links": [{parent, child}]}'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from graph' -l list -d 'print "parent ──▶ children" lines instead of boxes'

# tsmesos job help
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from help' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from help' -a 'add delete graph history list logs run show' -d 'command'

# tsmesos job history
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from history' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from history' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from history' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from history' -l json -d 'print {"name", "api", "runs"} as JSON (ISO timestamps, never truncated)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from history' -l limit -x -d 'at most this many runs (newest first)'

# tsmesos job list
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from list' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from list' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from list' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from list' -l json -d 'print the rows as a JSON array (ISO timestamps, never truncated)'

# tsmesos job logs
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -s f -l follow -d 'keep printing new output until the run ends or Ctrl-C'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -s n -l lines -x -d 'only the last N lines'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -l master -x -d 'for runs without a sandbox link: master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -l run -x -d 'a run from `tsmesos job history` (id or unique prefix) instead of the newest'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from logs' -l stderr -d 'print stderr instead of stdout'

# tsmesos job run
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from run' -l arguments -x -d 'Chronos: appended to the command for this run (unless the job has shell:false)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from run' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from run' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from run' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from run' -l json -d 'print {name, api, runId} as JSON'

# tsmesos job show
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from show' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from show' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from show' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from job; and __fish_seen_subcommand_from show' -l json -d 'print {"api", "job", "runs"} as JSON'

# tsmesos local
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l agent_port -x -d 'agent port'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l chronos_port -x -d 'Chronos mode HTTP port'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l ip -x -d 'address to listen on'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l isolation -x -d 'agent isolation, e.g. cgroups/cpu,cgroups/mem'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l marathon_port -x -d 'Marathon mode HTTP port'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l master_port -x -d 'master port'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l no-frameworks -d 'start only zookeeper-lite, the master and the agent'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l resources -x -d 'agent resources (detected when absent)'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l verbose -d 'log at info level to stderr'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l work_dir -x -a '(__fish_complete_directories)' -d 'where the cluster keeps its data (default ~/.mesos/local)'
complete -c tsmesos -n '__fish_seen_subcommand_from local' -l zk_port -x -d 'zookeeper-lite client port'

# tsmesos marathon
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l decline_offer_duration -x -d 'milliseconds the master holds back an offer no app wants (default: 120000); env MARATHON_DECLINE_OFFER_DURATION'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l failover_timeout -x -d 'seconds the master keeps the framework and its tasks while no instance is connected (default: 604800); env MARATHON_FAILOVER_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l framework_name -x -d 'framework name registered with Mesos (default: marathon); env MARATHON_FRAMEWORK_NAME'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l hostname -x -d 'hostname advertised to the master and to other instances (default: the --http_address); env MARATHON_HOSTNAME'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l http_address -x -d 'address the HTTP API listens on (default: 127.0.0.1); env MARATHON_HTTP_ADDRESS'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l http_port -x -d 'HTTP API port (0 picks a free one) (default: 8080); env MARATHON_HTTP_PORT'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l local_port_max -x -d 'highest service port handed out (default: 20000); env MARATHON_LOCAL_PORT_MAX'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l local_port_min -x -d 'lowest service port handed out (default: 10000); env MARATHON_LOCAL_PORT_MIN'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l log_dir -x -a '(__fish_complete_directories)' -d 'write logs to this directory instead of stderr; env MARATHON_LOG_DIR'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l master -x -d 'the Mesos master: host:port or zk://host:port/mesos (required); env MARATHON_MASTER'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l max_running_deployments -x -d 'deployments allowed at once (403 beyond) (default: 100); env MARATHON_MAX_RUNNING_DEPLOYMENTS'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l mesos_role -x -d 'Mesos role the framework registers with (default: *); env MARATHON_MESOS_ROLE'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l mesos_user -x -d 'Unix user tasks run as when they name none (default: the user running this); env MARATHON_MESOS_USER'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l quiet -d 'log warnings and errors only (default: false); env MARATHON_QUIET'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l task_launch_timeout -x -d 'milliseconds a launched task may stay staging before it is killed and launched again (default: 300000); env MARATHON_TASK_LAUNCH_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l zk -x -d 'ZooKeeper URL where state and leader election live: zk://host1:port1,host2:port2/path (default: zk://localhost:2181/marathon); env MARATHON_ZK'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l zk_max_versions -x -d 'versions kept per app (default: 50); env MARATHON_ZK_MAX_VERSIONS'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l zk_session_timeout -x -d 'ZooKeeper session timeout in milliseconds (default: 10000); env MARATHON_ZK_SESSION_TIMEOUT'
complete -c tsmesos -n '__fish_seen_subcommand_from marathon' -l zk_timeout -x -d 'ZooKeeper operation timeout in milliseconds (default: 10000); env MARATHON_ZK_TIMEOUT'

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
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l chronos -x -d 'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400); feeds the Jobs view'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l config -r -F -d 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -s h -l help -d 'display help for command'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l json -d 'print one snapshot as JSON (agents, frameworks, tasks, offers) and exit'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l marathon -x -d 'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080); feeds the Apps view'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l master -x -d 'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)'
complete -c tsmesos -n '__fish_seen_subcommand_from top' -l refresh -x -d 'how often the screen is redrawn: 100ms, 1secs, or seconds like 0.5'

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
