# bash completion for tsmesos                                   -*- shell-script -*-
# Generated from the commander tree (src/cli/registry.ts) by `npm run build && npm run gen:docs`; do not edit.
# Install: tsmesos completion bash > /etc/bash_completion.d/tsmesos
#      or: echo 'source <(tsmesos completion bash)' >> ~/.bashrc

# Subcommands of a command path ("" is tsmesos itself), into REPLY.
__tsmesos_commands() {
  case "$1" in
    '') REPLY='agent app chronos completion config framework help job local marathon master ps task teardown top zookeeper-lite' ;;
    'agent') REPLY='help list run' ;;
    'app') REPLY='add deployments destroy help kill list restart rollback scale show tasks update' ;;
    'config') REPLY='help path set show' ;;
    'framework') REPLY='help inspect list' ;;
    'job') REPLY='add delete graph help history list logs run show' ;;
    'task') REPLY='cat help list ls tail' ;;
    *) REPLY='' ;;
  esac
}

# Every option a command path accepts: its own and the global ones.
__tsmesos_options() {
  case "$1" in
    '') REPLY='--config --help -h --version -V' ;;
    'agent') REPLY='--config --help -h' ;;
    'agent help') REPLY='--config' ;;
    'agent list') REPLY='--config --help -h --json --master' ;;
    'agent run') REPLY='--attributes --cgroups_enable_cfs --config --containerizers --default_role --docker --docker_kill_orphans --docker_socket --docker_stop_timeout --executor_registration_timeout --executor_shutdown_grace_period --help -h --hostname --ip --isolation --log_dir --master --port --quiet --recover --registration_backoff_factor --resources --strict --switch_user --work_dir' ;;
    'app') REPLY='--config --help -h' ;;
    'app add') REPLY='--config --file -f --force --help -h --json --marathon --no-wait --timeout' ;;
    'app deployments') REPLY='--config --help -h --json --marathon' ;;
    'app destroy') REPLY='--config --force --help -h --json --marathon --no-wait --timeout' ;;
    'app help') REPLY='--config' ;;
    'app kill') REPLY='--config --force --help -h --json --marathon --no-wait --scale --timeout --wipe' ;;
    'app list') REPLY='--config --filter --help -h --json --label --marathon' ;;
    'app restart') REPLY='--config --force --help -h --json --marathon --no-wait --timeout' ;;
    'app rollback') REPLY='--config --force --help -h --json --marathon --no-wait --timeout' ;;
    'app scale') REPLY='--config --force --help -h --json --marathon --no-wait --timeout' ;;
    'app show') REPLY='--config --help -h --json --marathon' ;;
    'app tasks') REPLY='--config --help -h --json --marathon' ;;
    'app update') REPLY='--cmd --config --cpus --disk --env --file -f --force --help -h --instances --json --label --marathon --mem --no-wait --timeout' ;;
    'chronos') REPLY='--config --failover_timeout --failure_retry --framework_name --help -h --history_limit --hostname --http_address --http_port --log_dir --master --mesos_role --mesos_user --quiet --zk --zk_session_timeout --zk_timeout' ;;
    'completion') REPLY='--config --help -h' ;;
    'config') REPLY='--config --help -h' ;;
    'config help') REPLY='--config' ;;
    'config path') REPLY='--config --help -h --json' ;;
    'config set') REPLY='--config --help -h --json --string' ;;
    'config show') REPLY='--config --help -h --json' ;;
    'framework') REPLY='--config --help -h' ;;
    'framework help') REPLY='--config' ;;
    'framework inspect') REPLY='--config --help -h --master' ;;
    'framework list') REPLY='--all -a --config --help -h --json --master' ;;
    'help') REPLY='--config' ;;
    'job') REPLY='--config --help -h' ;;
    'job add') REPLY='--chronos --config --file -f --help -h --json' ;;
    'job delete') REPLY='--chronos --config --help -h --json --stop-runs' ;;
    'job graph') REPLY='--all -a --chronos --config --help -h --json --list' ;;
    'job help') REPLY='--config' ;;
    'job history') REPLY='--chronos --config --help -h --json --limit' ;;
    'job list') REPLY='--chronos --config --help -h --json' ;;
    'job logs') REPLY='--chronos --config --follow -f --help -h --lines -n --master --run --stderr' ;;
    'job run') REPLY='--arguments --chronos --config --help -h --json' ;;
    'job show') REPLY='--chronos --config --help -h --json' ;;
    'local') REPLY='--agent_port --chronos_port --config --help -h --ip --isolation --marathon_port --master_port --no-frameworks --resources --verbose --work_dir --zk_port' ;;
    'marathon') REPLY='--config --decline_offer_duration --failover_timeout --framework_name --help -h --hostname --http_address --http_port --local_port_max --local_port_min --log_dir --master --max_running_deployments --mesos_role --mesos_user --quiet --task_launch_timeout --zk --zk_max_versions --zk_session_timeout --zk_timeout' ;;
    'master') REPLY='--agent_ping_timeout --agent_reregister_timeout --allocation_interval --cluster --config --help -h --hostname --ip --log_dir --max_agent_ping_timeouts --max_completed_frameworks --max_completed_tasks_per_framework --max_unreachable_tasks_per_framework --offer_timeout --port --quiet --quorum --registry --roles --weights --work_dir --zk --zk_session_timeout' ;;
    'ps') REPLY='--all -a --config --help -h --json --master' ;;
    'task') REPLY='--config --help -h' ;;
    'task cat') REPLY='--config --framework --help -h --master' ;;
    'task help') REPLY='--config' ;;
    'task list') REPLY='--all -a --config --framework --help -h --json --master' ;;
    'task ls') REPLY='--config --framework --help -h --json --master' ;;
    'task tail') REPLY='--config --follow -f --framework --help -h --lines -n --master' ;;
    'teardown') REPLY='--config --help -h --json --master' ;;
    'top') REPLY='--chronos --config --help -h --json --marathon --master --refresh' ;;
    'zookeeper-lite') REPLY='--config --data_dir --help -h --ip --log_dir --max_session_timeout --min_session_timeout --port --quiet --snapshot_count --tick_time --zoo_cfg' ;;
    *) REPLY='' ;;
  esac
}

