#!/usr/bin/env bash
# Production-style start on one machine: gunicorn (several workers) plus exactly one scheduler.
# Used by `make serve`; migrations and the production check have already run. Ctrl-C stops both.
set -u
cd "$(dirname "$0")/.."
BIN=.venv/bin
pids=()
stop() {
  trap - EXIT INT TERM
  kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  echo "VUM Implementering er stoppet."
}
trap stop EXIT INT TERM
$BIN/flask --app implementering scheduler run &
pids+=($!)
$BIN/gunicorn -c gunicorn.conf.py implementering.wsgi:app &
pids+=($!)
wait -n
