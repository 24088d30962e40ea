import { defineConfig } from 'astro/config';
import chirpy from 'astro-theme-chirpy';

/**
 * The runner also builds this site with some features off (BENCH_THEME_VARIANT), to show
 * what each costs: `no-search-feeds` (no Pagefind index, no feeds) and `posts-only` (one
 * page per post, like the baseline, but in the theme's layout). BENCH_LANGUAGES makes it multilingual.
 */
const variants = {
  full: {},
  'no-search-feeds': { search: false, feed: false },
  'posts-only': {
    home: false,
    categories: false,
    tags: false,
    archives: false,
    feed: false,
    notFound: false,
    seo: false,
    search: false,
  },
};
const routes = variants[process.env.BENCH_THEME_VARIANT ?? 'full'];
if (!routes) throw new Error(`unknown BENCH_THEME_VARIANT ${process.env.BENCH_THEME_VARIANT}`);

export default defineConfig({
  site: 'https://bench.example.com',
  // BENCH_CONCURRENCY: Astro's build.concurrency; unset, the theme's (4, when the site leaves Astro's 1).
  ...(process.env.BENCH_CONCURRENCY ? { build: { concurrency: Number(process.env.BENCH_CONCURRENCY) } } : {}),
  integrations: [
    chirpy({
      title: 'Benchmark',
      timezone: 'Asia/Seoul',
      routes,
      // BENCH_LANGUAGES=en,ko,ja,fr: the multilingual case (posts in the languages' folders).
      ...(process.env.BENCH_LANGUAGES ? { languages: process.env.BENCH_LANGUAGES.split(',') } : {}),
    }),
  ],
});
