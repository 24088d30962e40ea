// The benchmark: builds the theme and a bare-Astro baseline over the same generated posts.
//   pnpm bench                 N = 100, 1000, 5000; median of 3; writes BENCHMARKS.md
//   node bench/run.mjs --smoke N = 50, once, no timing claims (CI keeps it from rotting)
//   --heavy                    the heavy corpus (long posts, half with math, code, images): its
//                              own section of BENCHMARKS.md (markers bench-heavy)
//   --profile                  where the time goes (bench/profile.mjs): one profiled build of each
//                              site per run at BENCH_SIZES (default 1000), its own section
//                              (markers bench-profile, or bench-profile-heavy with --heavy)
//   --incremental              warm rebuilds (issue Step 17, item 4): at BENCH_SIZES (default
//                              1000,5000) a cold build, then one post edited and the site built
//                              again with the content store kept; printed (BENCH_PRINT) or
//                              written between the bench-incremental markers
//   --workers                  the render pool (issue Step 17, item 3): at BENCH_SIZES (default
//                              1000) the theme rendering on one thread and in 1, 2 and 4 worker
//                              threads (BENCH_WORKERS_LIST), against the baseline, builds taking
//                              turns; its own section (markers bench-workers[-heavy])
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generate } from './generate.mjs';
import { profileBuild, profileTables } from './profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SITES = { theme: join(HERE, 'sites/theme'), baseline: join(HERE, 'sites/baseline') };
const smoke = process.argv.includes('--smoke');
const heavy = process.argv.includes('--heavy');
const profile = process.argv.includes('--profile');
/** Writes the corpus for one site: the heavy one names images as each site can read them. */
const generateFor = (root, n, languages) =>
  generate(join(root, 'src/content/posts'), n, 42, languages, {
    heavy,
    flavour: root === SITES.baseline ? 'baseline' : 'theme',
    publicDir: join(root, 'public'),
  });
const reportPath = process.env.BENCH_REPORT ?? join(HERE, '..', 'BENCHMARKS.md');

/** Formats the report the way `pnpm lint` checks it (the runner writes tables unpadded). */
function formatReport() {
  const prettier = join(HERE, '..', 'node_modules', '.bin', 'prettier');
  if (existsSync(prettier)) spawnSync(prettier, ['--write', reportPath], { stdio: 'ignore' });
}
/** Replaces the part of the report between `<!-- name:start` and `<!-- name:end -->` (appends it if absent). */
function writeSection(name, body) {
  const previous = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '# Benchmarks\n';
  const open = `<!-- ${name}:start (written by bench/run.mjs; edit outside these markers) -->`;
  const close = `<!-- ${name}:end -->`;
  const text = [open, '', ...body, close].join('\n');
  const start = previous.indexOf(`<!-- ${name}:start`);
  const end = previous.indexOf(close);
  const report =
    start === -1 || end === -1
      ? `${previous.trimEnd()}\n\n${text}\n`
      : `${previous.slice(0, start)}${text}${previous.slice(end + close.length)}`;
  writeFileSync(reportPath, report);
  formatReport();
  console.log(`wrote ${reportPath} (${name})`);
}

if (profile) {
  const profileSizes = (process.env.BENCH_SIZES ?? '1000').split(',').map(Number);
  const profileRuns = Number(process.env.BENCH_RUNS ?? 1);
  const body = [
    `Measured by \`node bench/run.mjs --profile${heavy ? ' --heavy' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; one profiled build of each site, taking turns. Under the profiler a build runs slower than in the tables above: compare theme with baseline, not with those.`,
    '',
  ];
  for (const n of profileSizes) {
    for (const root of Object.values(SITES)) generateFor(root, n);
    for (let run = 0; run < profileRuns; run += 1) {
      const theme = profileBuild(SITES.theme, join(HERE, 'build-one.mjs'), { BENCH_THEME_VARIANT: 'full' });
      const baseline = profileBuild(SITES.baseline, join(HERE, 'build-one.mjs'), {});
      console.log(`N=${n}: theme ${theme.seconds.toFixed(1)} s, baseline ${baseline.seconds.toFixed(1)} s (profiled)`);
      body.push(
        ...profileTables({
          theme,
          baseline,
          label: `N = ${n}${heavy ? ', heavy corpus' : ''}${profileRuns > 1 ? `, run ${run + 1}` : ''}`,
        }),
      );
    }
  }
  if (process.env.BENCH_PRINT) console.log(body.join('\n'));
  else writeSection(heavy ? 'bench-profile-heavy' : 'bench-profile', body);
  process.exit(0);
}

