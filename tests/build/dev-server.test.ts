/**
 * `astro dev` serves a multilingual blog as the build publishes it: each language's pages under
 * its prefix, in its language, with links kept in it, an untranslated post under every language,
 * and each language's feed. The dev server runs as a user starts it (`astro dev` in the site). The
 * loader reports the posts' sync (utils/sync-progress.ts). The posts are rendered in worker threads
 * during the first sync (render-pool/); an edit afterwards is rendered on the main thread, at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, prepareSite, REPO_DIR } from '../helpers/site.ts';

const CONFIG = `import { defineConfig } from 'astro/config';
import chirpy from 'astro-theme-chirpy';
export default defineConfig({
  site: 'https://example.com',
  integrations: [chirpy({ title: 'Dev Blog', languages: ['en', 'ko', 'zh-TW'], defaultLanguage: 'en' })],
});
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('astro dev on a multilingual blog', () => {
  let server: ChildProcess;
  let root: string;
  let origin: string;
  let output = '';

  beforeAll(async () => {
    root = prepareSite('dev-multilingual', {
      posts: {
        '2024-01-01-hello.md': post({ title: 'Hello' }, 'See [only English](/posts/only-english/).'),
        'ko/2024-01-01-hello.md': post({ title: '안녕하세요' }, '[영어 글](/posts/only-english/)'),
        '2024-02-01-only-english.md': post({ title: 'Only English' }),
      },
      files: {
        'astro.config.mjs': CONFIG,
        'src/content.config.ts': [
          "import { defineCollection } from 'astro:content';",
          "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
          'export const collections = { posts: defineCollection({ loader: chirpyLoader({ workers: 2 }) }) };',
          '',
        ].join('\n'),
      },
    });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The environment of a user's shell, not vitest's (NODE_ENV=test, VITEST…).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(NODE_ENV|NODE_OPTIONS|VITEST.*|TEST|MODE|BASE_URL|DEV|PROD|SSR)$/.test(name),
      ),
    );
    server = spawn(
      process.execPath,
      [join(REPO_DIR, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        const response = await fetch(`${origin}/`);
        if (response.ok) break;
        output += `\n(GET / answered ${response.status})\n`;
      } catch {
        // not listening yet
      }
      if (server.exitCode !== null || Date.now() > deadline)
        throw new Error(
          `astro dev did not start (exit ${server.exitCode}, ${Date.now() - deadline + 90_000} ms):\n${output}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 120_000);

  afterAll(() => {
    server?.kill();
  });

  const page = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, text: await response.text() };
  };

  it.each([
    ['/', 'en'],
    ['/ko/', 'ko'],
    ['/posts/hello/', 'en'],
    ['/ko/posts/hello/', 'ko'],
    ['/zh-TW/posts/only-english/', 'zh-TW'],
    ['/ko/categories/', 'ko'],
  ])('serves %s in %s', async (path, language) => {
    const { status, text } = await page(path);
    expect(status, output).toBe(200);
    expect(parse(text).querySelector('html')!.getAttribute('lang')).toBe(language);
  });

  it('says how many posts the content sync rendered (the summary of its progress lines)', () => {
    expect(output).toMatch(/3 posts in [\d.]+ s: 3 rendered/);
  });

  it('renders the first sync in worker threads', () => {
    expect(output).toContain('Rendering posts in 2 worker threads.');
  });

  it('shows an edited post after the sync, rendered on the main thread', async () => {
    const file = join(root, 'src/content/posts/2024-02-01-only-english.md');
    writeFileSync(file, post({ title: 'Only English' }, 'An edited sentence, *after* the sync.'));
    const deadline = Date.now() + 30_000;
    let text = '';
    while (Date.now() < deadline) {
      text = (await page('/posts/only-english/')).text;
      if (text.includes('An edited sentence')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(parse(text).querySelector('.content')!.innerHTML, output).toContain(
      'An edited sentence, <em>after</em> the sync.',
    );
    expect(output.match(/Rendering posts in/g)).toHaveLength(1);
  });

  it('says on the search page that search works in the built site', async () => {
    const { status, text } = await page('/search/');
    expect(status, output).toBe(200);
    expect(parse(text).querySelector('.search-dev-note')!.text).toContain('Search works in the built site');
  });

  it('answers a missing address with the 404 page in its language', async () => {
    for (const [path, language] of [
      ['/nope/', 'en'],
      ['/ko/nope/', 'ko'],
    ]) {
      const { status, text } = await page(path!);
      expect(status).toBe(404);
      expect(parse(text).querySelector('html')!.getAttribute('lang'), path).toBe(language);
    }
  });

  it("keeps a Korean post's links in Korean, and the English post's in English", async () => {
    const links = async (path: string) =>
      parse((await page(path)).text)
        .querySelectorAll('.content a')
        .map((a) => a.getAttribute('href'));
    expect(await links('/ko/posts/hello/')).toContain('/ko/posts/only-english/');
    expect(await links('/posts/hello/')).toContain('/posts/only-english/');
  });

  it("serves each language's feed", async () => {
    const { status, text } = await page('/ko/feed.xml');
    expect(status).toBe(200);
    expect(text).toContain('안녕하세요');
    expect(text).not.toContain('<title>Hello</title>');
  });
});