# Options declared `--flag <value>`: the next word is their value, never a command.
__tsmesos_value_options() {
  case "$1" in
    '') REPLY='--config' ;;
    'agent') REPLY='--config' ;;
    'agent help') REPLY='--config' ;;
    'agent list') REPLY='--config --master' ;;
    'agent run') REPLY='--attributes --config --containerizers --default_role --docker --docker_socket --docker_stop_timeout --executor_registration_timeout --executor_shutdown_grace_period --hostname --ip --isolation --log_dir --master --port --recover --registration_backoff_factor --resources --work_dir' ;;
    'app') REPLY='--config' ;;
    'app add') REPLY='--config --file -f --marathon --timeout' ;;
    'app deployments') REPLY='--config --marathon' ;;
    'app destroy') REPLY='--config --marathon --timeout' ;;
    'app help') REPLY='--config' ;;
    'app kill') REPLY='--config --marathon --timeout' ;;
    'app list') REPLY='--config --filter --label --marathon' ;;
    'app restart') REPLY='--config --marathon --timeout' ;;
    'app rollback') REPLY='--config --marathon --timeout' ;;
    'app scale') REPLY='--config --marathon --timeout' ;;
    'app show') REPLY='--config --marathon' ;;
    'app tasks') REPLY='--config --marathon' ;;
    'app update') REPLY='--cmd --config --cpus --disk --env --file -f --instances --label --marathon --mem --timeout' ;;
    'chronos') REPLY='--config --failover_timeout --failure_retry --framework_name --history_limit --hostname --http_address --http_port --log_dir --master --mesos_role --mesos_user --zk --zk_session_timeout --zk_timeout' ;;
    'completion') REPLY='--config' ;;
    'config') REPLY='--config' ;;
    'config help') REPLY='--config' ;;
    'config path') REPLY='--config' ;;
    'config set') REPLY='--config' ;;
    'config show') REPLY='--config' ;;
    'framework') REPLY='--config' ;;
    'framework help') REPLY='--config' ;;
    'framework inspect') REPLY='--config --master' ;;
    'framework list') REPLY='--config --master' ;;
    'help') REPLY='--config' ;;
    'job') REPLY='--config' ;;
    'job add') REPLY='--chronos --config --file -f' ;;
    'job delete') REPLY='--chronos --config' ;;
    'job graph') REPLY='--chronos --config' ;;
    'job help') REPLY='--config' ;;
    'job history') REPLY='--chronos --config --limit' ;;
    'job list') REPLY='--chronos --config' ;;
    'job logs') REPLY='--chronos --config --lines -n --master --run' ;;
    'job run') REPLY='--arguments --chronos --config' ;;
    'job show') REPLY='--chronos --config' ;;
    'local') REPLY='--agent_port --chronos_port --config --ip --isolation --marathon_port --master_port --resources --work_dir --zk_port' ;;
    'marathon') REPLY='--config --decline_offer_duration --failover_timeout --framework_name --hostname --http_address --http_port --local_port_max --local_port_min --log_dir --master --max_running_deployments --mesos_role --mesos_user --task_launch_timeout --zk --zk_max_versions --zk_session_timeout --zk_timeout' ;;
    'master') REPLY='--agent_ping_timeout --agent_reregister_timeout --allocation_interval --cluster --config --hostname --ip --log_dir --max_agent_ping_timeouts --max_completed_frameworks --max_completed_tasks_per_framework --max_unreachable_tasks_per_framework --offer_timeout --port --quorum --registry --roles --weights --work_dir --zk --zk_session_timeout' ;;
    'ps') REPLY='--config --master' ;;
    'task') REPLY='--config' ;;
    'task cat') REPLY='--config --framework --master' ;;
    'task help') REPLY='--config' ;;
    'task list') REPLY='--config --framework --master' ;;
    'task ls') REPLY='--config --framework --master' ;;
    'task tail') REPLY='--config --framework --lines -n --master' ;;
    'teardown') REPLY='--config --master' ;;
    'top') REPLY='--chronos --config --marathon --master --refresh' ;;
    'zookeeper-lite') REPLY='--config --data_dir --ip --log_dir --max_session_timeout --min_session_timeout --port --snapshot_count --tick_time --zoo_cfg' ;;
    *) REPLY='' ;;
  esac
}