if (process.argv.includes('--incremental')) {
  const incrementalSizes = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
  const incrementalRuns = Number(process.env.BENCH_RUNS ?? 1);
  const rows = [];
  for (const n of incrementalSizes) {
    for (const root of Object.values(SITES)) generateFor(root, n);
    for (let run = 0; run < incrementalRuns; run += 1) {
      for (const [name, root] of Object.entries(SITES)) {
        const cold = buildOnce(root, 'full');
        // Nothing changed: what a build costs that renders no post again.
        const unchanged = buildOnce(root, 'full', undefined, { keepStore: true });
        // One post edited: a sentence appended to the middle post of the folder.
        const folder = join(root, 'src/content/posts');
        const post = join(folder, readdirSync(folder).sort()[Math.floor(n / 2)]);
        const before = readFileSync(post, 'utf8');
        writeFileSync(post, `${before.trimEnd()}\n\nOne more sentence, appended for the warm rebuild.\n`);
        let edited;
        try {
          edited = buildOnce(root, 'full', undefined, { keepStore: true });
        } finally {
          writeFileSync(post, before);
        }
        const row = { n, name, run: run + 1, cold, unchanged, edited };
        console.log(
          `N=${n} ${name}: cold ${cold.seconds.toFixed(1)} s, unchanged ${unchanged.seconds.toFixed(1)} s, one post edited ${edited.seconds.toFixed(1)} s (${(edited.seconds / cold.seconds).toFixed(2)} of cold)`,
        );
        rows.push(row);
      }
    }
  }
  const body = [
    `Measured by \`node bench/run.mjs --incremental\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}${heavy ? ', heavy corpus' : ''}. A cold build (caches removed), then the same site built again with the content store kept (\`.astro\`, \`node_modules/.astro\`; \`dist\` removed): once unchanged, once with a sentence appended to one post. Theme and baseline take turns.`,
    '',
    '| N | site | run | cold (s) | unchanged (s) | one post edited (s) | edited / cold | peak MB cold / edited |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.name} | ${r.run} | ${r.cold.seconds.toFixed(1)} | ${r.unchanged.seconds.toFixed(1)} | ${r.edited.seconds.toFixed(1)} | ${(r.edited.seconds / r.cold.seconds).toFixed(2)} | ${r.cold.peakMb.toFixed(0)} / ${r.edited.peakMb.toFixed(0)} |`,
    ),
    '',
  ];
  if (process.env.BENCH_PRINT) console.log(body.join('\n'));
  else writeSection('bench-incremental', body);
  process.exit(0);
}

/** `--multilingual-only`: only the multilingual case, its table printed (not written). */
const multilingualOnly = process.argv.includes('--multilingual-only');
const sizes = multilingualOnly
  ? []
  : smoke
    ? [50]
    : (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const runs = smoke ? 1 : Number(process.env.BENCH_RUNS ?? 3);

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, entry))
    .filter((path) => statSync(path).isFile());
}

