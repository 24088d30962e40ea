/**
 * Builds a throwaway Astro site that uses the theme exactly as a user's site would, and
 * reads what the build wrote. Each site lives in tests/.tmp/<name>/ so the theme resolves
 * through the workspace, and starts empty so no content cache leaks between builds.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import chirpy, { type ChirpyUserConfig } from 'astro-theme-chirpy';
import { parse, type HTMLElement } from 'node-html-parser';

export const TESTS_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = join(TESTS_DIR, '..');
/** `../shared` beside the repository: the corpus of real Chirpy posts. */
export const SHARED_DIR = join(REPO_DIR, '..', 'shared');

export interface SiteSpec {
  /** Post files by path under the posts folder: `{ '2024-01-01-hello.md': '---\n…' }`. */
  posts?: Record<string, string>;
  /** Post files copied byte for byte from disk: `{ '2021-04-28-retrospective.md': '/abs/path' }`. */
  copyPosts?: Record<string, string>;
  /** Any other file, by path from the site root. */
  files?: Record<string, string>;
  /** Symbolic links, by path from the site root, to the given target (which may not exist). */
  links?: Record<string, string>;
  options?: Partial<ChirpyUserConfig>;
  /** Extra top-level Astro config. */
  astro?: Record<string, unknown>;
  /** Runs on the prepared site before it is built (to make it a git repository, say). */
  beforeBuild?: (root: string) => void;
}

export interface BuiltSite {
  root: string;
  dist: string;
  /** Everything the build printed (Astro's logger and console). */
  logs: string;
  exists(path: string): boolean;
  read(path: string): string;
  html(path: string): HTMLElement;
  /** Every built file, relative to dist. */
  files(): string[];
}

export function post(frontmatter: Record<string, unknown> | string, body = 'Some text.'): string {
  const yaml =
    typeof frontmatter === 'string'
      ? frontmatter
      : Object.entries(frontmatter)
          .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

export function prepareSite(name: string, spec: SiteSpec): string {
  const root = join(TESTS_DIR, '.tmp', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/content/posts'), { recursive: true });
  mkdirSync(join(root, 'public'), { recursive: true });
  writeFileSync(
    join(root, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
      'export const collections = { posts: defineCollection({ loader: chirpyLoader() }) };',
      '',
    ].join('\n'),
  );
  for (const [path, text] of Object.entries(spec.posts ?? {})) {
    const target = join(root, 'src/content/posts', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  for (const [path, source] of Object.entries(spec.copyPosts ?? {})) {
    cpSync(source, join(root, 'src/content/posts', path));
  }
  for (const [path, text] of Object.entries(spec.files ?? {})) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  for (const [path, target] of Object.entries(spec.links ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

/** Runs `fn` while recording what it prints. */
export async function capturingOutput<T>(fn: () => Promise<T>): Promise<{ result?: T; error?: unknown; logs: string }> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const consoleMethods = ['log', 'info', 'warn', 'error'] as const;
  const saved = consoleMethods.map((method) => console[method]);
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  for (const method of consoleMethods)
    console[method] = (...args: unknown[]) => record(`${args.map(String).join(' ')}\n`);
  try {
    const result = await fn();
    return { result, logs: chunks.join('') };
  } catch (error) {
    return { error, logs: chunks.join('') };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    consoleMethods.forEach((method, index) => (console[method] = saved[index]!));
  }
}

/**
 * Runs Astro's build as `astro build` would: vitest sets NODE_ENV=test, which would make
 * the build a non-production one (no `import.meta.env.PROD`).
 */
async function asProduction<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await fn();
  } finally {
    process.env.NODE_ENV = saved;
  }
}

function runBuild(root: string, spec: Pick<SiteSpec, 'options' | 'astro'>) {
  return asProduction(() =>
    build({
      root,
      configFile: false,
      logLevel: 'info',
      site: 'https://example.com',
      ...spec.astro,
      integrations: [chirpy({ title: 'Test Blog', ...spec.options } as ChirpyUserConfig)],
    }),
  );
}

/** Builds the site; rejects with the build's error (its logs attached) when the build fails. */
export async function buildSite(name: string, spec: SiteSpec): Promise<BuiltSite> {
  const root = prepareSite(name, spec);
  spec.beforeBuild?.(root);
  return finish(root, await capturingOutput(() => runBuild(root, spec)));
}

/**
 * Builds a site made by `buildSite` again as it is on disk, its content store kept (as a deploy
 * workflow that caches `.astro`/`node_modules/.astro` keeps it): `spec` gives the options.
 */
export async function buildAgain(root: string, spec: Pick<SiteSpec, 'options' | 'astro'>): Promise<BuiltSite> {
  return finish(root, await capturingOutput(() => runBuild(root, spec)));
}

/** Builds a site that already exists on disk with its own astro.config (into `outDir`, default `dist`). */
export async function buildProject(root: string, outDir?: string): Promise<BuiltSite> {
  return finish(
    root,
    // Each output gets its own cache, so two builds of one project can run side by side.
    await capturingOutput(() =>
      asProduction(() => build({ root, logLevel: 'info', ...(outDir ? { outDir, cacheDir: `${outDir}-cache` } : {}) })),
    ),
    outDir,
  );
}

function finish(root: string, { error, logs }: { error?: unknown; logs: string }, outDir?: string): BuiltSite {
  if (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    (failure as Error & { logs?: string }).logs = logs;
    throw failure;
  }
  // Every reader below reads the build's own output folder (it read root/dist, whatever outDir was).
  const dist = outDir ?? join(root, 'dist');
  const resolve = (path: string) => {
    const clean = decodeURIComponent(path.replace(/^\//, ''));
    const candidate = join(dist, clean);
    return clean === '' || clean.endsWith('/') ? join(candidate, 'index.html') : candidate;
  };
  return {
    root,
    dist,
    logs,
    exists: (path) => existsSync(resolve(path)),
    read: (path) => readFileSync(resolve(path), 'utf8'),
    // `pre` is parsed like any element (node-html-parser keeps it as raw text by default).
    html: (path) =>
      parse(readFileSync(resolve(path), 'utf8'), { blockTextElements: { script: true, noscript: true, style: true } }),
    files: () =>
      (readdirSync(dist, { recursive: true }) as string[])
        .map((file) => relative(dist, join(dist, file)).split('\\').join('/'))
        .filter((file) => existsSync(join(dist, file)) && !file.endsWith('/')),
  };
}

/** Builds a site that must fail; returns the error message and logs together. */
export async function buildFailure(name: string, spec: SiteSpec): Promise<string> {
  const root = prepareSite(name, spec);
  spec.beforeBuild?.(root);
  const { error, logs } = await capturingOutput(() => runBuild(root, spec));
  if (!error) throw new Error(`the build of ${name} was expected to fail, but it succeeded`);
  const message =
    error instanceof Error ? `${error.message}\n${(error as { hint?: string }).hint ?? ''}` : String(error);
  return `${message}\n${logs}`;
}

/**
 * The pages (and feeds) of a built site that hold a private-use character (U+E000–U+F8FF), each
 * with the first one in context. The Markdown pipeline once wrote escaped characters as such
 * stand-ins and put them back later; text that missed the putting back showed them to readers.
 */
export function privateUseCharacters(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(html|xml|json)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        const at = text.search(/[\uE000-\uF8FF]/u);
        if (at >= 0) found.push(`${path.slice(dist.length)}: …${text.slice(Math.max(0, at - 40), at + 40)}…`);
      }
    }
  };
  walk(dist);
  return found;
}