# Completions for "<path>|<option>" or "<path>|#<n>" (n-th argument): words, @files, @dirs or none.
__tsmesos_values() {
  case "$1" in
    '|--config') REPLY='@files' ;;
    'agent|--config') REPLY='@files' ;;
    'agent help|--config') REPLY='@files' ;;
    'agent help|#1') REPLY='list run' ;;
    'agent list|--config') REPLY='@files' ;;
    'agent run|--cgroups_enable_cfs') REPLY='true false' ;;
    'agent run|--config') REPLY='@files' ;;
    'agent run|--docker_kill_orphans') REPLY='true false' ;;
    'agent run|--docker_socket') REPLY='@files' ;;
    'agent run|--log_dir') REPLY='@dirs' ;;
    'agent run|--quiet') REPLY='true false' ;;
    'agent run|--recover') REPLY='reconnect cleanup' ;;
    'agent run|--strict') REPLY='true false' ;;
    'agent run|--switch_user') REPLY='true false' ;;
    'agent run|--work_dir') REPLY='@dirs' ;;
    'app|--config') REPLY='@files' ;;
    'app add|--config') REPLY='@files' ;;
    'app add|--file') REPLY='@files' ;;
    'app add|-f') REPLY='@files' ;;
    'app deployments|--config') REPLY='@files' ;;
    'app destroy|--config') REPLY='@files' ;;
    'app help|--config') REPLY='@files' ;;
    'app help|#1') REPLY='add deployments destroy kill list restart rollback scale show tasks update' ;;
    'app kill|--config') REPLY='@files' ;;
    'app list|--config') REPLY='@files' ;;
    'app restart|--config') REPLY='@files' ;;
    'app rollback|--config') REPLY='@files' ;;
    'app scale|--config') REPLY='@files' ;;
    'app show|--config') REPLY='@files' ;;
    'app tasks|--config') REPLY='@files' ;;
    'app update|--config') REPLY='@files' ;;
    'app update|--file') REPLY='@files' ;;
    'app update|-f') REPLY='@files' ;;
    'chronos|--config') REPLY='@files' ;;
    'chronos|--log_dir') REPLY='@dirs' ;;
    'chronos|--quiet') REPLY='true false' ;;
    'completion|--config') REPLY='@files' ;;
    'completion|#1') REPLY='bash fish zsh' ;;
    'config|--config') REPLY='@files' ;;
    'config help|--config') REPLY='@files' ;;
    'config help|#1') REPLY='path set show' ;;
    'config path|--config') REPLY='@files' ;;
    'config set|--config') REPLY='@files' ;;
    'config show|--config') REPLY='@files' ;;
    'framework|--config') REPLY='@files' ;;
    'framework help|--config') REPLY='@files' ;;
    'framework help|#1') REPLY='inspect list' ;;
    'framework inspect|--config') REPLY='@files' ;;
    'framework list|--config') REPLY='@files' ;;
    'help|--config') REPLY='@files' ;;
    'help|#1') REPLY='agent app chronos completion config framework job local marathon master ps task teardown top zookeeper-lite' ;;
    'job|--config') REPLY='@files' ;;
    'job add|--config') REPLY='@files' ;;
    'job add|--file') REPLY='@files' ;;
    'job add|-f') REPLY='@files' ;;
    'job delete|--config') REPLY='@files' ;;
    'job graph|--config') REPLY='@files' ;;
    'job help|--config') REPLY='@files' ;;
    'job help|#1') REPLY='add delete graph history list logs run show' ;;
    'job history|--config') REPLY='@files' ;;
    'job list|--config') REPLY='@files' ;;
    'job logs|--config') REPLY='@files' ;;
    'job run|--config') REPLY='@files' ;;
    'job show|--config') REPLY='@files' ;;
    'local|--config') REPLY='@files' ;;
    'local|--work_dir') REPLY='@dirs' ;;
    'marathon|--config') REPLY='@files' ;;
    'marathon|--log_dir') REPLY='@dirs' ;;
    'marathon|--quiet') REPLY='true false' ;;
    'master|--config') REPLY='@files' ;;
    'master|--log_dir') REPLY='@dirs' ;;
    'master|--quiet') REPLY='true false' ;;
    'master|--registry') REPLY='in_memory replicated_log' ;;
    'master|--work_dir') REPLY='@dirs' ;;
    'ps|--config') REPLY='@files' ;;
    'task|--config') REPLY='@files' ;;
    'task cat|--config') REPLY='@files' ;;
    'task help|--config') REPLY='@files' ;;
    'task help|#1') REPLY='cat list ls tail' ;;
    'task list|--config') REPLY='@files' ;;
    'task ls|--config') REPLY='@files' ;;
    'task tail|--config') REPLY='@files' ;;
    'teardown|--config') REPLY='@files' ;;
    'top|--config') REPLY='@files' ;;
    'zookeeper-lite|--config') REPLY='@files' ;;
    'zookeeper-lite|--quiet') REPLY='true false' ;;
    'zookeeper-lite|#1') REPLY='@files' ;;
    *) REPLY='' ;;
  esac
}

