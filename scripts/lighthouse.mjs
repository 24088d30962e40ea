// Lighthouse (mobile settings) on the example blog and on the real-content fixtures
// (tests/fixtures/real-content: a Korean math blog with a ~300-formula post), each served as a
// static host serves it: files from the built folder, gzip for text. Writes docs/lighthouse.md
// and .json.
//   pnpm build && pnpm lighthouse
// Options: --runs N (each page N times; the lowest score and the median metrics are reported),
// --only example|real-content, --page <path> (that page only), --no-write (print only),
// --save-lhr <folder> (each run's full Lighthouse result, as JSON). CHIRPY_MATH_OUTPUT=htmlAndMathml|mathml
// builds the fixtures with that KaTeX output (BENCHMARKS.md, "Long math posts").
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'astro';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, FLAGS } from './chromium.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    page: { type: 'string' },
    'save-lhr': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs) || 1);

const SITES = [
  {
    id: 'example',
    title: 'Example blog',
    dist: 'examples/blog/dist',
    pages: [
      ['Home', '/'],
      ['Post', '/posts/getting-started/'],
      ['Math post', '/posts/math/'],
      ['Tag page', '/tags/math/'],
    ],
  },
  {
    id: 'real-content',
    title: 'Real-content fixtures',
    root: 'tests/fixtures/real-content',
    dist: 'tests/.tmp/lighthouse-real-content',
    pages: [
      ['Korean home', '/'],
      ['Korean home, page 2', '/page2/'],
      ['300-formula post', '/posts/라그랑주-역학과-해밀턴-역학/'],
      ['English math post', '/posts/fourier-series-notes/'],
      ['Post with a captioned image', '/posts/겨울-산행-기록/'],
      ['Post with code', '/posts/git-rebase-메모/'],
    ],
  },
].filter((site) => !args.only || site.id === args.only);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['FCP', 'first-contentful-paint', 'ms'],
  ['LCP', 'largest-contentful-paint', 'ms'],
  ['TBT', 'total-blocking-time', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
  ['SI', 'speed-index', 'ms'],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(xml|json|manifest)|image\/svg)/;

/** A static host: files from `dist` (a folder serves its index.html), text sent gzipped. */
function staticHost(dist) {
  const root = resolve(dist);
  const gzipped = new Map();
  return createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return response.writeHead(301, { location: `${encodeURI(path)}/` }).end();
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      file = join(root, '404.html');
      if (!existsSync(file)) return response.writeHead(404).end('not found');
      response.statusCode = 404;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.setHeader('content-type', type);
    response.setHeader('cache-control', 'public, max-age=600');
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file), { level: 9 })));
      response.setHeader('content-encoding', 'gzip');
      response.setHeader('vary', 'accept-encoding');
      return response.end(body);
    }
    createReadStream(file).pipe(response);
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function failingAudits(lhr, category) {
  return category.auditRefs
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
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';
for (const site of SITES) {
  if (site.root) {
    // A fresh content cache: rendered posts are cached by their text, not by the theme's code.
    rmSync(`${site.dist}-cache`, { recursive: true, force: true });
    await build({
      root: resolve(site.root),
      outDir: resolve(site.dist),
      cacheDir: resolve(`${site.dist}-cache`),
      logLevel: 'error',
    });
  } else if (!existsSync(join(site.dist, 'index.html'))) {
    throw new Error(`${site.dist} is not built: run \`pnpm build\` first.`);
  }
}

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', ...FLAGS] });
const results = [];
let version = '';
try {
  for (const site of SITES) {
    const server = staticHost(site.dist);
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      for (const [name, path] of site.pages.filter(([, path]) => !args.page || path === args.page)) {
        const runs = [];
        for (let run = 0; run < RUNS; run++) {
          const { lhr } = await lighthouse(origin + encodeURI(path), {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: CATEGORIES,
          });
          runs.push(lhr);
          if (args['save-lhr']) {
            mkdirSync(args['save-lhr'], { recursive: true });
            const name = `${site.id}${path.replace(/[^\p{L}\p{N}]+/gu, '-')}${run}.json`;
            writeFileSync(join(args['save-lhr'], name), JSON.stringify(lhr));
          }
          version = lhr.lighthouseVersion;
        }
        const scores = CATEGORIES.map((id) =>
          Math.min(...runs.map((lhr) => Math.round((lhr.categories[id]?.score ?? 0) * 100))),
        );
        const metrics = METRICS.map(([, id]) => median(runs.map((lhr) => lhr.audits[id]?.numericValue ?? NaN)));
        const last = runs.at(-1);
        const below = CATEGORIES.filter((id, index) => scores[index] < 100).map((id) => {
          const lhr = runs.find(
            (one) => Math.round((one.categories[id]?.score ?? 0) * 100) === scores[CATEGORIES.indexOf(id)],
          );
          const category = lhr.categories[id];
          return `${category.title} ${Math.round(category.score * 100)}: ${failingAudits(lhr, category).join('; ') || 'no single failing audit'}`;
        });
        results.push({
          site: site.id,
          name,
          path,
          scores,
          metrics: Object.fromEntries(METRICS.map(([label], index) => [label, metrics[index]])),
          transferBytes: last.audits['total-byte-weight']?.numericValue,
          domElements: last.audits['dom-size-insight']?.numericValue ?? last.audits['dom-size']?.numericValue,
          below,
        });
        console.error(`${site.id} ${path}: ${scores.join(' / ')}`);
      }
    } finally {
      await new Promise((done) => server.close(done));
    }
  }
} finally {
  await chrome.kill();
}

