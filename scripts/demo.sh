#!/usr/bin/env bash
# npm run demo: migrate the database (SQLite file data/scorecards.db unless DATABASE_URL says
# otherwise), load the five roles and the demo data, build, and serve on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
port=${PORT:-3000}
export NEXTAUTH_URL=${NEXTAUTH_URL:-http://localhost:$port}
export NEXTAUTH_SECRET=${NEXTAUTH_SECRET:-demo-only-secret-change-me-0123456789}

npm run --silent db:migrate
npm run --silent db:seed -- --demo
npx tsx seed/print-demo-users.ts
echo "Building the app (about a minute the first time)…"
node node_modules/next/dist/bin/next build >data/demo-build.log 2>&1 || { cat data/demo-build.log; exit 1; }
echo "Serving on http://localhost:$port (Ctrl+C to stop)"
exec node node_modules/next/dist/bin/next start -H 127.0.0.1 -p "$port"
