#!/usr/bin/env bash
# npm test: typecheck, lint, format check, unit tests, integration tests on SQLite AND on a throwaway
# PostgreSQL cluster this script starts and stops, the load and crash runs against production app
# instances on both databases, then end-to-end tests in Debian's Chromium.
# Ends with one plain line "N passed, N failed" counting everything it ran (typecheck and lint
# count as one check each). `npm run validate` is the quick subset for the edit loop.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
# TEST_REPORTS=DIR keeps the runners' JSON reports (durations per test file and test) in DIR
out=${TEST_REPORTS:-$(mktemp -d)}
mkdir -p "$out" && rm -f "$out"/*.json "$out"/*.counts "$out"/*.log "$out"/built "$out"/e2e-ready # never count an earlier run's report
pgdir=""
cleanup() {
  [ -n "$pgdir" ] && bash scripts/pg-cluster.sh stop "$pgdir"
  [ -n "${TEST_REPORTS:-}" ] || rm -rf "$out"
}
trap cleanup EXIT

source scripts/checks.sh
# The integration tests on PostgreSQL run beside those on SQLite (scripts/checks.sh: quick_checks)
pgdir=$(mktemp -d /tmp/scorecards-pg.XXXXXX)
if pg_url=$(bash scripts/pg-cluster.sh start "$pgdir"); then
  echo "(throwaway PostgreSQL cluster at ${pg_url#*@})"
else
  echo "could not start a PostgreSQL cluster"; add 0 1; pg_url=""
fi
# Vitest's default is one worker here (the cores minus one). The PostgreSQL run, whose workers
# also wait on the server, gets two (INTEGRATION_WORKERS): with one, it went on alone after the
# SQLite run had ended; two for both runs was slower still (docs/decisions/066)
integration_workers=${INTEGRATION_WORKERS:-2}
pg_integration() {
  [ -n "$pg_url" ] || return 0
  counted vitest "$out/pg.json" "integration tests on PostgreSQL" \
    env TEST_DATABASE_URL="$pg_url" npx vitest run --project integration --maxWorkers="$integration_workers" --reporter=default --reporter=json --outputFile.json="$out/pg.json"
}
# The production build serves the load and crash runs and the e2e tests. It starts when the
# PostgreSQL run ends, beside the rest of the SQLite run (one worker), whose second core was idle
# until then (docs/decisions/070).
build() { check "production build (next build)" npx next build && touch "$out/built"; }
# The e2e tests' browser and database, made ready there too: Debian's Chromium when missing (and
# root), and a fresh SQLite database, migrated, with the demo data.
e2e_db="$PWD/tests/.e2e/e2e.db"
rm -rf tests/.e2e
prepare_e2e() {
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && [ "$(id -u)" = 0 ]; then
    echo "installing Debian's chromium for the e2e tests"
    (apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; })
  fi
  DATABASE_URL="file:$e2e_db" npx tsx scripts/db.ts migrate >/dev/null &&
    DATABASE_URL="file:$e2e_db" npx tsx --conditions=react-server seed/seed.ts --demo >/dev/null &&
    touch "$out/e2e-ready"
}
pg_integration_then_build() { pg_integration; build; prepare_e2e; }
quick_checks pg_integration_then_build
built=0
[ -f "$out/built" ] && built=1
# Load and crash runs against real app instances (docs/decisions/033-sqlite-under-concurrency.md),
# one at a time: each has the machine to itself.
reliability() { # args: name, instances, database flags
  if [ "$built" = 1 ]; then
    check "load: 50 interviewers, $2 app instance(s), 10 s ($1)" npx tsx --conditions=react-server scripts/reliability/load.ts --users 50 --seconds 10 --instances "$2" "${@:3}"
    check "crash: SIGKILL during writes, 2 rounds ($1)" npx tsx --conditions=react-server scripts/reliability/crash.ts --users 20 --rounds 2 "${@:3}"
  fi
}
if [ -n "$pg_url" ]; then
  reliability PostgreSQL 2 --pg "$pg_url"
  [ "$built" = 1 ] && check "scale-out: two app instances on one PostgreSQL" npx tsx --conditions=react-server scripts/reliability/scale-out.ts --pg "$pg_url"
fi
bash scripts/pg-cluster.sh stop "$pgdir"; pgdir=""
# SQLite is the one-machine database: one app instance (npm run load -- --instances 2 tries two)
reliability SQLite 1
# The benchmark end to end at its smallest: every route, curve and target in its JSON and HTML
# (docs/decisions/064-benchmark-curves-and-report.md); about a minute, so here and not in validate
[ "$built" = 1 ] && check "bench smoke: every route, curve and target (SQLite)" npx tsx --conditions=react-server scripts/bench/smoke.ts

# End-to-end: a production build served by Playwright's webServer on 127.0.0.1, over a fresh
# SQLite database with the demo data, in Debian's Chromium (installed here when missing).
# E2E_SHARDS (default 2) Playwright runs side by side, each with its own server (E2E_PORT, default
# 3100, and up) and its own copy of the seeded database; each runs its share of the spec files in
# file order (docs/decisions/065-test-run-time.md). Their output is printed whole, one after another.
shards=${E2E_SHARDS:-2}
e2e() {
  local i pids=() port=${E2E_PORT:-3100}
  for ((i = 1; i <= shards; i++)); do
    mkdir -p "tests/.e2e/$i"
    for f in "$e2e_db"*; do cp "$f" "tests/.e2e/$i/${f##*/}"; done
    env E2E_PORT=$((port + i - 1)) E2E_DATABASE_URL="file:$PWD/tests/.e2e/$i/e2e.db" \
      PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e-$i.json" npx playwright test --shard="$i/$shards" --reporter=list,json \
      >"$out/e2e-$i.log" 2>&1 &
    pids+=($!)
  done
  local ok=0
  for ((i = 1; i <= shards; i++)); do
    wait "${pids[i - 1]}" || ok=1
    echo "(shard $i of $shards)"; cat "$out/e2e-$i.log"
  done
  return $ok
}
if ! [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing and cannot be installed (not root): e2e tests not run"; add 0 1
elif [ "$built" = 1 ] && ! [ -f "$out/e2e-ready" ]; then
  echo "the e2e database could not be migrated and seeded: e2e tests not run"; add 0 1
elif [ "$built" = 1 ]; then
  counted playwright "$(for ((i = 1; i <= shards; i++)); do echo "$out/e2e-$i.json"; done)" "end-to-end tests (Chromium)" e2e
fi
rm -rf tests/.e2e

echo
echo "(npm test took $SECONDS s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
