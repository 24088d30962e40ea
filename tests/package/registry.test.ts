/**
 * Installing the theme from a registry, as people do it, with the README's own commands. A local
 * Verdaccio (started here on a free loopback port, with a throwaway config and storage under
 * tests/.tmp/registry/) serves the packed theme, published to it and to nothing else, and every
 * other package from the npm registry through its uplink. Each way in that the README gives is
 * then run as the README writes it (the commands are read from README.md, not retyped here), on
 * Node 24, in a folder outside the repository, by a user whose home (npm's cache, pnpm's store,
 * ~/.npmrc naming the registry) is tests/.tmp/registry/home/, shared by the steps:
 *
 * - `npx astro-theme-chirpy new my-blog`, then `npm install` and the build;
 * - a new Astro site (Astro's minimal template, as `npm create astro` leaves it) that installs
 *   the theme with npm, and one with pnpm, then takes the README's astro.config.mjs,
 *   src/content.config.ts and `rm src/pages/index.astro`;
 * - `npx astro add astro-theme-chirpy --yes` in such a site, then what the build asks for, one
 *   error at a time, as the README says;
 * - `npx astro-theme-chirpy migrate …` on a small Jekyll Chirpy site, then `npm install` and
 *   the build.
 *
 * Where the README starts the dev server (`npm run dev`, `pnpm dev`), the test builds instead:
 * every way ends in a real `astro build` whose output has the home page, a post and the feed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroPagesWorkflow } from '../../packages/theme/src/migrate/workflow.mjs';
import { REPO_DIR, TESTS_DIR } from '../helpers/site.ts';

const THEME_DIR = join(REPO_DIR, 'packages/theme');
const THEME = JSON.parse(readFileSync(join(THEME_DIR, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  [key: string]: unknown;
};
const TOOLS = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'astro-theme-chirpy-tools');
/** Verdaccio's config and storage, the user's home (caches), the packed theme. Kept between runs but the theme. */
const REGISTRY_DIR = join(TESTS_DIR, '.tmp/registry');
const HOME = join(REGISTRY_DIR, 'home');
const README = readFileSync(join(REPO_DIR, 'README.md'), 'utf8');
/** One step (an install, a build) never takes longer than this; a command waiting on a prompt fails instead of hanging. */
const STEP_TIMEOUT = 300_000;

// ---------------------------------------------------------------------------------------------
// The README, read as a person reads it: a section by its heading, the code blocks in it.

/** The text under a heading, up to the next heading of the same or a higher level. */
function readmeSection(heading: string): string {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => /^#{2,4} /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const level = lines[start]!.indexOf(' ');
  const end = lines.findIndex((line, index) => {
    if (index <= start) return false;
    const match = /^(#+) /.exec(line);
    return match !== null && match[1]!.length <= level;
  });
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The fenced code blocks of a text, with their language. */
function codeBlocks(text: string): { lang: string; code: string }[] {
  // A block inside a list item is indented; its lines are read without the indent.
  return [...text.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)].map((match) => ({
    lang: match[2]!,
    code: match[3]!.replace(new RegExp(`^${match[1]}`, 'gm'), ''),
  }));
}

/** The one code block of a section whose text contains `marker`. */
function readmeBlock(heading: string, marker: string, lang = 'sh'): string {
  const found = codeBlocks(readmeSection(heading)).filter(
    (block) => block.lang === lang && block.code.includes(marker),
  );
  if (found.length !== 1) {
    throw new Error(`README.md, "${heading}": expected one ${lang} block with "${marker}", found ${found.length}`);
  }
  return found[0]!.code;
}

/** The code block that follows a line naming a file (`astro.config.mjs`:), in a section. */
function readmeFile(heading: string, file: string): string {
  const text = readmeSection(heading);
  const at = text.indexOf(`\`${file}\`:\n`);
  if (at < 0) throw new Error(`README.md, "${heading}": no block for ${file}`);
  return codeBlocks(text.slice(at))[0]!.code;
}

// ---------------------------------------------------------------------------------------------
// A user's machine: Node 24 first on PATH, a home of its own whose ~/.npmrc names the registry.

/**
 * A Node 24 binary's folder, installed from the npm registry into the tools cache when missing;
 * under a lock, since tarball.test.ts may be installing it at the same moment in the other worker.
 */
function node24(): string {
  const bin = join(TOOLS, 'node24/node_modules/.bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(TOOLS, { recursive: true });
    const install = `test -x '${bin}/node' || npm install --prefix '${join(TOOLS, 'node24')}' --no-save --no-audit --no-fund node@24`;
    const result = spawnSync('flock', [join(TOOLS, 'node24.lock'), 'sh', '-c', install], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`installing Node 24 failed:\n${result.stdout}${result.stderr}`);
  }
  return bin;
}

const NODE24 = node24();

/**
 * The environment of a person at a terminal with Node 24: nothing of this workspace (no
 * npm_config_* or pnpm variables of the test runner, no NODE_PATH, no NODE_ENV=test), a home of
 * its own; the machine's certificates and proxies.
 */
const USER_ENV: NodeJS.ProcessEnv = {
  // The machine's certificates and proxies, as every program on it has them.
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => /CERT|_CA_|SSL|PROXY/i.test(name))),
  PATH: `${NODE24}:${process.env.PATH}`,
  HOME,
  XDG_CONFIG_HOME: join(HOME, '.config'),
  XDG_CACHE_HOME: join(HOME, '.cache'),
  XDG_DATA_HOME: join(HOME, '.local/share'),
  XDG_STATE_HOME: join(HOME, '.local/state'),
  TMPDIR: process.env.TMPDIR ?? tmpdir(),
  LANG: 'C.UTF-8',
  TERM: 'dumb',
  NO_COLOR: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  // Not CI's CI=true either: pnpm would take it for a CI install and refuse a site without a lockfile.
};

