/**
 * Posts rendered in worker threads (packages/theme/src/render-pool/) come out as on one thread:
 * every file the build writes is byte for byte the same, the warnings are the same, and a site
 * whose Markdown a worker cannot rebuild stays on one thread and says why. The corpus: Chirpy's
 * demo posts, the seed post, the real-content posts with their images, every kramdown fixture
 * (tests/kramdown/<construct>/<case>/input.md) as a post, and posts that warn.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildFailure,
  buildSite,
  post,
  SHARED_DIR,
  TESTS_DIR,
  type BuiltSite,
  type SiteSpec,
} from '../helpers/site.ts';

const DEMO_DIR = join(SHARED_DIR, 'corpus/chirpy-demo');
const REAL_DIR = join(TESTS_DIR, 'fixtures/real-content');
const KRAMDOWN_DIR = join(TESTS_DIR, 'kramdown');

function corpus(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(DEMO_DIR).filter((file) => /^\d{4}-\d\d-\d\d-.*\.md$/.test(file))) {
    files[name] = join(DEMO_DIR, name);
  }
  files['2021-04-28-retrospective.md'] = join(SHARED_DIR, 'corpus/seed/2021-04-28-retrospective.md');
  const realPosts = join(REAL_DIR, 'src/content/posts');
  for (const name of readdirSync(realPosts)) files[name] = join(realPosts, name);
  for (const construct of readdirSync(KRAMDOWN_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const example of readdirSync(join(KRAMDOWN_DIR, construct.name), { withFileTypes: true })) {
      if (!example.isDirectory()) continue;
      files[`2023-06-01-${construct.name}-${example.name}.md`] = join(
        KRAMDOWN_DIR,
        construct.name,
        example.name,
        'input.md',
      );
    }
  }
  return files;
}

/** Posts whose rendering warns: a formula KaTeX rejects, a missing image, equation numbers. */
const WARNING_POSTS = {
  '2024-05-01-math-rejected.md': post(
    { title: 'Math rejected', math: true },
    'A formula MathJax draws: $x^\\underline{n}$, one no one can: $\\left( x$, and one KaTeX draws: $a+b$.',
  ),
  // A language inside a Markdown block that no other post uses: a new thread has not loaded it.
  '2024-05-04-nested-fence.md': post({ title: 'Nested fence' }, "````markdown\n```abap\nWRITE 'Hello'.\n```\n````"),
  '2024-05-02-missing-image.md': post({ title: 'Missing image' }, '![a plot](/img/not-there.png)'),
  '2024-05-03-numbered.md': post(
    { title: 'Numbered', math: true },
    '$$\n\\begin{equation}\\label{eq:one} a = b \\end{equation}\n$$\n\nSee \\eqref{eq:one}.',
  ),
};

function contentConfig(workers: number): string {
  return [
    "import { defineCollection } from 'astro:content';",
    "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
    `export const collections = { posts: defineCollection({ loader: chirpyLoader({ workers: ${workers} }) }) };`,
    '',
  ].join('\n');
}

function spec(workers: number, extra: Partial<SiteSpec> = {}): SiteSpec {
  return {
    copyPosts: corpus(),
    posts: WARNING_POSTS,
    files: { 'src/content.config.ts': contentConfig(workers) },
    beforeBuild: (root) => cpSync(join(REAL_DIR, 'public'), join(root, 'public'), { recursive: true }),
    options: { timezone: 'Asia/Seoul' },
    ...extra,
  };
}

/** Every built file's SHA-256, by path. */
function digests(site: BuiltSite): Record<string, string> {
  return Object.fromEntries(
    site
      .files()
      .filter((file) => statSync(join(site.dist, file)).isFile())
      .sort()
      .map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(join(site.dist, file)))
          .digest('hex'),
      ]),
  );
}

/** The build's warnings, without their times, in order of the text (threads finish in their own order). */
function warnings(site: BuiltSite): string[] {
  return site.logs
    .split('\n')
    .filter((line) => /\[WARN\]/.test(line))
    .map((line) => line.replace(/^\S*\d\d:\d\d:\d\d\S*\s+/, ''))
    .sort();
}

describe('rendering posts in worker threads', () => {
  let oneThread: BuiltSite;
  let pooled: BuiltSite;

  beforeAll(async () => {
    oneThread = await buildSite('render-pool-one-thread', spec(0));
    pooled = await buildSite('render-pool-workers', spec(2));
  }, 600_000);

  it('renders in the pool when asked to, and on one thread with workers: 0', () => {
    expect(pooled.logs).toContain('Rendering posts in 2 worker threads.');
    expect(oneThread.logs).not.toContain('worker thread');
    expect(pooled.logs).toMatch(/\d+ posts in [\d.]+ s: \d+ rendered/);
  });

  it('writes every file byte for byte as one thread does', () => {
    const expected = digests(oneThread);
    expect(Object.keys(expected).length).toBeGreaterThan(300);
    expect(digests(pooled)).toEqual(expected);
  });

  it('highlights code inside a Markdown block whatever the thread rendered before (Shiki loads embedded languages lazily)', () => {
    for (const site of [oneThread, pooled]) {
      const code = site.html('/posts/nested-fence/').querySelector('pre code')!;
      expect(code.querySelectorAll('span').some((span) => span.text === 'WRITE')).toBe(true);
    }
  });

  it('reports the same warnings, with their files', () => {
    const expected = warnings(oneThread);
    expect(expected.some((line) => line.includes('2024-05-02-missing-image.md'))).toBe(true);
    expect(expected.some((line) => /2024-05-01-math-rejected\.md:\d+/.test(line))).toBe(true);
    expect(warnings(pooled)).toEqual(expected);
  });
});

describe('a site whose Markdown a worker cannot rebuild', () => {
  it("renders on one thread, saying why, when the site's processor has plugins of its own", async () => {
    const shout = () => (tree: { children: unknown[] }) => {
      tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'Added by the site.' }] });
    };
    const site = await buildSite('render-pool-own-plugin', {
      posts: { '2024-01-01-hello.md': post({ title: 'Hello' }, 'Text.') },
      files: { 'src/content.config.ts': contentConfig(2) },
      astro: { markdown: { processor: unified({ remarkPlugins: [shout] }) } },
    });
    expect(site.logs).toContain(
      "Posts are rendered on one thread: the site's Markdown processor runs 1 remark or rehype plugin of its own, which a worker thread cannot load.",
    );
    expect(site.logs).not.toContain('Rendering posts in');
    expect(site.html('/posts/hello/').querySelector('.content')!.text).toContain('Added by the site.');
  });

  it('stops the build naming the post, as on one thread, when rendering fails in a worker', async () => {
    const failing = (workers: number) =>
      buildFailure(`render-pool-failure-${workers}`, {
        posts: { '2024-01-01-code.md': post({ title: 'Code' }, '```js\nlet a = 1;\n```') },
        files: { 'src/content.config.ts': contentConfig(workers) },
        astro: { markdown: { shikiConfig: { theme: 'no-such-theme' } } },
      });
    const inWorker = await failing(2);
    expect(inWorker).toContain('Rendering posts in 2 worker threads.');
    // The message names the post by its path from the site, then Astro's own words with the absolute path.
    const message = (text: string) =>
      /src\/content\/posts\/2024-01-01-code\.md: the post could not be rendered: .*/
        .exec(text)?.[0]
        .replace(/render-pool-failure-\d/, 'render-pool-failure-N');
    expect(message(inWorker)).toBeDefined();
    expect(message(inWorker)).toBe(message(await failing(0)));
  });
});