function buildOnce(root, variant, languages, { keepStore = false, env = {} } = {}) {
  // A cold build removes Astro's caches (the content store among them); a warm one keeps them,
  // as the deploy workflow does between builds, and removes only the output.
  for (const path of keepStore ? ['dist'] : ['dist', '.astro', 'node_modules/.astro'])
    rmSync(join(root, path), { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(HERE, 'build-one.mjs'), root], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_THEME_VARIANT: variant ?? 'full', BENCH_LANGUAGES: languages ?? '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`build of ${root} failed:\n${result.stdout}\n${result.stderr}`);
  const { maxRssKb } = JSON.parse(result.stdout.trim().split('\n').pop());
  const dist = join(root, 'dist');
  const all = files(dist);
  return {
    seconds,
    peakMb: maxRssKb / 1024,
    pages: all.filter((path) => path.endsWith('.html')).length,
    outputMb: all.reduce((sum, path) => sum + statSync(path).size, 0) / 1024 / 1024,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summarise(measured, label) {
  const summary = {
    seconds: median(measured.map((m) => m.seconds)),
    runs: measured.map((m) => m.seconds),
    peakMb: Math.max(...measured.map((m) => m.peakMb)),
    pages: measured[0].pages,
    outputMb: measured[0].outputMb,
  };
  console.log(
    `${label}: ${summary.seconds.toFixed(1)} s (${summary.runs.map((s) => s.toFixed(1)).join(', ')}), ${summary.peakMb.toFixed(0)} MB peak, ${summary.pages} pages`,
  );
  return summary;
}

/** HTML, CSS and JS a page loads (raw and gzip) and how many same-origin requests it makes. */
function pageWeight(dist, path) {
  const htmlFile = join(dist, decodeURIComponent(path), 'index.html');
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const refs = [
    ...text.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="(\/[^"]*)"/g),
  ].map((m) => m[1]);
  const weight = { html: [html.length, gzipSync(html).length], css: [0, 0], js: [0, 0], requests: 1 + refs.length };
  for (const ref of refs) {
    const file = join(dist, decodeURIComponent(ref.split('?')[0]));
    if (!existsSync(file)) continue;
    const body = readFileSync(file);
    const kind = ref.endsWith('.css') ? 'css' : ref.endsWith('.js') ? 'js' : undefined;
    if (kind) {
      weight[kind][0] += body.length;
      weight[kind][1] += gzipSync(body).length;
    }
  }
  const inline = [...text.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  weight.js[0] += Buffer.byteLength(inline);
  weight.js[1] += inline ? gzipSync(inline).length : 0;
  weight.thirdParty = /<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?\/\/(?!bench\.example\.com)/.test(
    text,
  );
  weight.katex = /katex/.test(text);
  return weight;
}

if (process.argv.includes('--workers')) {
  const workerSizes = (process.env.BENCH_SIZES ?? '1000').split(',').map(Number);
  const workerRuns = Number(process.env.BENCH_RUNS ?? 3);
  const counts = (process.env.BENCH_WORKERS_LIST ?? '0,1,2,4').split(',').map(Number);
  const label = (count) =>
    count === 0 ? 'theme, one thread (`workers: 0`)' : `theme, ${count} worker thread${count === 1 ? '' : 's'}`;
  const rows = [];
  for (const n of workerSizes) {
    for (const root of Object.values(SITES)) generateFor(root, n);
    const builds = [
      ...counts.map((count) => [label(count), SITES.theme, { BENCH_WORKERS: String(count) }]),
      ['baseline', SITES.baseline, {}],
    ];
    const measured = Object.fromEntries(builds.map(([name]) => [name, []]));
    for (let run = 0; run < workerRuns; run += 1) {
      for (const [name, root, env] of builds) measured[name].push(buildOnce(root, 'full', undefined, { env }));
    }
    const summaries = Object.fromEntries(builds.map(([name]) => [name, summarise(measured[name], `N=${n} ${name}`)]));
    const baseline = summaries.baseline.seconds;
    const oneThread = summaries[label(0)]?.seconds;
    for (const [name] of builds) rows.push({ n, name, ...summaries[name], baseline, oneThread });
  }
  const body = [
    `Measured by \`node bench/run.mjs --workers${heavy ? ' --heavy' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}${heavy ? ', heavy corpus' : ''}. Each build a fresh process with caches removed, the builds taking turns; wall time the median of ${workerRuns}, peak memory the largest RSS of the build process (worker threads included).`,
    '',
    '| N | build | time (s) | runs (s) | / baseline | / one thread | peak MB |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.name} | ${r.seconds.toFixed(1)} | ${r.runs.map((x) => x.toFixed(1)).join(', ')} | ${(r.seconds / r.baseline).toFixed(2)} | ${r.name === 'baseline' || !r.oneThread ? '–' : (r.seconds / r.oneThread).toFixed(2)} | ${r.peakMb.toFixed(0)} |`,
    ),
    '',
  ];
  if (process.env.BENCH_PRINT) console.log(body.join('\n'));
  else writeSection(heavy ? 'bench-workers-heavy' : 'bench-workers', body);
  process.exit(0);
}

// What the theme's features cost: at N = 1000 (or the largest N measured) the theme is also
// built with some of them off. Every build of a run takes its turn, so a machine that slows
// down for a while slows all of them; the full theme builds last, for the page weights.
const VARIANTS = { 'no-search-feeds': 'search and feeds off', 'posts-only': 'post pages only (like the baseline)' };
const variantN = sizes.includes(1000) ? 1000 : sizes.at(-1);

const results = [];
for (const n of sizes) {
  for (const root of Object.values(SITES)) generateFor(root, n);
  const row = { n };
  const builds = [
    ...(n === variantN ? Object.keys(VARIANTS).map((variant) => [variant, SITES.theme, variant]) : []),
    ['theme', SITES.theme, 'full'],
    ['baseline', SITES.baseline, undefined],
  ];
  const measured = Object.fromEntries(builds.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, root, variant] of builds) measured[name].push(buildOnce(root, variant));
  }
  for (const name of Object.keys(SITES)) row[name] = summarise(measured[name], `N=${n} ${name}`);
  if (n === variantN) {
    row.variants = Object.fromEntries(
      Object.entries(VARIANTS).map(([name, label]) => [name, summarise(measured[name], `N=${n} theme, ${label}`)]),
    );
  }
  row.ratio = row.theme.seconds / row.baseline.seconds;
  const dist = join(SITES.theme, 'dist');
  const mathPost = readdirSync(join(SITES.theme, 'src/content/posts')).find((file) =>
    readFileSync(join(SITES.theme, 'src/content/posts', file), 'utf8').includes('math: true'),
  );
  const plainPost = readdirSync(join(SITES.theme, 'src/content/posts')).find(
    (file) => !readFileSync(join(SITES.theme, 'src/content/posts', file), 'utf8').includes('math: true'),
  );
  const slug = (file) => file.replace(/^\d{4}-\d\d-\d\d-/, '').replace(/\.md$/, '');
  row.pages = {
    home: pageWeight(dist, '/'),
    post: pageWeight(dist, `/posts/${slug(plainPost)}/`),
    'math post': pageWeight(dist, `/posts/${slug(mathPost)}/`),
    'tag page': pageWeight(dist, `/tags/${readdirSync(join(dist, 'tags')).find((name) => !name.includes('.'))}/`),
  };
  results.push(row);
}

