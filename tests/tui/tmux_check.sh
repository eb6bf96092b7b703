#!/usr/bin/env bash
# briefer tui for real: in a terminal (tmux), from a file and from a pipe, small and large,
# dark and light, and a long text ranked in a child process that must end with its ranking. Keys go in with send-keys; what the terminal shows comes back with
# capture-pane and is checked. Pilot tests drive the app inside Textual; this checks what they
# cannot: the console script, the real terminal driver, and the pipe → /dev/tty reattach.
#
#   tests/tui/tmux_check.sh            run every check, keep the screens in a temporary folder
#   tests/tui/tmux_check.sh DIR        keep the captured screens (.txt, and .ansi with colours)
#                                      in DIR, to look at them
#
# Exit 0 when every check passed; otherwise the failing check and its screen are printed.
# tests/tui/test_tmux.py runs this when tmux is installed. It uses its own tmux server
# (-L), so it never touches the tmux you may be working in.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BRIEFER=${BRIEFER:-$ROOT/.venv/bin/briefer}
SEED=$ROOT/seeds/venezuela-mexico.txt
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
SERVER=briefer-check-$$
# Seconds to wait for any one screen or process: generous, because a loaded 2-core machine
# can take tens of seconds to start the app; a screen that is right comes at once anyway.
TIMEOUT=${TMUX_CHECK_TIMEOUT:-120}

