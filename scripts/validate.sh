#!/usr/bin/env bash
# npm run validate: the edit loop's quick check: typecheck, lint, format check, unit tests and
# the integration tests on SQLite. `npm test` stays the whole suite (PostgreSQL, the production
# build, load and crash runs, end-to-end tests).
# Ends with one plain line "N passed, N failed", counted as `npm test` counts.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

source scripts/checks.sh
quick_checks

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