# Sets COMPREPLY from $1 (words, @files or @dirs) matching $2, each prefixed with $3.
__tsmesos_reply() {
  local line
  case "$1" in
    @files) compopt -o filenames 2>/dev/null; set -- "$(compgen -f -- "$2")" "$2" "$3" ;;
    @dirs) compopt -o filenames 2>/dev/null; set -- "$(compgen -d -- "$2")" "$2" "$3" ;;
    *) set -- "$(compgen -W "$1" -- "$2")" "$2" "$3" ;;
  esac
  while IFS= read -r line; do
    [[ -n $line ]] && COMPREPLY+=("$3$line")
  done <<< "$1"
}

_tsmesos() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
  local path='' word last='' opt='' prefix='' npos=0 value=0 i REPLY
  COMPREPLY=()
  # Walk the words before the cursor. "=" is a word of its own when COMP_WORDBREAKS holds it.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    if ((value)); then
      value=0
      [[ $word == = ]] && value=1
      continue
    fi
    case "$word" in
      =) value=1 ;;
      -*=*) ;;
      -*)
        last=$word
        __tsmesos_value_options "$path"
        [[ " $REPLY " == *" $word "* ]] && value=1
        ;;
      *)
        __tsmesos_commands "$path"
        if ((npos == 0)) && [[ " $REPLY " == *" $word "* ]]; then
          path="${path:+$path }$word"
        else
          npos=$((npos + 1))
        fi
        ;;
    esac
  done
  # Is the cursor on an option's value?
  if [[ $cur == = ]]; then
    opt=$prev cur=''
  elif ((value)); then
    opt=$last
  elif [[ $cur == -*=* ]]; then
    opt="${cur%%=*}" prefix="${cur%%=*}=" cur="${cur#*=}"
  elif [[ $prev == -* && $cur != -* ]]; then
    # An optional value ([bool]) offers its words; a plain switch does not.
    __tsmesos_values "$path|$prev"
    [[ -n $REPLY ]] && opt=$prev
  fi
  if [[ -n $opt ]]; then
    # Values with nothing to offer complete nothing rather than guessing.
    __tsmesos_values "$path|$opt"
    __tsmesos_reply "$REPLY" "$cur" "$prefix"
  elif [[ $cur == -* ]]; then
    __tsmesos_options "$path"
    __tsmesos_reply "$REPLY" "$cur" ''
  else
    REPLY=''
    ((npos == 0)) && __tsmesos_commands "$path"
    [[ -z $REPLY ]] && __tsmesos_values "$path|#$((npos + 1))"
    __tsmesos_reply "$REPLY" "$cur" ''
  fi
  return 0
}

complete -F _tsmesos tsmesos
