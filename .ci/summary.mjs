// Reads vitest's JSON report and prints the one line CI reads: "N passed, N failed", last.
// A missing report, or a run that executed no test, is a failure. Before that line, the time each
// test project took, from tests/.tmp/vitest-projects.json beside the report (written by the
// reporter tests/helpers/project-times.ts; vitest's JSON report names no project).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`no test report at ${file}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Files, tests and seconds per project; the seconds are summed over files (two run at a time). */
function projectTimes() {
  const path = join(dirname(file), 'vitest-projects.json');
  let files;
  try {
    files = JSON.parse(readFileSync(path, 'utf8')).files;
  } catch (error) {
    console.log(`no time per project (${path}: ${error.message})`);
    return;
  }
  const projects = new Map();
  for (const entry of files) {
    const project = projects.get(entry.project) ?? { files: 0, tests: 0, seconds: 0 };
    project.files += 1;
    project.tests += entry.tests;
    project.seconds += entry.seconds;
    projects.set(entry.project, project);
  }
  const width = Math.max(...[...projects.keys()].map((name) => name.length));
  console.log('time per test project (each file from its start to its end, summed over the files):');
  for (const [name, project] of [...projects].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `  ${name.padEnd(width)}  ${String(project.files).padStart(4)} files  ${String(project.tests).padStart(5)} tests  ${project.seconds.toFixed(1).padStart(7)} s`,
    );
}
projectTimes();

const passed = report.numPassedTests ?? 0;
// A suite that failed with no failing test of its own (it did not load, or its beforeAll threw and
// its tests were skipped) counts as one failure.
const failedSuites = (report.testResults ?? []).filter(
  (suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((result) => result.status === 'failed'),
).length;
const failed = (report.numFailedTests ?? 0) + failedSuites;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
