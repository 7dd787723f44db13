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

passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }
check() {
  local name=$1; shift
  echo; echo "=== $name"
  if "$@"; then add 1 0; echo "--- $name: passed"; else add 0 1; echo "--- $name: FAILED"; fi
}
counted() {
  local report=$1 name=$2; shift 2
  echo; echo "=== $name"
  "$@"
  local counts
  if counts=$(node scripts/count-results.mjs vitest "$report" 2>/dev/null); then
    add ${counts% *} ${counts#* }
    echo "--- $name: ${counts% *} passed, ${counts#* } failed"
  else
    add 0 1; echo "--- $name: FAILED (no report; the runner did not finish)"
  fi
}

[ -d node_modules ] || npm install
npx tsx scripts/db.ts generate >/dev/null || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }

check "typecheck (tsc --noEmit)" npx tsc --noEmit
check "lint (eslint)" npx eslint --max-warnings=0 .
check "format (prettier --check)" npx prettier --check --log-level warn .
counted "$out/unit.json" "unit tests" \
  npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$out/unit.json"
counted "$out/sqlite.json" "integration tests on SQLite" \
  env -u TEST_DATABASE_URL npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$out/sqlite.json"

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
