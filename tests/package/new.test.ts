/**
 * `astro-theme-chirpy new`: what it writes for each flag, what it refuses, and that the config it
 * writes is one the theme accepts. (That the site installs from a registry and builds is
 * tests/package/registry.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBlog, detectPackageManager, formatNextSteps, parseNewArgs } from '../../packages/theme/src/new/new.mjs';
import { astroPagesWorkflow } from '../../packages/theme/src/migrate/workflow.mjs';
import { REPO_DIR, TESTS_DIR } from '../helpers/site.ts';

const BIN = join(REPO_DIR, 'packages/theme/bin/astro-theme-chirpy.mjs');
const THEME = JSON.parse(readFileSync(join(REPO_DIR, 'packages/theme/package.json'), 'utf8'));
const VERSIONS = { themeVersion: THEME.version as string, astroVersion: THEME.peerDependencies.astro as string };
/** Under tests/, so the written astro.config.mjs resolves `astro` and the theme through the workspace. */
const ROOT = join(TESTS_DIR, '.tmp/new-command');

function fresh(name: string): string {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  return dir;
}

function bin(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, npm_config_user_agent: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The text of a single-quoted JavaScript string literal as `new` writes one (only \\ and \' escaped). */
const unquote = (text: string) => text.replace(/\\(.)/g, '$1');

/** The options the written astro.config.mjs passes to `chirpy()`, as the theme parsed them. */
async function configOf(dir: string): Promise<{ site?: string; base?: string; options: Record<string, unknown> }> {
  const config = (await import(`${pathToFileURL(join(dir, 'astro.config.mjs')).href}?${Date.now()}`)).default;
  const integration = config.integrations.find((entry: { name: string }) => entry.name === 'astro-theme-chirpy');
  expect(integration, 'the chirpy integration').toBeTruthy();
  // The options as written, read back from the source (the integration keeps them parsed).
  const text = readFileSync(join(dir, 'astro.config.mjs'), 'utf8');
  const options = Object.fromEntries(
    [...text.matchAll(/^ {6}(\w+): '((?:[^'\\]|\\.)*)',/gm)].map((match) => [match[1], unquote(match[2]!)]),
  );
  return { site: config.site, base: config.base, options };
}

describe('astro-theme-chirpy new', () => {
  it('writes a blog with defaults from the folder name alone', async () => {
    const dir = fresh('my-first-blog');
    const result = bin(['new', 'my-first-blog'], ROOT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
    for (const file of [
      'package.json',
      'astro.config.mjs',
      'src/content.config.ts',
      '.gitignore',
      'tsconfig.json',
      '.github/workflows/deploy.yml',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.some((file) => /^src\/content\/posts\/\d{4}-\d{2}-\d{2}-welcome\.md$/.test(file))).toBe(true);
    expect(existsSync(join(dir, 'pnpm-workspace.yaml'))).toBe(false);

    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'my-first-blog', private: true, type: 'module' });
    expect(manifest.scripts).toMatchObject({ dev: 'astro dev', build: 'astro build' });
    expect(manifest.dependencies).toEqual({ astro: VERSIONS.astroVersion, 'astro-theme-chirpy': `^${THEME.version}` });

    const { site, options } = await configOf(dir);
    expect(site).toBe('https://example.com');
    expect(options).toMatchObject({ title: 'My First Blog', locale: 'en' });
    expect(readFileSync(join(dir, 'src/content.config.ts'), 'utf8')).toContain('chirpyLoader()');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
    // The workflow is migrate's, with its own name in the header.
    expect(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8')).toBe(
      astroPagesWorkflow().replace('astro-theme-chirpy migrate', 'astro-theme-chirpy new'),
    );
    // The next steps, and the placeholder address to replace.
    expect(result.stdout).toContain('cd my-first-blog\n  npm install\n  npm run dev');
    expect(result.stdout).toMatch(/Set `site` in astro\.config\.mjs .*https:\/\/example\.com/);
  });

  it('takes every setting a Chirpy blog fills in from flags', async () => {
    const dir = fresh('flags');
    const result = bin(
      [
        'new',
        'flags',
        '--title',
        "Kim's Notes",
        '--tagline',
        'Notes on math',
        '--description',
        'What I learn',
        '--site',
        'https://notes.example.org/',
        '--base',
        'blog/',
        '--timezone',
        'Asia/Seoul',
        '--locale',
        'ko',
        '--author',
        'Kim',
        '--avatar',
        '/avatar.png',
        '--github',
        '@kim',
        '--twitter',
        'kim_x',
        '--email',
        'kim@example.org',
      ],
      ROOT,
    );
    expect(result.stderr).toBe('');
    const { site, base, options } = await configOf(dir);
    expect(site).toBe('https://notes.example.org');
    expect(base).toBe('/blog');
    expect(options).toEqual({
      title: "Kim's Notes",
      tagline: 'Notes on math',
      description: 'What I learn',
      timezone: 'Asia/Seoul',
      locale: 'ko-KR',
      author: 'Kim',
      avatar: '/avatar.png',
    });
    const text = readFileSync(join(dir, 'astro.config.mjs'), 'utf8');
    expect(text).toContain("{ type: 'github', url: 'https://github.com/kim' }");
    expect(text).toContain("{ type: 'twitter', url: 'https://x.com/kim_x' }");
    expect(text).toContain("{ type: 'email', url: 'kim@example.org' }");
    expect(result.stdout).not.toContain('Set `site`');
    // The first post is dated in the blog's time zone.
    const post = readdirSync(join(dir, 'src/content/posts'))[0]!;
    expect(readFileSync(join(dir, 'src/content/posts', post), 'utf8')).toMatch(
      /^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0900$/m,
    );
  });

  it('makes the GitHub Pages address from --github when --site is not given', async () => {
    const dir = fresh('gh');
    createBlog(dir, { github: 'OctoCat', timezone: 'UTC', packageManager: 'npm' }, VERSIONS);
    expect((await configOf(dir)).site).toBe('https://octocat.github.io');
  });

  it('dates the first post by the blog’s clock, in its time zone', () => {
    const dir = fresh('dated');
    const now = new Date('2025-01-31T20:30:00Z');
    createBlog(dir, { timezone: 'America/New_York', now, packageManager: 'npm' }, VERSIONS);
    expect(readdirSync(join(dir, 'src/content/posts'))).toEqual(['2025-01-31-welcome.md']);
    const text = readFileSync(join(dir, 'src/content/posts/2025-01-31-welcome.md'), 'utf8');
    expect(text).toContain('date: 2025-01-31 15:30:00 -0500');
    createBlog(fresh('dated-seoul'), { timezone: 'Asia/Seoul', now, packageManager: 'npm' }, VERSIONS);
    expect(readdirSync(join(ROOT, 'dated-seoul/src/content/posts'))).toEqual(['2025-02-01-welcome.md']);
    createBlog(fresh('dated-utc'), { timezone: 'UTC', now, packageManager: 'npm' }, VERSIONS);
    expect(readFileSync(join(ROOT, 'dated-utc/src/content/posts/2025-01-31-welcome.md'), 'utf8')).toContain(
      'date: 2025-01-31 20:30:00 +0000',
    );
  });

  it('run through pnpm, allows the builds pnpm asks about and prints pnpm’s commands', () => {
    const dir = fresh('with-pnpm');
    const result = bin(['new', 'with-pnpm'], ROOT, {
      npm_config_user_agent: 'pnpm/12.21.0 npm/? node/v24.9.0 linux x64',
    });
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8')).toContain(
      'allowBuilds:\n  esbuild: true\n  sharp: true',
    );
    expect(result.stdout).toContain('  pnpm install\n  pnpm dev');
    expect(detectPackageManager('npm/11.6.0 node/v24.9.0 linux x64 workspaces/false')).toBe('npm');
    expect(detectPackageManager('')).toBe('npm');
    expect(detectPackageManager('yarn/4.9.0 npm/? node/v24.9.0 linux x64')).toBe('yarn');
  });

  it('refuses a folder that is not empty, and says why', () => {
    const dir = fresh('taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const result = bin(['new', 'taken'], ROOT);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/taken is not empty \(notes\.txt\)/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    // An empty folder (a fresh `git init` too) is fine.
    const empty = fresh('empty');
    mkdirSync(join(empty, '.git'), { recursive: true });
    expect(bin(['new', '.'], empty).status).toBe(0);
    expect(existsSync(join(empty, 'astro.config.mjs'))).toBe(true);
    expect(JSON.parse(readFileSync(join(empty, 'package.json'), 'utf8')).name).toBe('empty');
  });

  it.each([
    [['--site', 'example.com'], /--site takes the blog's address/],
    [['--site', 'https://example.com/blog'], /a path goes in --base/],
    [['--timezone', 'Mars/Olympus'], /--timezone takes an IANA time zone name/],
    [['--locale', 'tlh'], /--locale "tlh" is not a locale the theme ships/],
    [['--github', 'https://github.com/me'], /--github takes a user name/],
    [['--email', 'me'], /--email takes an address/],
    [['--titel', 'Typo'], /Unknown option '--titel'/],
  ])('refuses %j with a message naming the flag', (flags, message) => {
    const dir = fresh('refused');
    const result = bin(['new', 'refused', ...flags], ROOT);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(dir)).toBe(false);
  });

  it('prints its options with --help, and the commands without one', () => {
    const help = bin(['new', '--help'], ROOT);
    expect(help.status).toBe(0);
    for (const flag of ['--title', '--site', '--base', '--timezone', '--locale', '--author', '--avatar', '--github']) {
      expect(help.stdout).toContain(flag);
    }
    const none = bin([], ROOT);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('astro-theme-chirpy new <folder>');
    expect(none.stderr).toContain('astro-theme-chirpy migrate <jekyll-site> <astro-site>');
    expect(bin(['--version'], ROOT).stdout.trim()).toBe(THEME.version);
  });

  it('reads its flags without a terminal (no prompt)', () => {
    expect(parseNewArgs(['blog', '--title', 'T', '--site', 'https://a.example'])).toEqual({
      folder: 'blog',
      options: { title: 'T', site: 'https://a.example' },
      help: false,
    });
    expect(() => parseNewArgs(['My', 'Blog'])).toThrow(/quote a title with spaces/);
    expect(
      formatNextSteps(
        {
          target: join(ROOT, 'x'),
          written: ['package.json'],
          packageManager: 'npm',
          site: 'https://x.example',
          placeholderSite: false,
        },
        ROOT,
      ),
    ).toContain('  cd x\n  npm install\n  npm run dev');
  });
});
