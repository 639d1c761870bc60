#!/usr/bin/env zsh
# Test helper for zsh.test.ts: prints every completion zsh offers for a command line, one a line.
# Usage: zsh -f zsh-capture.zsh FPATH_DIR 'tsmesos framework l'
# zsh completes only inside its line editor, so this drives an interactive `zsh -f -i` in a pty:
# the rc below loads compinit with FPATH_DIR (holding _tsmesos) first in $fpath, wraps compadd to
# print what it adds, and exits after the first completion (comppostfuncs).
zmodload zsh/zpty || exit 3
local rc=${TMPDIR:-/tmp}/tsmesos-zcapture.$$ line
cat > $rc <<RC
PROMPT=''
fpath=(${(q)1} \$fpath)
autoload -U compinit && compinit -u -D
compadd() {
  # Calls that only filter (-O, -A, -D) add nothing: pass them through.
  if (( \${@[(I)-[OAD]]} )); then builtin compadd "\$@"; return; fi
  local -a __hits; builtin compadd -O __hits "\$@"; print -r -l -- "<HIT>"\${^__hits}; builtin compadd "\$@"
}
done-line() { print -r -- "<DONE>"; exit }
comppostfuncs=(done-line)
bindkey '^M' undefined; bindkey '^J' undefined; bindkey '^I' complete-word
print -r -- "<READY>"
RC
zpty z zsh -f -i
zpty -w z "source ${(q)rc}"
zpty -r -m z line '*<READY>*' || exit 4
zpty -w -n z "$2"$'\t'
while zpty -r z line; do
  line=${line//$'\r'/}
  [[ $line == *'<DONE>'* ]] && break
  line=${line%$'\n'}
  [[ $line == *'<HIT>'* ]] && print -r -- ${line##*<HIT>}
done
zpty -d z
rm -f $rc