/** Runs a command line in bash as the user; returns what it printed (stdout and stderr); throws when it fails. */
function sh(script: string, cwd: string): string {
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    env: USER_ENV,
    encoding: 'utf8',
    input: '',
    timeout: STEP_TIMEOUT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(
      `in ${cwd}:\n${script}\nfailed (${result.error?.message ?? result.signal ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  return output;
}

/** Runs a command that is expected to fail; returns what it printed. */
function shFails(script: string, cwd: string): string {
  try {
    sh(script, cwd);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected to fail, but succeeded: ${script}`);
}

/**
 * A README block as the user runs it: as written, except that the dev server, which never
 * ends, is a build here.
 */
const asRun = (block: string) =>
  block.replace(/\bnpm run dev\b/g, 'npm run build').replace(/\bpnpm dev\b/g, 'pnpm build');

// ---------------------------------------------------------------------------------------------
// A new Astro site: Astro's minimal template (withastro/astro, examples/minimal) as
// `npm create astro@latest -- --template minimal` leaves it: the template's files, the package
// renamed, and what create-astro adds for the package manager that ran it before it installs
// (`allowScripts` for esbuild with npm, `allowBuilds` for esbuild and sharp in pnpm-workspace.yaml
// with pnpm). The template itself comes from GitHub, which this machine cannot reach.

function newAstroSite(dir: string, packageManager: 'npm' | 'pnpm'): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, 'public'), { recursive: true });
  const manifest: Record<string, unknown> = {
    name: 'my-site',
    type: 'module',
    version: '0.0.1',
    engines: { node: '>=22.12.0' },
    scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview', astro: 'astro' },
    dependencies: { astro: '^7.2.4' },
    allowScripts: { esbuild: true },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
  if (packageManager === 'pnpm')
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'allowBuilds:\n  esbuild: true\n  sharp: true\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "// @ts-check\nimport { defineConfig } from 'astro/config';\n\n// https://astro.build/config\nexport default defineConfig({});\n",
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    '{\n  "extends": "astro/tsconfigs/strict",\n  "include": [".astro/types.d.ts", "**/*"],\n  "exclude": ["dist"]\n}\n',
  );
  writeFileSync(join(dir, '.gitignore'), 'dist/\n.astro/\nnode_modules/\n');
  writeFileSync(join(dir, 'public/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n');
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    [
      '---',
      '',
      '---',
      '',
      '<html lang="en">',
      '\t<head>',
      '\t\t<meta charset="utf-8" />',
      '\t\t<link rel="icon" type="image/svg+xml" href="/favicon.svg" />',
      '\t\t<meta name="viewport" content="width=device-width" />',
      '\t\t<meta name="generator" content={Astro.generator} />',
      '\t\t<title>Astro</title>',
      '\t</head>',
      '\t<body>',
      '\t\t<h1>Astro</h1>',
      '\t</body>',
      '</html>',
      '',
    ].join('\n'),
  );
  // create-astro installs right away.
  sh(`${packageManager} install`, dir);
}

