// Prints one closing line, "N passed, N failed", from the JSON reports of vitest and Playwright, so CI (and a
// person) can read the totals of `npm test` at a glance. Exits non-zero when a report is missing or counts a failure.
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  ['unit', 'test-reports/unit.json', 'vitest'],
  ['integration', 'test-reports/integration.json', 'vitest'],
  ['e2e', 'test-reports/e2e.json', 'playwright'],
];

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = [];
for (const [name, file, kind] of reports) {
  if (!existsSync(file)) {
    missing.push(name);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let p = 0,
    f = 0,
    s = 0;
  if (kind === 'vitest') {
    p = report.numPassedTests ?? 0;
    f = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else {
    p = (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    f = report.stats?.unexpected ?? 0;
    s = report.stats?.skipped ?? 0;
  }
  console.log(`${name}: ${p} passed, ${f} failed, ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}
if (missing.length > 0) console.log(`missing reports (step not run or failed early): ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