const variantRow = results.find((row) => row.n === variantN);

// Multilingual: N posts in L languages (N / L groups, each translated into every language),
// against the baseline rendering the same files, and the one-language theme at the same N.
const [multiN, multiLanguages] = (process.env.BENCH_MULTILINGUAL ?? (smoke ? '20:en,ko' : '500:en,ko,ja,fr')).split(
  ':',
);
let multilingual;
if (multiN) {
  const n = Number(multiN);
  const languages = multiLanguages.split(',');
  const builds = [
    ['theme, one language', SITES.theme, undefined, undefined],
    ['baseline, one language', SITES.baseline, undefined, undefined],
    [`theme, ${languages.length} languages`, SITES.theme, languages.join(','), languages],
    [`baseline, ${languages.length} languages`, SITES.baseline, undefined, languages],
  ];
  const measured = Object.fromEntries(builds.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, root, themeLanguages, corpusLanguages] of builds) {
      generateFor(root, n, corpusLanguages);
      measured[name].push(buildOnce(root, 'full', themeLanguages));
    }
  }
  multilingual = {
    n,
    languages,
    rows: Object.fromEntries(Object.keys(measured).map((name) => [name, summarise(measured[name], `N=${n} ${name}`)])),
  };
}

const multilingualTable = multilingual
  ? [
      `## Multilingual (N = ${multilingual.n} posts in ${multilingual.languages.length} languages)`,
      '',
      `${multilingual.n / multilingual.languages.length} posts, each translated into ${multilingual.languages.join(', ')} (files in the languages' folders, as polyglot blogs keep them), against the same number of posts in one language. The baseline renders the same files, one page each.`,
      '',
      '| build | pages | time (s) | runs (s) | / its baseline |',
      '| --- | --- | --- | --- | --- |',
      ...Object.entries(multilingual.rows).map(([label, m]) => {
        const baseline = multilingual.rows[label.startsWith('theme') ? label.replace('theme', 'baseline') : label];
        return `| ${label} | ${m.pages} | ${m.seconds.toFixed(1)} | ${m.runs.map((v) => v.toFixed(1)).join(', ')} | ${(m.seconds / baseline.seconds).toFixed(2)} |`;
      }),
      '',
    ]
  : [];
if (multilingualOnly) {
  console.log(`\n${multilingualTable.join('\n')}`);
  process.exit(0);
}