const format = (value, unit) =>
  Number.isFinite(value) ? (unit === 'ms' ? `${Math.round(value)} ms` : value.toFixed(3)) : '–';
const lines = [
  '# Lighthouse report',
  '',
  `Lighthouse ${version} with its default mobile settings (simulated throttling: a mid-range phone on slow 4G), Debian Chromium, on`,
  'each site served as a static host serves it: the built files, text gzipped. The real-content fixtures',
  '(`tests/fixtures/real-content`) are a Korean math blog written to look like the blogs moved from Chirpy: a',
  '~300-formula post with wide display math, blockquotes, prompts, image captions with links, images with',
  'only a width and headings that skip a level; a paginated Korean home.',
  `Regenerate with \`pnpm build && pnpm lighthouse\`${RUNS > 1 ? ` (here \`--runs ${RUNS}\`: the lowest score of ${RUNS} runs, the median metrics)` : ''}.`,
  "The long post with KaTeX's HTML output (`math: { output: 'htmlAndMathml' }`) and as it was before: BENCHMARKS.md,",
  '"Long math posts".',
  '',
];
for (const site of SITES) {
  const rows = results.filter((row) => row.site === site.id);
  lines.push(
    `## ${site.title}`,
    '',
    '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | transfer | DOM elements |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.name} (\`${row.path}\`) | ${row.scores.join(' | ')} | ${format(row.metrics.FCP, 'ms')} | ${format(row.metrics.LCP, 'ms')} | ${format(row.metrics.TBT, 'ms')} | ${format(row.metrics.CLS, '')} | ${Math.round((row.transferBytes ?? 0) / 1024)} KB | ${row.domElements ?? '–'} |`,
    ),
    '',
  );
  const below = rows.flatMap((row) => row.below.map((text) => `- ${row.name} (\`${row.path}\`), ${text}`));
  lines.push(
    ...(below.length > 0 ? ['Below 100, and why:', '', ...below] : ['Every category scores 100 on every page.']),
    '',
  );
}
console.log(lines.join('\n'));
if (!args['no-write']) {
  writeFileSync('docs/lighthouse.md', lines.join('\n'));
  writeFileSync('docs/lighthouse.json', `${JSON.stringify(results, null, 2)}\n`);
}
