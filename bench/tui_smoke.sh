#!/usr/bin/env bash
# Smoke test of the real TUI in a real terminal (tmux). Not in CI.
#   bash bench/tui_smoke.sh            # uses a fresh temporary journal
# Types a reflection, saves it with ctrl+s, prints the screen, then checks the timeline.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
home=$(mktemp -d)/journal
session="mirror-smoke-$$"
# MIRROR_CMD overrides how mirror is started (default: `mirror` on PATH, else python -m mirror)
if [ -n "${MIRROR_CMD:-}" ]; then mirror_cmd=$MIRROR_CMD
elif command -v mirror >/dev/null; then mirror_cmd=mirror
else mirror_cmd="${PYTHON:-python3} -m mirror"; fi
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; }
trap cleanup EXIT

tmux new -d -s "$session" -x 120 -y 40 "cd '$here' && TZ=Europe/Berlin $mirror_cmd --home '$home'"
wait_for() {  # wait_for TEXT: poll the screen until TEXT appears (max 15 s)
  for _ in $(seq 150); do
    tmux capture-pane -p -t "$session" | grep -q -- "$1" && return 0
    sleep 0.1
  done
  echo "did not see: $1"; tmux capture-pane -p -t "$session"; exit 1
}
wait_for "Welcome to Mirror"
tmux send-keys -t "$session" F2
wait_for "What is on your mind"
tmux send-keys -t "$session" -l "Walked by the river. I must call Sam, but I want a quiet evening. 🙂"
tmux send-keys -t "$session" C-s
wait_for "Saved"
sleep 0.5
echo "----- write screen after ctrl+s -----"
tmux capture-pane -p -t "$session"
tmux send-keys -t "$session" F3
wait_for "1 reflection shown"
echo "----- timeline -----"
tmux capture-pane -p -t "$session" | head -6
tmux send-keys -t "$session" C-q
sleep 0.5
echo "----- stored (mirror list) -----"
(cd "$here" && $mirror_cmd --home "$home" list)
