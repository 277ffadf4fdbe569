#!/usr/bin/env bash
# Serve the app on http://127.0.0.1:5000 and run the scheduler beside it; Ctrl-C stops both.
set -u
cd "$(dirname "$0")/.."
FLASK=".venv/bin/flask --app implementering"
$FLASK scheduler run &
scheduler=$!
trap 'kill $scheduler 2>/dev/null; wait $scheduler 2>/dev/null' EXIT INT TERM
$FLASK run --host 127.0.0.1 --port "${PORT:-5000}" --debug