CONF=$(mktemp)
# No user config; an Escape reaches the app at once, not held as the start of a sequence.
echo "set -sg escape-time 0" >"$CONF"
tmux_() { tmux -L "$SERVER" -f "$CONF" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -f "$CONF"' EXIT

fail() {
    echo "FAIL: $*" >&2
    [[ -f "$OUT/last.txt" ]] && { echo "--- screen ---" >&2; cat "$OUT/last.txt" >&2; }
    exit 1
}

# start NAME WIDTH HEIGHT COMMAND: run COMMAND in a detached session of that size. The
# command is followed by a line saying how it exited, and the pane stays open to be read.
start() {
    local name=$1 width=$2 height=$3 command=$4
    tmux_ new-session -d -s "$name" -x "$width" -y "$height" \
        "cd '$ROOT' && $command; echo \"exited \$?\"; sleep 60"
}

capture() {  # capture NAME FILE: the screen as text
    tmux_ capture-pane -p -t "$1" >"$2"
}

# expect NAME TEXT...: wait until every TEXT is on the screen (fixed strings).
expect() {
    local name=$1; shift
    local deadline=$((SECONDS + TIMEOUT)) missing
    while :; do
        capture "$name" "$OUT/last.txt"
        missing=""
        for text in "$@"; do
            grep -qF -- "$text" "$OUT/last.txt" || { missing=$text; break; }
        done
        [[ -z "$missing" ]] && return 0
        ((SECONDS < deadline)) || fail "$name: never showed '$missing'"
        sleep 0.2
    done
}

# gone NAME TEXT: wait until TEXT is no longer on the screen.
gone() {
    local deadline=$((SECONDS + TIMEOUT))
    while capture "$1" "$OUT/last.txt" && grep -qF -- "$2" "$OUT/last.txt"; do
        ((SECONDS < deadline)) || fail "$1: '$2' stayed on the screen"
        sleep 0.2
    done
}

# ranking NAME: the ranking child processes of the reader running in session NAME.
ranking() {
    local shell app
    shell=$(tmux_ display -p -t "$1" '#{pane_pid}')
    for app in $(pgrep -P "$shell"); do pgrep -P "$app" -f briefer.tui.ranking || true; done
}

# ranking_child NAME: wait for the reader in session NAME to start its ranking child (the
# "Ranking with" message is drawn before the child starts) and print its pid.
ranking_child() {
    local deadline=$((SECONDS + TIMEOUT)) child
    until child=$(ranking "$1") && [[ -n "$child" ]]; do
        ((SECONDS < deadline)) || fail "$1: no ranking child process"
        sleep 0.2
    done
    echo "$child"
}

keys() { local name=$1; shift; tmux_ send-keys -t "$name" "$@"; }

# save NAME LABEL: keep the screen, as text and with its colours.
save() {
    capture "$1" "$OUT/$2.txt"
    tmux_ capture-pane -p -e -t "$1" >"$OUT/$2.ansi"
}

# colour NAME RGB: the screen uses this background (24-bit, "30;30;30"), i.e. this theme.
colour() {
    local deadline=$((SECONDS + TIMEOUT))
    until tmux_ capture-pane -p -e -t "$1" | grep -qF "48;2;$2m"; do
        ((SECONDS < deadline)) || fail "$1: no background $2 on screen"
        sleep 0.2
    done
}

export TERM=xterm-256color COLORTERM=truecolor
unset TEXTUAL_THEME NO_COLOR

# 1. A file at 80×24, dark: the panes, the status line and the footer; + makes the brief
#    longer; ? opens the help; q quits with status 0.
start small 80 24 "'$BRIEFER' tui seeds/venezuela-mexico.txt"
expect small "Source" "Brief" "Bottom line" "algorithm pyramid" "compression" "? Help" \
    "+- Length"
colour small "30;30;30"
save small file-80x24-dark
status=$(grep -o 'sentences [0-9]* → [0-9]*' "$OUT/file-80x24-dark.txt")
shown=${status##* }
keys small +
expect small "→ $((shown + 1))"
keys small '?'
expect small "reading a brief against its source"
save small help-80x24-dark
keys small Escape
gone small "reading a brief against its source"
keys small L
colour small "216;216;216"
save small file-80x24-light
keys small q
expect small "exited 0"

# 2. Piped standard input at 160×45, light: read from the pipe, then keys from the terminal.
start piped 160 45 "cat seeds/venezuela-mexico.txt | '$BRIEFER' tui --theme textual-light"
expect piped "<stdin>" "Trump Signals Talks with Maduro" "Bottom line" "compression" "o Open"
colour piped "216;216;216"
save piped stdin-160x45-light
keys piped /
expect piped "Search the source"  # typed before the box has focus, "d" would drop
keys piped -l Maduro
expect piped "“Maduro”:"
keys piped Enter
expect piped "? Help"  # the search box closed, the footer has every key again
save piped stdin-160x45-search
keys piped q
expect piped "exited 0"

# 3. A file that does not exist: a clear message and status 1, no traceback, no UI.
start missing 80 24 "'$BRIEFER' tui no-such-file.txt"
expect missing "no-such-file.txt: no such file" "exited 1"
grep -q Traceback "$OUT/last.txt" && fail "missing: a traceback"

# 4. A long text with a slow ranker (sumy's KL: minutes on this): it ranks in a child process
#    while the reader moves about; choosing another ranker ends the child at once.
for _ in $(seq 30); do cat "$SEED"; echo; done >"$OUT/long.txt"
start long 100 30 "'$BRIEFER' tui '$OUT/long.txt' -a sumy-kl"
expect long "with sumy-kl" "Ranking with sumy-kl"
ranking_child long >/dev/null
keys long Tab Down Down
expect long "[3] · not ranked yet"
save long long-ranking
keys long a
expect long "Rank sentences with"
# The cursor onto "lead", wherever the registry lists it.
lead=$("$(dirname "$BRIEFER")/python" -c \
    'from briefer.rank import algorithm_names; print(algorithm_names().index("lead"))')
keys long Home
for _ in $(seq "$lead"); do keys long Down; done
keys long Enter
expect long "algorithm lead" "compression"
deadline=$((SECONDS + TIMEOUT))
while [[ -n "$(ranking long)" ]]; do
    ((SECONDS < deadline)) || fail "long: the ranking child outlived its ranking"
    sleep 0.2
done
keys long q
expect long "exited 0"

# 5. Quitting while a child ranks: the app exits at once and takes the child with it.
start quit 100 30 "'$BRIEFER' tui '$OUT/long.txt' -a sumy-kl"
expect quit "Ranking with sumy-kl"
child=$(ranking_child quit)
keys quit q
expect quit "exited 0"
deadline=$((SECONDS + TIMEOUT))
while kill -0 $child 2>/dev/null; do
    ((SECONDS < deadline)) || fail "quit: the ranking child $child outlived the app"
    sleep 0.2
done

echo "tmux check passed; screens in $OUT"
