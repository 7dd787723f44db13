// Prints "PASSED FAILED" from a Vitest or Playwright JSON report (used by scripts/test.sh).
import { readFileSync } from "node:fs";

const [kind, file] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, "utf8"));
if (kind === "vitest") {
  // a file that failed to load counts as one failure even though none of its tests ran
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === "failed" && f.assertionResults?.length === 0,
  ).length;
  console.log(`${report.numPassedTests} ${report.numFailedTests + brokenFiles}`);
} else if (kind === "playwright") {
  const s = report.stats;
  const loadErrors = (report.errors ?? []).length;
  console.log(`${s.expected + s.flaky} ${s.unexpected + loadErrors}`);
} else {
  throw new Error(`unknown report kind ${kind}`);
}
