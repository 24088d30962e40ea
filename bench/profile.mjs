// `pnpm bench --profile`: where a build's time goes, for the theme and the baseline.
//
// Each site is built once (builds taking turns) with `node --cpu-prof` and Astro's `info` log.
// Two views come out of that:
// - phases, wall time from Astro's own log: content sync (with setup), bundling, page
//   generation summed per route kind from Astro's per-page timings, and what runs after the
//   pages (sitemap, search index);
// - CPU time by owner, from the profile: each sample is charged to the nearest frame on its
//   stack that belongs to an owner (a theme file, or a package that does work of its own), so
//   tree walks (unist-util-visit), V8 built-ins and small helpers count for the code that called
//   them. The theme's files are named one by one (each Markdown plugin is its own file); packages
//   are named by package, some grouped (micromark, Shiki).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Packages whose time is charged to their caller: walkers and small helpers, not work of their own. */
const HELPER =
  /^(unist-util-|hast-util-is-element|hast-util-to-string|mdast-util-to-string|zwitch|property-information|hastscript|hast-util-parse-selector|space-separated-tokens|comma-separated-tokens|nlcst-to-string|html-void-elements|web-namespaces|bail|trough|vfile|is-plain-obj|extend|devlop|ccount|character-entities|decode-named-character-reference|longest-streak|trim-lines)/;

/** A package's display group. */
const GROUPS = [
  [/^micromark/, 'micromark (Markdown tokenizer, all extensions)'],
  [/^mdast-util-from-markdown/, 'mdast-util-from-markdown (tokens to tree)'],
  [/^(@shikijs|shiki)/, 'Shiki (syntax highlighting, incl. Oniguruma)'],
  [/^(katex|rehype-katex)$/, 'KaTeX (rehype-katex)'],
  [/^(retext|parse-latin|parse-english|nlcst|unist-util-modify-children)/, 'SmartyPants (retext, Astro)'],
  [/^(parse5|hast-util-from-parse5|hast-util-raw|hast-util-to-parse5)/, 'parse5 (raw HTML, feeds)'],
  [/^(hast-util-to-html|stringify-entities)/, 'hast-util-to-html (HTML out)'],
  [/^mdast-util-to-hast/, 'mdast-util-to-hast (remark-rehype)'],
  [/^(mdast-util-gfm|micromark-extension-gfm|remark-gfm)/, 'GFM'],
  [/^(vite|rolldown|rollup|esbuild|@rolldown|lightningcss|postcss)/, 'bundling (Vite, Rolldown)'],
  [/^(@astrojs\/compiler)/, 'Astro compiler'],
  [/^(js-yaml|yaml)$/, 'YAML (front matter)'],
  [/^(devalue)$/, 'devalue (content store)'],
  [/^(zod)$/, 'zod (schema)'],
  [/^(liquidjs)$/, 'LiquidJS'],
  [/^(mathjax-full|mj-context-menu|speech-rule-engine)$/, 'MathJax'],
];

