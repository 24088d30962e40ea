/**
 * The test projects. `unit` holds the tests that build no site and run no outside program
 * besides git: they share one worker's module graph (`isolate: false`), so the theme and its
 * dependencies are imported once per worker instead of once per file. A test goes there only if
 * it leaves the process as it found it: no `vi.mock`, no `process.env` or global left changed, no
 * module state another file reads (checked file by file when they were listed). `main` holds the
 * rest: real site builds, Jekyll, browsers, timing ratios, each file in a fresh worker.
 */
import { defineConfig } from 'vitest/config';
import ProjectTimes from './tests/helpers/project-times.ts';

const UNIT = [
  'tests/unit/**/*.test.ts',
  'tests/hostile/katex-overflow.test.ts',
  'tests/hostile/liquid-sandbox.test.ts',
  'tests/build/math-output.test.ts',
  'tests/kramdown/**/*.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      // Real site builds, and the tests that need a process of their own.
      {
        extends: true,
        test: {
          name: 'main',
          include: ['tests/**/*.test.ts'],
          exclude: [...UNIT, 'tests/virtual/**', 'tests/.tmp/**'],
        },
      },
      // The theme's modules with `virtual:chirpy/*` and `astro:content` supplied per folder
      // (tests/helpers/chirpy-vitest.ts): page data, URLs and feeds without building a site.
      'tests/virtual/*/vitest.config.ts',
    ],
    // Build tests run real Astro builds; two workers match the two cores CI has.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // The JSON report is what .ci/run counts; the default reporter is for people; ProjectTimes
    // notes each file's project and time, which .ci/run prints per project.
    reporters: [
      'default',
      ['json', { outputFile: 'tests/.tmp/vitest-results.json' }],
      new ProjectTimes('tests/.tmp/vitest-projects.json'),
    ],
  },
});