// Targets, checked and printed.
const at = (n) => results.find((row) => row.n === n);
const kb = (bytes) => bytes / 1024;
const targets = [];
// Step 17: the theme at most 1.15 × the bare site at N = 1000 and 5000, its peak memory at most the bare
// site's + 10 %.
for (const n of [1000, 5000]) {
  if (!at(n)) continue;
  targets.push([`theme build ≤ 1.15 × baseline at N = ${n}`, at(n).ratio <= 1.15, `${at(n).ratio.toFixed(2)} ×`]);
  const memory = at(n).theme.peakMb / at(n).baseline.peakMb;
  targets.push([
    `theme peak memory ≤ baseline + 10 % at N = ${n}`,
    memory <= 1.1,
    `${at(n).theme.peakMb.toFixed(0)} / ${at(n).baseline.peakMb.toFixed(0)} MB (${((memory - 1) * 100).toFixed(0)} %)`,
  ]);
}
// Step 6's growth and memory ceilings were set for the standard corpus.
if (!heavy && at(1000) && at(5000)) {
  const growth = at(5000).theme.seconds / at(1000).theme.seconds;
  targets.push(['N = 5000 ≤ 5.5 × N = 1000', growth <= 5.5, `${growth.toFixed(2)} ×`]);
}
if (!heavy && at(5000))
  targets.push([
    'peak memory ≤ 2 GB at N = 5000',
    at(5000).theme.peakMb <= 2048,
    `${at(5000).theme.peakMb.toFixed(0)} MB`,
  ]);
const last = results.at(-1);
targets.push([
  'post without math: JS ≤ 5 KB gzip',
  kb(last.pages.post.js[1]) <= 5,
  `${kb(last.pages.post.js[1]).toFixed(2)} KB`,
]);
targets.push([
  'post without math: no third-party request',
  !last.pages.post.thirdParty,
  last.pages.post.thirdParty ? 'yes' : 'none',
]);
targets.push([
  'CSS ≤ 30 KB gzip without KaTeX',
  kb(last.pages.post.css[1]) <= 30,
  `${kb(last.pages.post.css[1]).toFixed(2)} KB`,
]);
targets.push([
  'KaTeX assets only on math pages',
  last.pages['math post'].katex && !last.pages.post.katex && !last.pages.home.katex,
  '',
]);
for (const [name, met, value] of targets) console.log(`${met ? 'met    ' : 'NOT MET'}  ${name}  ${value}`);

if (smoke) {
  console.log('smoke run: no numbers written');
  process.exit(0);
}

// The chart: build time against N, theme and baseline.
const width = 640;
const height = 360;
const pad = 50;
const maxN = Math.max(...results.map((r) => r.n));
const maxS = Math.max(...results.flatMap((r) => [r.theme.seconds, r.baseline.seconds])) * 1.1;
const x = (n) => pad + (n / maxN) * (width - 2 * pad);
const y = (s) => height - pad - (s / maxS) * (height - 2 * pad);
const line = (key, color) =>
  `<polyline fill="none" stroke="${color}" stroke-width="2" points="${results.map((r) => `${x(r.n).toFixed(1)},${y(r[key].seconds).toFixed(1)}`).join(' ')}"/>` +
  results
    .map((r) => `<circle cx="${x(r.n).toFixed(1)}" cy="${y(r[key].seconds).toFixed(1)}" r="3" fill="${color}"/>`)
    .join('');
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  `<rect width="${width}" height="${height}" fill="#fff"/>`,
  `<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#888"/>`,
  `<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#888"/>`,
  ...results.map((r) => `<text x="${x(r.n)}" y="${height - pad + 16}" text-anchor="middle">${r.n}</text>`),
  `<text x="${width / 2}" y="${height - 10}" text-anchor="middle">posts (N)</text>`,
  `<text x="14" y="${height / 2}" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">build time (s, median of ${runs})</text>`,
  `<text x="${pad}" y="${pad - 10}">max ${maxS.toFixed(0)} s</text>`,
  line('theme', '#2a408e'),
  line('baseline', '#d97706'),
  `<text x="${width - pad - 120}" y="${pad + 10}" fill="#2a408e">theme</text>`,
  `<text x="${width - pad - 120}" y="${pad + 26}" fill="#d97706">baseline</text>`,
  '</svg>',
].join('\n');
const chartName = heavy ? 'bench-build-time-heavy.svg' : 'bench-build-time.svg';
writeFileSync(process.env.BENCH_CHART ?? join(HERE, '..', 'docs', chartName), `${svg}\n`);