function packageOf(url) {
  const at = url.lastIndexOf('/node_modules/');
  if (at === -1) return undefined;
  const parts = url.slice(at + '/node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The owner of a frame, or undefined when its time goes to its caller. */
function ownerOf(frame, site) {
  const { url, functionName } = frame;
  if (!url) {
    if (/^\((garbage collector|idle|program)\)$/.test(functionName)) return functionName;
    if (functionName === '(root)') return '(program)';
    return undefined; // a V8 built-in: its caller's
  }
  if (url.startsWith('wasm://')) return 'Shiki (syntax highlighting, incl. Oniguruma)';
  const theme = /\/packages\/theme\/src\/(.*)$/.exec(url);
  if (theme) return `theme: ${theme[1]}`;
  const pkg = packageOf(url);
  if (pkg) {
    if (pkg === 'astro-theme-chirpy') return `theme: ${url.split('/astro-theme-chirpy/').pop()}`;
    if (HELPER.test(pkg)) return undefined;
    for (const [pattern, group] of GROUPS) if (pattern.test(pkg)) return group;
    return pkg;
  }
  if (url.startsWith('node:')) return 'Node.js (fs, modules, streams)';
  if (url.includes(`${site}/dist/`) || url.includes(`${site}/.astro/`) || url.includes('/.prerender/'))
    return 'the site’s compiled pages and components';
  return url.replace(/^file:\/\//, '');
}

/** CPU milliseconds by owner from a .cpuprofile. */
export function cpuByOwner(profile, site) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]));
  const charged = new Map();
  const ownerFor = (id) => {
    if (charged.has(id)) return charged.get(id);
    const node = byId.get(id);
    let owner = ownerOf(node.callFrame, site);
    if (owner === undefined) {
      const up = parent.get(id);
      owner = up === undefined ? '(program)' : ownerFor(up);
    }
    charged.set(id, owner);
    return owner;
  };
  const totals = new Map();
  for (const [id, micros] of self) {
    const owner = ownerFor(id);
    totals.set(owner, (totals.get(owner) ?? 0) + micros / 1000);
  }
  return totals;
}

/** The kind of a generated route, from its output path. */
function routeKind(path) {
  if (/^\/posts\/[^/]+\/index\.html$/.test(path)) return 'post pages';
  if (/^\/(index\.html|page\/\d+\/index\.html)$/.test(path)) return 'home pages';
  if (/^\/(categories|tags)\/[^/]+\/index\.html$/.test(path)) return 'category and tag pages';
  if (/\.xml$/.test(path)) return 'feeds';
  if (/^\/(categories|tags|archives)\/index\.html$/.test(path)) return 'archives and term lists';
  return 'other routes (404, search, data)';
}

/** Phases from Astro's `info` log, in seconds. */
export function phasesFromLog(log) {
  const phases = new Map();
  const seconds = (pattern) => {
    const match = pattern.exec(log);
    return match ? Number(match[1]) : undefined;
  };
  // "[build] ✓ Completed in 10.13s." right after "Collecting build info": content sync and setup.
  const setup = seconds(/Collecting build info\.\.\.\n.*Completed in ([\d.]+)s/);
  if (setup !== undefined) phases.set('content sync (with config and setup)', setup);
  const vite = [...log.matchAll(/\[vite\] ✓ built in ([\d.]+)(m?s)/g)].reduce(
    (sum, m) => sum + Number(m[1]) / (m[2] === 'ms' ? 1000 : 1),
    0,
  );
  phases.set('bundling (Vite)', vite);
  const pages = new Map();
  for (const match of log.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    const kind = routeKind(match[1]);
    const entry = pages.get(kind) ?? { count: 0, seconds: 0 };
    entry.count += 1;
    entry.seconds += Number(match[2]) / 1000;
    pages.set(kind, entry);
  }
  const generation = seconds(/generating static routes[\s\S]*?✓ Completed in ([\d.]+)s/);
  const total = seconds(/page\(s\) built in ([\d.]+)s/);
  // The last "[build] ✓ Completed" is the static build step: bundling and page generation.
  const buildStep = [...log.matchAll(/\[build\] ✓ Completed in ([\d.]+)s/g)].map((m) => Number(m[1])).at(-1);
  return {
    phases,
    pages,
    generation,
    total,
    afterPages:
      total !== undefined && buildStep !== undefined && setup !== undefined ? total - setup - buildStep : undefined,
  };
}

/** Builds `root` once with the CPU profiler and the info log; returns both, parsed. */
export function profileBuild(root, buildOne, env) {
  for (const path of ['dist', '.astro', 'node_modules/.astro'])
    rmSync(join(root, path), { recursive: true, force: true });
  const dir = mkdtempSync(join(tmpdir(), 'chirpy-profile-'));
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, buildOne, root], {
    encoding: 'utf8',
    env: { ...process.env, ...env, BENCH_LOG_LEVEL: 'info' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`profiled build of ${root} failed:\n${result.stderr}`);
  const cpu = new Map();
  for (const file of readdirSync(dir)) {
    // The build's main thread and any worker each write a profile: summed.
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const [owner, ms] of cpuByOwner(profile, root)) cpu.set(owner, (cpu.get(owner) ?? 0) + ms);
  }
  rmSync(dir, { recursive: true, force: true });
  return { seconds, log: phasesFromLog(result.stdout + result.stderr), cpu };
}

