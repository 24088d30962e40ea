/**
 * The theme as people install it: packed with `pnpm pack`, installed into a new Astro site
 * outside the workspace whose only dependencies are `astro` and the theme, and built, with the
 * oldest and the newest Astro 7 release of the theme's peer range: the oldest under this Node
 * (22), the newest under Node 24 (Astro 7.4 and later need Node 22.23.4, which no Node 22 on the
 * npm registry reaches).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_DIR } from '../helpers/site.ts';

const THEME_DIR = join(REPO_DIR, 'packages/theme');
const PEER_RANGE = JSON.parse(readFileSync(join(THEME_DIR, 'package.json'), 'utf8')).peerDependencies.astro as string;
const TOOLS = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'astro-theme-chirpy-tools');

/** Runs a command; returns what it printed (stdout and stderr); throws when it fails. */
function run(command: string, args: string[], cwd: string, nodeBin?: string): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    // A site of its own: not the workspace's NODE_PATH, through which pnpm exposes the workspace's packages.
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_PATH: '',
      ...(nodeBin ? { PATH: `${nodeBin}:${process.env.PATH}` } : {}),
    },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
  return output;
}

/** The oldest and newest releases in the peer range, from the npm registry. */
function peerRangeEnds(): { oldest: string; newest: string } {
  const versions = JSON.parse(run('npm', ['view', `astro@${PEER_RANGE}`, 'version', '--json'], REPO_DIR)) as
    string[] | string;
  const list = (Array.isArray(versions) ? versions : [versions]).filter((version) => !version.includes('-'));
  const key = (version: string) =>
    version
      .split('.')
      .map((part) => part.padStart(6, '0'))
      .join('.');
  list.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return { oldest: list[0]!, newest: list[list.length - 1]! };
}

/**
 * A Node 24 binary's folder, installed from the npm registry into the tools cache when missing;
 * under a lock, since registry.test.ts may be installing it at the same moment in the other worker.
 */
function node24(): string {
  const bin = join(TOOLS, 'node24/node_modules/.bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(TOOLS, { recursive: true });
    const install = `test -x '${bin}/node' || npm install --prefix '${join(TOOLS, 'node24')}' --no-save --no-audit --no-fund node@24`;
    run('flock', [join(TOOLS, 'node24.lock'), 'sh', '-c', install], REPO_DIR);
  }
  return bin;
}

const ends = peerRangeEnds();
const CASES = [
  { label: `Astro ${ends.oldest} (the oldest in ${PEER_RANGE}) on Node ${process.versions.node}`, astro: ends.oldest },
  { label: `Astro ${ends.newest} (the newest) on Node 24`, astro: ends.newest, node: node24 },
];

describe.each(CASES)('installing the packed theme: $label', ({ astro: astroVersion, node }) => {
  const work = mkdtempSync(join(tmpdir(), 'chirpy-tarball-'));
  const site = join(work, 'site');
  let tarball: string;
  let buildOutput: string;

  beforeAll(() => {
    run('pnpm', ['pack', '--pack-destination', work], THEME_DIR);
    tarball = join(
      work,
      readdirSync(work).find((name) => name.endsWith('.tgz'))!,
    );
    mkdirSync(join(site, 'src/content/posts'), { recursive: true });
    writeFileSync(
      join(site, 'package.json'),
      JSON.stringify(
        {
          name: 'tarball-site',
          private: true,
          type: 'module',
          dependencies: { astro: astroVersion, 'astro-theme-chirpy': `file:${tarball}` },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(site, 'pnpm-workspace.yaml'),
      'allowBuilds:\n  esbuild: true\n  sharp: true\npmOnFail: ignore\n',
    );
    writeFileSync(
      join(site, 'astro.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import chirpy from 'astro-theme-chirpy';",
        "export default defineConfig({ site: 'https://example.org', integrations: [chirpy({ title: 'Installed', timezone: 'Asia/Seoul' })] });",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(site, 'src/content.config.ts'),
      [
        "import { defineCollection } from 'astro:content';",
        "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
        'export const collections = { posts: defineCollection({ loader: chirpyLoader() }) };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(site, 'src/content/posts/2024-05-01-설치 확인.md'),
      '---\ntitle: Installed from the tarball\ncategories: [Setup]\ntags: [install]\nmath: true\n---\n\nIt works: $a^2+b^2=c^2$\n',
    );
    writeFileSync(
      join(site, 'src/content/posts/2024-05-02-diagram.md'),
      '---\ntitle: Diagram\nmermaid: true\n---\n\n```mermaid\ngraph TD\n  A --> B\n```\n',
    );
    const nodeBin = node?.();
    if (nodeBin) expect(run('node', ['--version'], site, nodeBin)).toMatch(/^v24\./);
    run('pnpm', ['install', '--no-frozen-lockfile'], site, nodeBin);
    expect(JSON.parse(readFileSync(join(site, 'node_modules/astro/package.json'), 'utf8')).version).toBe(astroVersion);
    buildOutput = run('pnpm', ['exec', 'astro', 'build'], site, nodeBin);
  }, 600_000);

  afterAll(() => {
    if (!process.env.KEEP_TMP) rmSync(work, { recursive: true, force: true });
  });

  it('packs only the package sources', () => {
    const listing = run('tar', ['-tzf', tarball], work).split('\n');
    expect(listing).toContain('package/src/index.ts');
    expect(listing).toContain('package/package.json');
    expect(listing.some((file) => file.includes('node_modules'))).toBe(false);
  });

  it('depends on nothing but astro and the theme', () => {
    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['astro', 'astro-theme-chirpy']);
  });

  it('builds a complete blog', () => {
    expect(buildOutput).toMatch(/page\(s\) built/);
    const dist = join(site, 'dist');
    for (const path of [
      'index.html',
      'posts/설치-확인/index.html',
      'categories/setup/index.html',
      'tags/install/index.html',
      'archives/index.html',
      'feed.xml',
      '404.html',
    ]) {
      expect(existsSync(join(dist, path)), path).toBe(true);
    }
    const postHtml = readFileSync(join(dist, 'posts/설치-확인/index.html'), 'utf8');
    expect(postHtml).toContain('class="katex"');
    expect(postHtml).toContain('datetime="2024-05-01T00:00:00+09:00"');
  });

  it('shows mermaid diagrams as their source, with a warning, when the site has not installed mermaid', () => {
    const html = readFileSync(join(site, 'dist/posts/diagram/index.html'), 'utf8');
    expect(html).toMatch(/<pre class="mermaid">graph TD\n {2}A --(>|&gt;) B<\/pre>/);
    expect(html).not.toContain('mermaid.min');
    expect(buildOutput).toMatch(
      /2024-05-02-diagram\.md: has mermaid diagrams, but the site does not have the `mermaid` package installed/,
    );
  });
});
