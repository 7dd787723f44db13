# Sourced by scripts/test.sh (npm test) and scripts/validate.sh (npm run validate): the counting
# both end with ("N passed, N failed") and the checks both start with, so the quick subset is the
# whole suite's first part by construction. Expects `out` (a temporary folder for the reports).
passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }
check() { # one pass/fail check: name, command...
  local name=$1; shift
  echo; echo "=== $name"
  if "$@"; then add 1 0; echo "--- $name: passed"; else add 0 1; echo "--- $name: FAILED"; fi
}
counted() { # a runner that writes a JSON report: kind (vitest|playwright), report file, name, command...
  local kind=$1 report=$2 name=$3; shift 3
  echo; echo "=== $name"
  "$@"
  local counts
  if counts=$(node scripts/count-results.mjs "$kind" "$report" 2>/dev/null); then
    add ${counts% *} ${counts#* }
    echo "--- $name: ${counts% *} passed, ${counts#* } failed"
  else
    add 0 1; echo "--- $name: FAILED (no report; the runner did not finish)"
  fi
}
# typecheck, lint, format check, unit tests, integration tests on SQLite
quick_checks() {
  [ -d node_modules ] || npm install
  npx tsx scripts/db.ts generate >/dev/null || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }

  check "typecheck (tsc --noEmit)" npx tsc --noEmit
  check "lint (eslint)" npx eslint --max-warnings=0 .
  check "format (prettier --check)" npx prettier --check --log-level warn .

  counted vitest "$out/unit.json" "unit tests" \
    npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$out/unit.json"

  counted vitest "$out/sqlite.json" "integration tests on SQLite" \
    env -u TEST_DATABASE_URL npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$out/sqlite.json"
}