const s = (ms) => (ms / 1000).toFixed(2);

/** The Markdown table of a profile run: phases, route kinds, then CPU by owner. */
export function profileTables({ theme, baseline, label, top = 45 }) {
  const lines = [];
  lines.push(
    `### Phases (${label}; wall time from Astro's log, seconds)`,
    '',
    '| phase | theme | baseline |',
    '| --- | --- | --- |',
  );
  const phaseNames = new Set([...theme.log.phases.keys(), ...baseline.log.phases.keys()]);
  for (const name of phaseNames)
    lines.push(
      `| ${name} | ${theme.log.phases.get(name)?.toFixed(2) ?? '–'} | ${baseline.log.phases.get(name)?.toFixed(2) ?? '–'} |`,
    );
  lines.push(
    `| page generation (all routes) | ${theme.log.generation?.toFixed(2) ?? '–'} | ${baseline.log.generation?.toFixed(2) ?? '–'} |`,
  );
  const kinds = new Set([...theme.log.pages.keys(), ...baseline.log.pages.keys()]);
  for (const kind of kinds) {
    const t = theme.log.pages.get(kind);
    const b = baseline.log.pages.get(kind);
    const cell = (e) =>
      e ? `${e.seconds.toFixed(2)} (${e.count}, ${((e.seconds * 1000) / e.count).toFixed(1)} ms each)` : '–';
    lines.push(`| &nbsp;&nbsp;${kind} | ${cell(t)} | ${cell(b)} |`);
  }
  lines.push(
    `| after the pages (sitemap, search index) | ${theme.log.afterPages?.toFixed(2) ?? '–'} | ${baseline.log.afterPages?.toFixed(2) ?? '–'} |`,
    `| build (Astro's total) | ${theme.log.total?.toFixed(2) ?? '–'} | ${baseline.log.total?.toFixed(2) ?? '–'} |`,
    `| process, profiler on | ${theme.seconds.toFixed(2)} | ${baseline.seconds.toFixed(2)} |`,
    '',
  );
  lines.push(
    `### CPU time by owner (${label}; seconds, profiler on)`,
    '',
    'Helpers (tree walkers, V8 built-ins) are charged to the code that called them.',
    '',
    '| owner | theme | baseline | theme − baseline |',
    '| --- | --- | --- | --- |',
  );
  const owners = [...new Set([...theme.cpu.keys(), ...baseline.cpu.keys()])];
  const rows = owners
    .map((owner) => [owner, theme.cpu.get(owner) ?? 0, baseline.cpu.get(owner) ?? 0])
    .sort((a, b) => Math.max(b[1], b[2]) - Math.max(a[1], a[2]));
  const shown = rows.slice(0, top);
  const rest = rows.slice(top);
  for (const [owner, t, b] of shown) lines.push(`| ${owner} | ${s(t)} | ${s(b)} | ${s(t - b)} |`);
  if (rest.length)
    lines.push(
      `| ${rest.length} others | ${s(rest.reduce((sum, r) => sum + r[1], 0))} | ${s(rest.reduce((sum, r) => sum + r[2], 0))} | |`,
    );
  const sum = (map) => [...map].filter(([k]) => k !== '(idle)').reduce((total, [, v]) => total + v, 0);
  lines.push(
    `| **all but idle** | ${s(sum(theme.cpu))} | ${s(sum(baseline.cpu))} | ${s(sum(theme.cpu) - sum(baseline.cpu))} |`,
    '',
  );
  return lines;
}
