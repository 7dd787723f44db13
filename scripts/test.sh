#!/usr/bin/env bash
# npm test: typecheck, lint, format check, unit tests, integration tests on SQLite AND on a throwaway
# PostgreSQL cluster this script starts and stops, the load and crash runs against production app
# instances on both databases, then end-to-end tests in Debian's Chromium.
# Ends with one plain line "N passed, N failed" counting everything it ran (typecheck and lint
# count as one check each). `npm run validate` is the quick subset for the edit loop.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
out=$(mktemp -d)
pgdir=""
cleanup() {
  [ -n "$pgdir" ] && bash scripts/pg-cluster.sh stop "$pgdir"
  rm -rf "$out"
}
trap cleanup EXIT

source scripts/checks.sh
quick_checks

# The production build serves the load and crash runs and the e2e tests.
built=0
check "production build (next build)" npx next build && built=1
# Load and crash runs against real app instances (docs/decisions/033-sqlite-under-concurrency.md).
reliability() { # args: name, instances, database flags
  if [ "$built" = 1 ]; then
    check "load: 50 interviewers, $2 app instance(s), 30 s ($1)" npx tsx --conditions=react-server scripts/reliability/load.ts --users 50 --seconds 30 --instances "$2" "${@:3}"
    check "crash: SIGKILL during writes, 5 rounds ($1)" npx tsx --conditions=react-server scripts/reliability/crash.ts --users 20 --rounds 5 "${@:3}"
  fi
}

pgdir=$(mktemp -d /tmp/scorecards-pg.XXXXXX)
if pg_url=$(bash scripts/pg-cluster.sh start "$pgdir"); then
  echo "(throwaway PostgreSQL cluster at ${pg_url#*@})"
  counted vitest "$out/pg.json" "integration tests on PostgreSQL" \
    env TEST_DATABASE_URL="$pg_url" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$out/pg.json"
  reliability PostgreSQL 2 --pg "$pg_url"
  [ "$built" = 1 ] && check "scale-out: two app instances on one PostgreSQL" npx tsx --conditions=react-server scripts/reliability/scale-out.ts --pg "$pg_url"
else
  echo "could not start a PostgreSQL cluster"; add 0 1
fi
bash scripts/pg-cluster.sh stop "$pgdir"; pgdir=""
# SQLite is the one-machine database: one app instance (npm run load -- --instances 2 tries two)
reliability SQLite 1
# The benchmark end to end at its smallest: every route, curve and target in its JSON and HTML
# (docs/decisions/064-benchmark-curves-and-report.md); about a minute, so here and not in validate
[ "$built" = 1 ] && check "bench smoke: every route, curve and target (SQLite)" npx tsx --conditions=react-server scripts/bench/smoke.ts

# End-to-end: a production build served by Playwright's webServer on 127.0.0.1, over a fresh
# SQLite database with the demo data, in Debian's Chromium (installed here when missing).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's chromium for the e2e tests"
  (apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; })
fi
e2e_db="$PWD/tests/.e2e/e2e.db"
rm -rf tests/.e2e
if ! [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing and cannot be installed (not root): e2e tests not run"; add 0 1
elif [ "$built" = 1 ] && \
     DATABASE_URL="file:$e2e_db" npx tsx scripts/db.ts migrate >/dev/null && \
     DATABASE_URL="file:$e2e_db" npx tsx --conditions=react-server seed/seed.ts --demo >/dev/null; then
  counted playwright "$out/e2e.json" "end-to-end tests (Chromium)" \
    env E2E_DATABASE_URL="file:$e2e_db" PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e.json" npx playwright test --reporter=list,json
fi
rm -rf tests/.e2e

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
