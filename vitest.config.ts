import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Unit tests and real site builds.
      {
        extends: true,
        test: { name: 'main', include: ['tests/**/*.test.ts'], exclude: ['tests/virtual/**', 'tests/.tmp/**'] },
      },
      // The theme's modules with `virtual:chirpy/*` and `astro:content` supplied per folder
      // (tests/helpers/chirpy-vitest.ts): page data, URLs and feeds without building a site.
      'tests/virtual/*/vitest.config.ts',
    ],
    // Build tests run real Astro builds; two workers match the two cores CI has.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'tests/.tmp/vitest-results.json' }]],
  },
});
