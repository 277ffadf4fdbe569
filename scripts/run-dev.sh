#!/usr/bin/env bash
# Serve the app on http://127.0.0.1:5000 and run the scheduler beside it; Ctrl-C stops both.
set -u
cd "$(dirname "$0")/.."
FLASK=".venv/bin/flask --app implementering"
pids=()
stop() {
  trap - EXIT INT TERM
  kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  echo "VUM Implementering er stoppet."
}
trap stop EXIT INT TERM
$FLASK scheduler run &
pids+=($!)
$FLASK run --host 127.0.0.1 --port "${PORT:-5000}" --debug &
pids+=($!)
# If either process ends (or Ctrl-C arrives), stop the other one too.
wait -n
