// The dev server at scale (issue Step 17, item 5): `node bench/dev.mjs` starts `astro dev` on the
// theme site and on the baseline, each over the multilingual corpus (BENCH_MULTILINGUAL, default
// 500 posts in en, ko, ja, fr; the theme with those languages), caches removed, and reports how
// long the first page took to answer (the theme's home page, the baseline's first post: it has no
// home page), the theme's progress lines, and the peak memory of the server's processes (RSS
// sampled every 0.25 s). The sites take turns; BENCH_RUNS (default 1) rounds; `--heavy` writes the
// heavy corpus (bench/generate.mjs). Prints a table.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ASTRO = join(HERE, 'node_modules/astro/bin/astro.mjs');
const [n, languages] = (process.env.BENCH_MULTILINGUAL ?? '500:en,ko,ja,fr').split(':');
const runs = Number(process.env.BENCH_RUNS ?? 1);
const heavy = process.argv.includes('--heavy');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** RSS of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(pid) {
  let total = 0;
  const visit = (id) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) visit(child);
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return total;
}

async function devOnce(name, root, env) {
  for (const path of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(root, path), { recursive: true, force: true });
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(server.pid))), 250);
  const page = name === 'theme' ? '/' : `/posts/${firstPostId(root)}/`;
  let firstPage;
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${page}`);
        if (response.ok) {
          await response.text();
          firstPage = (performance.now() - started) / 1000;
          break;
        }
      } catch {
        // not listening yet
      }
      if (server.exitCode !== null) throw new Error(`astro dev (${name}) exited:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    peak = Math.max(peak, treeRssMb(server.pid));
  } finally {
    clearInterval(sampler);
    server.kill();
  }
  const progress = output
    .split('\n')
    .filter((line) => /\bposts: \d+ of \d+|\d+ posts in [\d.]+ s/.test(line))
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim());
  return { firstPage, peak, progress };
}

/** The baseline's id for its first post file: the glob loader's default (the path, lower case). */
function firstPostId(root) {
  const dir = join(root, 'src/content/posts');
  const file = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((entry) => entry.endsWith('.md'))
    .sort()[0];
  return file.replace(/\.md$/, '').toLowerCase();
}

const sites = {
  theme: [join(HERE, 'sites/theme'), { BENCH_LANGUAGES: languages }],
  baseline: [join(HERE, 'sites/baseline'), {}],
};
const rows = [];
for (let run = 0; run < runs; run += 1) {
  for (const [name, [root, env]] of Object.entries(sites)) {
    generate(join(root, 'src/content/posts'), Number(n), 42, languages.split(','), {
      heavy,
      flavour: name,
      publicDir: join(root, 'public'),
    });
    const result = await devOnce(name, root, env);
    console.log(`${name}: first page after ${result.firstPage.toFixed(1)} s, peak ${result.peak.toFixed(0)} MB`);
    for (const line of result.progress) console.log(`  ${line}`);
    rows.push({ name, run: run + 1, ...result });
  }
}
console.log(
  [
    '',
    `| site | run | first page (s) | peak RSS (MB) |`,
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.run} | ${r.firstPage.toFixed(1)} | ${r.peak.toFixed(0)} |`),
  ].join('\n'),
);