const fmt = (bytes) => `${kb(bytes[0]).toFixed(1)} / ${kb(bytes[1]).toFixed(1)}`;
const variantTable = variantRow.variants
  ? [
      `## What the theme's time goes to (N = ${variantRow.n})`,
      '',
      "The theme built again with features switched off (`routes` options), against the baseline's median.",
      '',
      '| build | pages | time (s) | runs (s) | / baseline |',
      '| --- | --- | --- | --- | --- |',
      ...[
        ['theme, everything on', variantRow.theme],
        ...Object.entries(VARIANTS).map(([name, label]) => [`theme, ${label}`, variantRow.variants[name]]),
        ['baseline', variantRow.baseline],
      ].map(
        ([label, m]) =>
          `| ${label} | ${m.pages} | ${m.seconds.toFixed(1)} | ${m.runs.map((v) => v.toFixed(1)).join(', ')} | ${(m.seconds / variantRow.baseline.seconds).toFixed(2)} |`,
      ),
      '',
    ]
  : [];
const marker = heavy ? 'bench-heavy' : 'bench';
const generated = [
  `<!-- ${marker}:start (written by bench/run.mjs; edit outside these markers) -->`,
  '',
  `Measured by \`pnpm bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB memory, Node ${process.version}.`,
  '',
  '## Method',
  '',
  heavy
    ? '- bench/generate.mjs --heavy corpus, deterministic: posts of about 1,500 words in 8 sections, Korean and English, 50% with math (inline and display), 5 to 8 code blocks in 7 languages, a table, a list, a prompt, a footnote, 2 to 3 PNG images each (half named under `media_subpath`), a third with a preview image.'
    : '- bench/generate.mjs writes N posts deterministically: Korean and English prose, 20% with math, code blocks, lists, links, two-level categories, tags from a pool of 60.',
  '- **theme**: a site with `chirpy()` and `chirpyLoader()` (bench/sites/theme). **baseline**: a bare Astro 7 site rendering the same posts with the same Markdown pipeline (unified, remark-math, rehype-katex, Shiki) and one plain page per post (bench/sites/baseline): the floor Astro sets.',
  `- Each build is a fresh process with caches removed; theme and baseline builds take turns; wall time is the median of ${runs}, peak memory the largest RSS of the build process.`,
  '',
  '## Build',
  '',
  '| N | theme (s) | baseline (s) | theme / baseline | theme peak MB | baseline peak MB | theme pages | theme output MB |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.n} | ${r.theme.seconds.toFixed(1)} | ${r.baseline.seconds.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.theme.peakMb.toFixed(0)} | ${r.baseline.peakMb.toFixed(0)} | ${r.theme.pages} | ${r.theme.outputMb.toFixed(1)} |`,
  ),
  '',
  `![Build time against N](docs/${chartName})`,
  '',
  ...variantTable,
  ...multilingualTable,
  `## Page weight (theme, N = ${last.n}; KB raw / gzip)`,
  '',
  '| page | HTML | CSS | JS | same-origin requests |',
  '| --- | --- | --- | --- | --- |',
  ...Object.entries(last.pages).map(
    ([name, w]) => `| ${name} | ${fmt(w.html)} | ${fmt(w.css)} | ${fmt(w.js)} | ${w.requests} |`,
  ),
  '',
  '## Targets',
  '',
  ...targets.map(([name, met, value]) => `- ${met ? 'met' : '**not met**'}: ${name}${value ? ` (${value})` : ''}`),
  '',
  `<!-- ${marker}:end -->`,
].join('\n');
// Only the part between the markers is rewritten; what people wrote around it stays.
const previous = existsSync(reportPath)
  ? readFileSync(reportPath, 'utf8')
  : `# Benchmarks\n\n<!-- ${marker}:start -->\n<!-- ${marker}:end -->\n`;
const start = previous.indexOf(`<!-- ${marker}:start`);
const end = previous.indexOf(`<!-- ${marker}:end -->`);
const report =
  start === -1 || end === -1
    ? `${previous.trimEnd()}\n\n${generated}\n`
    : `${previous.slice(0, start)}${generated}${previous.slice(end + `<!-- ${marker}:end -->`.length)}`;
writeFileSync(reportPath, report);
formatReport();
console.log(`wrote ${reportPath} and the chart`);