/** The post the test writes where the README says posts go. */
function writePost(site: string): void {
  mkdirSync(join(site, 'src/content/posts'), { recursive: true });
  writeFileSync(
    join(site, 'src/content/posts/2024-05-01-first-post.md'),
    '---\ntitle: First post\ncategories: [Notes]\ntags: [start]\nmath: true\n---\n\nIt works: $a^2+b^2=c^2$\n',
  );
}

/** The built blog has its home page, the post and the feed, linked to each other. */
function expectBlog(site: string, post: { path: string; title: string }, siteUrl = 'https://example.com'): void {
  const dist = join(site, 'dist');
  for (const path of ['index.html', `${post.path}index.html`, 'feed.xml']) {
    expect(existsSync(join(dist, path)), `${site}: dist/${path}`).toBe(true);
  }
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(`href="/${post.path}"`);
  expect(readFileSync(join(dist, `${post.path}index.html`), 'utf8')).toContain(post.title);
  expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain(`<link>${siteUrl}/${post.path}</link>`);
}

/** The versions a site installed. */
function installed(site: string, name: string): string {
  return JSON.parse(readFileSync(join(site, 'node_modules', name, 'package.json'), 'utf8')).version;
}

// ---------------------------------------------------------------------------------------------
// The registry.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const VERDACCIO_CONFIG = `# Written by tests/package/registry.test.ts: the theme from here only, the rest from npm.
storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: 10
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    timeout: 120s
    max_fails: 5
    cache: true
packages:
  'astro-theme-chirpy':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;

let verdaccio: ChildProcess | undefined;
let verdaccioLog = '';
let registry = '';
let work = '';
const timings: string[] = [];

