// Lighthouse (mobile settings) on the example blog's home, a post, a math post and a tag page,
// served by `astro preview` from the built site. Writes docs/lighthouse.md and .json.
//   pnpm build && pnpm lighthouse
import { writeFileSync } from 'node:fs';
import { preview } from 'astro';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, FLAGS } from './chromium.mjs';

const PAGES = [
  ['Home', '/'],
  ['Post', '/posts/getting-started/'],
  ['Math post', '/posts/math/'],
  ['Tag page', '/tags/math/'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const server = await preview({ root: 'examples/blog', logLevel: 'error', server: { host: '127.0.0.1', port: 4377 } });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless', ...FLAGS],
});
const rows = [];
const below = [];
try {
  for (const [name, path] of PAGES) {
    const { lhr } = await lighthouse(`http://127.0.0.1:4377${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
    rows.push({ name, path, scores });
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      if ((category?.score ?? 0) >= 1) continue;
      const failing = category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (audit) =>
            audit &&
            audit.score !== null &&
            audit.score < 1 &&
            audit.scoreDisplayMode !== 'informative' &&
            audit.scoreDisplayMode !== 'manual',
        )
        .map((audit) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      below.push(
        `- ${name} (${path}), ${category.title} ${Math.round(category.score * 100)}: ${failing.join('; ') || 'no single failing audit'}`,
      );
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}

const lines = [
  '# Lighthouse report',
  '',
  'Lighthouse with its default mobile settings (simulated throttling), Debian Chromium, on the example blog served by',
  '`astro preview`. Regenerate with `pnpm build && pnpm lighthouse`.',
  '',
  '| page | performance | accessibility | best practices | SEO |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.name} (\`${row.path}\`) | ${row.scores.join(' | ')} |`),
  '',
  below.length > 0 ? '## Below 100, and why' : 'Every category scores 100 on every page.',
  ...(below.length > 0 ? ['', ...below] : []),
  '',
];
writeFileSync('docs/lighthouse.md', lines.join('\n'));
writeFileSync('docs/lighthouse.json', `${JSON.stringify(rows, null, 2)}\n`);
console.log(lines.join('\n'));
