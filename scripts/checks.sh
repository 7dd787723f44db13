# Sourced by scripts/test.sh (npm test) and scripts/validate.sh (npm run validate): the counting
# both end with ("N passed, N failed") and the checks both start with, so the quick subset is the
# whole suite's first part by construction. Expects `out` (a temporary folder for the reports).
passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }
check() { # one pass/fail check: name, command...
  local name=$1 start=$SECONDS; shift
  echo; echo "=== $name"
  if "$@"; then add 1 0; echo "--- $name: passed ($((SECONDS - start)) s)"; else add 0 1; echo "--- $name: FAILED ($((SECONDS - start)) s)"; fi
}
counted() { # a runner that writes JSON reports: kind (vitest|playwright), report file(s) one a line, name, command...
  local kind=$1 report=$2 name=$3 start=$SECONDS; shift 3
  echo; echo "=== $name"
  "$@"
  local counts took="$((SECONDS - start)) s"
  local reports; mapfile -t reports <<<"$report"
  if counts=$(node scripts/count-results.mjs "$kind" "${reports[@]}" 2>/dev/null); then
    add ${counts% *} ${counts#* }
    echo "--- $name: ${counts% *} passed, ${counts#* } failed ($took)"
  else
    add 0 1; echo "--- $name: FAILED (no report; the runner did not finish) ($took)"
  fi
}
together() { # stage functions run at the same time; prints each one's output whole, in the order given
  local names=("$@") pids=() i
  if [ -n "${TEST_SERIAL:-}" ]; then # TEST_SERIAL=1: one after another, as they print
    for i in "${!names[@]}"; do "${names[i]}"; done
    return
  fi
  for i in "${!names[@]}"; do
    (passed=0 failed=0; "${names[i]}"; echo "$passed $failed" >"$out/${names[i]}.counts") >"$out/${names[i]}.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!names[@]}"; do
    wait "${pids[i]}"
    cat "$out/${names[i]}.log"
    local counts; counts=$(cat "$out/${names[i]}.counts" 2>/dev/null) || counts="0 1"
    add ${counts% *} ${counts#* }
  done
}
typecheck() { check "typecheck (tsc --noEmit)" npx tsc --noEmit; }
lint() { check "lint (eslint)" npx eslint --max-warnings=0 .; }
format_check() { check "format (prettier --check)" npx prettier --check --log-level warn .; }
unit_tests() {
  counted vitest "$out/unit.json" "unit tests" \
    npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$out/unit.json"
}
sqlite_integration() {
  counted vitest "$out/sqlite.json" "integration tests on SQLite" \
    env -u TEST_DATABASE_URL npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$out/sqlite.json"
}
# typecheck, lint, format check and unit tests side by side (each is mostly one process, and
# together they keep both cores busy), then the integration tests on SQLite beside the stage
# functions given (npm test: the same tests on PostgreSQL); docs/decisions/065-test-run-time.md
quick_checks() {
  [ -d node_modules ] || npm install
  npx tsx scripts/db.ts generate >/dev/null || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }
  together typecheck lint format_check unit_tests
  together sqlite_integration "$@"
}