/** Times a step for the log at the end. */
function timed<T>(label: string, step: () => T): T {
  const start = performance.now();
  try {
    return step();
  } finally {
    timings.push(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}

async function startVerdaccio(): Promise<void> {
  const config = join(REGISTRY_DIR, 'verdaccio');
  // The storage keeps what the uplink sent (faster next time), never a theme of an earlier run.
  rmSync(join(config, 'storage/astro-theme-chirpy'), { recursive: true, force: true });
  rmSync(join(config, 'htpasswd'), { force: true });
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'config.yaml'), VERDACCIO_CONFIG);
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('verdaccio/package.json', { paths: [REPO_DIR] });
  const bin = JSON.parse(readFileSync(manifestPath, 'utf8')).bin;
  const script = join(dirname(manifestPath), typeof bin === 'string' ? bin : bin.verdaccio);
  const port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  verdaccio = spawn(
    process.execPath,
    [script, '--config', join(config, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    {
      cwd: config,
      // The machine's environment (its certificates reach the npm registry), a home of its own.
      env: { ...process.env, HOME: config },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  verdaccio.stdout!.on('data', (chunk) => (verdaccioLog += chunk));
  verdaccio.stderr!.on('data', (chunk) => (verdaccioLog += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (verdaccio.exitCode !== null) throw new Error(`Verdaccio stopped:\n${verdaccioLog}`);
    try {
      if ((await fetch(`${registry}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Verdaccio did not answer on ${registry}:\n${verdaccioLog}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Packs the theme as the release workflow does and publishes it to the local registry. */
async function publishTheme(): Promise<string> {
  const packDir = join(REGISTRY_DIR, 'pack');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const pack = spawnSync('npm', ['pack', '--pack-destination', packDir], { cwd: THEME_DIR, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}${pack.stderr}`);
  const tarball = join(packDir, `astro-theme-chirpy-${THEME.version}.tgz`);
  const user = await fetch(`${registry}-/user/org.couchdb.user:publisher`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'publisher', password: 'publisher-password' }),
  });
  const { token } = (await user.json()) as { token?: string };
  if (!token) throw new Error(`Verdaccio gave no token:\n${verdaccioLog}`);
  const npmrc = join(packDir, 'publisher.npmrc');
  writeFileSync(npmrc, `registry=${registry}\n//${new URL(registry).host}/:_authToken=${token}\n`);
  const publish = spawnSync('npm', ['publish', tarball, '--userconfig', npmrc, '--registry', registry], {
    cwd: packDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME },
  });
  if (publish.status !== 0) throw new Error(`npm publish failed:\n${publish.stdout}${publish.stderr}`);
  return tarball;
}

beforeAll(async () => {
  mkdirSync(HOME, { recursive: true });
  await startVerdaccio();
  await publishTheme();
  // The user's settings: the registry; no audit, funding or update notices (they change nothing installed).
  writeFileSync(join(HOME, '.npmrc'), `registry=${registry}\naudit=false\nfund=false\nupdate-notifier=false\n`);
  work = mkdtempSync(join(tmpdir(), 'chirpy-registry-'));
}, STEP_TIMEOUT);

afterAll(() => {
  verdaccio?.kill();
  if (work && !process.env.KEEP_TMP) rmSync(work, { recursive: true, force: true });
  console.log(`registry.test.ts steps (Node 24, registry ${registry}):\n  ${timings.join('\n  ')}`);
});

describe('the package as published', () => {
  it('names its repository, homepage, issues, author, Node version and keywords', () => {
    expect(THEME).toMatchObject({
      name: 'astro-theme-chirpy',
      license: 'MIT',
      author: expect.any(String),
      homepage: expect.stringMatching(/^https:\/\//),
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/), directory: 'packages/theme' },
      bugs: { url: expect.stringMatching(/\/issues$/) },
      engines: { node: expect.stringMatching(/^>=22\./) },
      bin: { 'astro-theme-chirpy': './bin/astro-theme-chirpy.mjs' },
    });
    // `astro add` takes a package for an integration by this keyword.
    expect(THEME.keywords).toEqual(expect.arrayContaining(['astro', 'astro-integration', 'withastro', 'chirpy']));
    const published = JSON.parse(sh('npm view astro-theme-chirpy --json', work)) as Record<string, unknown>;
    expect(published).toMatchObject({ version: THEME.version, repository: THEME.repository, homepage: THEME.homepage });
  });

  it('holds what a site needs and nothing else', () => {
    const listing = JSON.parse(
      spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: THEME_DIR, encoding: 'utf8' }).stdout,
    )[0].files.map((file: { path: string }) => file.path) as string[];
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/astro-theme-chirpy.mjs',
      'src/index.ts',
      'src/loaders.ts',
      'src/new/new.mjs',
      'src/migrate/migrate.mjs',
      'src/migrate/workflow.mjs',
      'src/styles/chirpy.css',
    ]) {
      expect(listing).toContain(needed);
    }
    const stray = listing.filter(
      (path) =>
        !/^(?:package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/[^/]+\.mjs|src\/.+\.(?:ts|mjs|astro|css|json))$/.test(
          path,
        ) || /(?:^|\/)(?:tests?|fixtures?|__\w+__|\.tmp|node_modules)\/|\.(?:test|spec)\.\w+$/.test(path),
    );
    expect(stray).toEqual([]);
    // Every export points at a file in the package.
    const exports = THEME.exports as Record<string, string>;
    for (const [key, target] of Object.entries(exports)) {
      if (target.includes('*')) continue;
      expect(listing, key).toContain(target.replace(/^\.\//, ''));
    }
  });
});

describe('installing from a registry with the README’s commands, on Node 24', () => {
  it('runs on Node 24', () => {
    expect(sh('node --version', work).trim()).toMatch(/^v24\./);
  });

  it('a new blog in one command: npx astro-theme-chirpy new, npm install, build', () => {
    const block = readmeBlock('A new blog in one command', 'astro-theme-chirpy new');
    const folder = /astro-theme-chirpy new (\S+)/.exec(block)![1]!;
    const dir = join(work, 'new');
    mkdirSync(dir);
    const output = timed('new, npm install, npm run build', () => sh(asRun(block), dir));
    const site = join(dir, folder);
    expect(output).toContain('Next:');
    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({
      astro: (THEME.peerDependencies as Record<string, string>).astro,
      'astro-theme-chirpy': `^${THEME.version}`,
    });
    expect(installed(site, 'astro-theme-chirpy')).toBe(THEME.version);
    expect(installed(site, 'astro')).toMatch(/^7\./);
    expect(readFileSync(join(site, '.github/workflows/deploy.yml'), 'utf8')).toBe(
      astroPagesWorkflow().replace('astro-theme-chirpy migrate', 'astro-theme-chirpy new'),
    );
    for (const file of ['astro.config.mjs', 'src/content.config.ts', '.gitignore', 'tsconfig.json']) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    const [post] = readdirSync(join(site, 'src/content/posts'));
    expect(post).toMatch(/^\d{4}-\d{2}-\d{2}-welcome\.md$/);
    expectBlog(site, { path: 'posts/welcome/', title: `Welcome to ${titleOf(folder)}` });
  });

  it('npm install astro-theme-chirpy in a new Astro site, with the README’s config', () => {
    const site = join(work, 'npm-site');
    timed('npm: new Astro site (npm install)', () => newAstroSite(site, 'npm'));
    timed('npm: README install', () =>
      sh(readmeBlock('Add it to an Astro site', 'npm install astro-theme-chirpy'), site),
    );
    addTheReadmeFiles(site);
    timed('npm: npm run build', () => sh('npm run build', site));
    expect(installed(site, 'astro-theme-chirpy')).toBe(THEME.version);
    expectBlog(site, { path: 'posts/first-post/', title: 'First post' });
  });

  it('pnpm add astro-theme-chirpy in a new Astro site, with the README’s config', () => {
    const site = join(work, 'pnpm-site');
    timed('pnpm: new Astro site (pnpm install)', () => newAstroSite(site, 'pnpm'));
    timed('pnpm: README install', () =>
      sh(readmeBlock('Add it to an Astro site', 'pnpm add astro-theme-chirpy'), site),
    );
    addTheReadmeFiles(site);
    timed('pnpm: pnpm build', () => sh('pnpm build', site));
    expect(installed(site, 'astro-theme-chirpy')).toBe(THEME.version);
    expectBlog(site, { path: 'posts/first-post/', title: 'First post' });
  });

  it('renders posts in worker threads from the installed package (its TypeScript under node_modules)', () => {
    const site = join(work, 'pnpm-site');
    const post = readFileSync(join(site, 'dist/posts/first-post/index.html'), 'utf8');
    const config = join(site, 'src/content.config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace('chirpyLoader()', 'chirpyLoader({ workers: 2 })'));
    // A cold build: with the content store kept, no post would be rendered again.
    for (const dir of ['dist', '.astro', 'node_modules/.astro'])
      rmSync(join(site, dir), { recursive: true, force: true });
    const output = timed('pnpm: build in worker threads', () => sh('pnpm build', site));
    expect(output).toContain('Rendering posts in 2 worker threads.');
    expect(readFileSync(join(site, 'dist/posts/first-post/index.html'), 'utf8')).toBe(post);
  });

  it('npx astro add astro-theme-chirpy, then what the build asks for, as the README says', () => {
    const site = join(work, 'astro-add-site');
    timed('astro add: new Astro site (npm install)', () => newAstroSite(site, 'npm'));
    timed('astro add: README command', () =>
      sh(readmeBlock("With Astro's installer", 'astro add astro-theme-chirpy'), site),
    );
    let config = readFileSync(join(site, 'astro.config.mjs'), 'utf8');
    expect(config).toMatch(/import (\w+) from 'astro-theme-chirpy'/);
    expect(config).toContain('themeChirpy()');
    expect(JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).dependencies['astro-theme-chirpy']).toBe(
      `^${THEME.version}`,
    );
    writePost(site);

    // Each build stops on what is missing and names it; the README says what to add.
    timed('astro add: three builds that stop', () => {
      expect(shFails('npm run build', site)).toMatch(/title/);
      // "a `title` for `themeChirpy()` and the site's address in `site`, as in the astro.config.mjs above"
      const readmeConfig = readmeFile('Add it to an Astro site', 'astro.config.mjs');
      const siteLine = /^ *site: .*,$/m.exec(readmeConfig)![0];
      const options = /chirpy\((\{.*\})\)/.exec(readmeConfig)![1]!;
      config = config
        .replace('themeChirpy()', `themeChirpy(${options})`)
        .replace(/defineConfig\(\{\n/, (head) => `${head}${siteLine}\n`);
      writeFileSync(join(site, 'astro.config.mjs'), config);
      expect(shFails('npm run build', site)).toContain('src/content.config.ts');
      // "src/content.config.ts, as above"
      writeFileSync(
        join(site, 'src/content.config.ts'),
        readmeFile('Add it to an Astro site', 'src/content.config.ts'),
      );
      expect(shFails('npm run build', site)).toContain('src/pages/index.astro');
    });
    // "and no src/pages/index.astro"
    sh(readmeBlock('Add it to an Astro site', 'rm src/pages/index.astro'), site);
    timed('astro add: npm run build', () => sh('npm run build', site));
    expectBlog(site, { path: 'posts/first-post/', title: 'First post' });
  });

  it('npx astro-theme-chirpy migrate, then the moved site’s npm install and build', () => {
    const block = readmeBlock('Moving from Jekyll Chirpy', 'astro-theme-chirpy migrate');
    const [, source, target] = /astro-theme-chirpy migrate (\S+) (\S+)/.exec(block)!;
    const dir = join(work, 'migrate');
    jekyllSite(join(dir, source!));
    timed('migrate, npm install, npm run build', () => sh(asRun(block), dir));
    const site = join(dir, target!);
    expect(JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).dependencies['astro-theme-chirpy']).toBe(
      `^${THEME.version}`,
    );
    expect(installed(site, 'astro-theme-chirpy')).toBe(THEME.version);
    expectBlog(site, { path: 'posts/hello-from-jekyll/', title: 'Hello from Jekyll' }, 'https://jekyll.example.org');
    expect(existsSync(join(site, 'dist/about/index.html'))).toBe(true);
  });
});

/** `my-blog` → `My Blog`, as `new` titles a folder. */
function titleOf(folder: string): string {
  return folder
    .split(/[-_.\s]+/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** What "Add it to an Astro site" has a site write: its astro.config.mjs and src/content.config.ts, a post, no index page. */
function addTheReadmeFiles(site: string): void {
  const heading = 'Add it to an Astro site';
  writeFileSync(join(site, 'astro.config.mjs'), readmeFile(heading, 'astro.config.mjs'));
  writeFileSync(join(site, 'src/content.config.ts'), readmeFile(heading, 'src/content.config.ts'));
  sh(readmeBlock(heading, 'rm src/pages/index.astro'), site);
  writePost(site);
}

/** A small Jekyll Chirpy site: the starter's _config.yml keys, one post, one tab. */
function jekyllSite(dir: string): void {
  mkdirSync(join(dir, '_posts'), { recursive: true });
  mkdirSync(join(dir, '_tabs'), { recursive: true });
  writeFileSync(
    join(dir, '_config.yml'),
    [
      'theme: jekyll-theme-chirpy',
      'lang: en',
      'timezone: Asia/Seoul',
      'title: Jekyll Blog',
      'tagline: Moved to Astro',
      'description: A Chirpy blog.',
      'url: "https://jekyll.example.org"',
      'github:',
      '  username: octocat',
      'social:',
      '  name: Octo Cat',
      '  email: octo@example.org',
      '  links:',
      '    - https://github.com/octocat',
      'paginate: 10',
      'collections:',
      '  tabs:',
      '    output: true',
      '    sort_by: order',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, '_posts/2024-03-01-hello-from-jekyll.md'),
    '---\ntitle: Hello from Jekyll\ndate: 2024-03-01 10:00:00 +0900\ncategories: [Blogging, Moving]\ntags: [jekyll]\n---\n\nThis post was written for Jekyll.\n',
  );
  writeFileSync(
    join(dir, '_tabs/about.md'),
    '---\n# the default layout is `page`\nicon: fas fa-info-circle\norder: 4\n---\n\nAbout this blog.\n',
  );
}
