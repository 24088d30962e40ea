/**
 * A vitest reporter that writes, for each test file of a run, its project and the time it took
 * (starting its environment, importing it and its imports, running its tests), as JSON:
 * `{ "files": [{ "file", "project", "tests", "seconds" }] }`. vitest's JSON report names neither
 * the project nor the import time; .ci/summary.mjs reads this file to print the time per project.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export default class ProjectTimes implements Reporter {
  private root = process.cwd();

  /** `outputFile` is read from the root of vitest's config, as the JSON reporter's is. */
  private readonly outputFile: string;

  constructor(outputFile: string) {
    this.outputFile = outputFile;
  }

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules.map((module) => {
      const time = module.diagnostic();
      const ms =
        time.environmentSetupDuration +
        time.prepareDuration +
        time.setupDuration +
        time.collectDuration +
        time.duration;
      return {
        file: module.moduleId,
        project: module.project.name,
        tests: [...module.children.allTests()].length,
        seconds: Math.round(ms) / 1000,
      };
    });
    const path = resolve(this.root, this.outputFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ files }, null, 2)}\n`);
  }
}
