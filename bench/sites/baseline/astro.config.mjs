// The floor: a bare Astro site rendering the same posts with the same Markdown pipeline
// (unified, remark-math, rehype-katex, Shiki), one plain page per post.
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

export default defineConfig({
  site: 'https://bench.example.com',
  // BENCH_CONCURRENCY: Astro's build.concurrency (pages generated at a time); unset, Astro's default (1).
  ...(process.env.BENCH_CONCURRENCY ? { build: { concurrency: Number(process.env.BENCH_CONCURRENCY) } } : {}),
  markdown: {
    processor: unified({ remarkPlugins: [[remarkMath, { singleDollarTextMath: true }]], rehypePlugins: [rehypeKatex] }),
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: false },
  },
});
