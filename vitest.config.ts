import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build tests run real Astro builds; two workers match the two cores CI has.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'tests/.tmp/vitest-results.json' }]],
  },
});
