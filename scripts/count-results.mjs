// Prints "PASSED FAILED" summed over Vitest or Playwright JSON reports (used by scripts/test.sh;
// the e2e run writes one report per shard). A missing or unreadable report throws: the caller
// counts the run as failed.
import { readFileSync } from "node:fs";

const [kind, ...files] = process.argv.slice(2);
if (files.length === 0) throw new Error("no report given");
let passed = 0;
let failed = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (kind === "vitest") {
    // a file that failed to load counts as one failure even though none of its tests ran
    const brokenFiles = (report.testResults ?? []).filter(
      (f) => f.status === "failed" && f.assertionResults?.length === 0,
    ).length;
    passed += report.numPassedTests;
    failed += report.numFailedTests + brokenFiles;
  } else if (kind === "playwright") {
    const s = report.stats;
    const loadErrors = (report.errors ?? []).length;
    passed += s.expected + s.flaky;
    failed += s.unexpected + loadErrors;
  } else {
    throw new Error(`unknown report kind ${kind}`);
  }
}
console.log(`${passed} ${failed}`);
