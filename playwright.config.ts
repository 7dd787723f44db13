// End-to-end tests in Debian's Chromium (no browser download: see STACK notes in README).
// scripts/test.sh builds the app and prepares E2E_DATABASE_URL (migrated, demo data) first.
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  // one folder per server, so that runs side by side (scripts/test.sh) do not clear each other's
  outputDir: `test-results/${PORT}`,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // a test tagged @phone is about the page at a phone's size (its accessibility scan included)
    // and runs there only; run in both, it doubled its cost (docs/decisions/065)
    { name: "desktop", use: { viewport: { width: 1280, height: 900 } }, grepInvert: /@phone/ },
    { name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium" }, grep: /@phone/ },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/ping`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdef",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/e2e.db",
      // the webhook test's receiver listens on this machine (tests/e2e/api-tokens.spec.ts); every
      // other loopback or private address stays refused
      WEBHOOK_ALLOW_HOSTS: "localhost",
    },
  },
});
