/**
 * A twelve-language Chirpy blog (jekyll-polyglot) moved with `astro-theme-chirpy migrate` and
 * built: every post URL polyglot published for it exists, each language has its home, feed and
 * search page, and the feeds pass xmllint and feedparser.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedparser, xmllint } from '../helpers/feeds.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildProject, REPO_DIR, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const BIN = join(REPO_DIR, 'packages/theme/bin/astro-theme-chirpy.mjs');
const WORK = join(TESTS_DIR, '.tmp/migrate-polyglot');
const JEKYLL = join(WORK, 'jekyll-site');
const ASTRO = join(WORK, 'astro-site');

const post = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nText of ${title}.\n`;

const JEKYLL_FILES: Record<string, string> = {
  '_config.yml': [
    'theme: jekyll-theme-chirpy',
    'title: Polyglot Blog',
    'timezone: UTC',
    'url: "https://polyglot.example.io"',
    'plugins: [jekyll-polyglot]',
    'languages: ["en", "ko", "zh-TW", "ja", "de", "fr", "es", "pt-BR", "ru", "ar", "vi", "id"]',
    'default_lang: "en"',
    'exclude_from_localization: ["assets"]',
    'lang_from_path: true',
    'parallel_localization: false',
    '',
  ].join('\n'),
  '_posts/2024-01-01-hello.md': post('Hello'),
  '_posts/ko/2024-01-01-hello.md': post('안녕하세요'),
  '_posts/zh-TW/2024-01-01-hello.md': post('你好'),
  '_posts/2024-02-01-only-english.md': post('Only English'),
  '_posts/ko/2024-03-01-hangul.md': post('한글만'),
  '_posts/2024-04-01-greeting.md': post('Greeting', 'page_id: greet\n'),
  '_posts/zh-TW/2024-04-01-wenhou.md': post('問候', 'page_id: greet\n'),
  '_posts/ja/2024-05-01-nihongo.md': post('日本語だけ'),
  '_tabs/about.md': '---\ntitle: About\nicon: fas fa-info-circle\norder: 4\n---\n\nAbout this blog.\n',
  '_tabs/ko/about.md': '---\ntitle: 소개\nicon: fas fa-info-circle\norder: 4\n---\n\n이 블로그는.\n',
  '_posts/pt-BR/2024-05-01-nihongo.md': post('Só em japonês e português'),
};

/**
 * The post pages jekyll-polyglot 1.13 wrote for these posts, with the title each showed: recorded
 * from a real run (polyglot's lib/ under Debian's Jekyll 4.3, with tests/oracle/site, this
 * `_config.yml`'s polyglot keys and these posts). Every group under every language; untranslated
 * ones as fallback copies (the default version, else the last other one: `nihongo` shows its
 * pt-BR version outside ja); zh-TW's version of `greet` at its own slug.
 */
const POLYGLOT: Record<string, string> = {
  '/ar/posts/greeting/': 'Greeting',
  '/ar/posts/hangul/': '한글만',
  '/ar/posts/hello/': 'Hello',
  '/ar/posts/nihongo/': 'Só em japonês e português',
  '/ar/posts/only-english/': 'Only English',
  '/de/posts/greeting/': 'Greeting',
  '/de/posts/hangul/': '한글만',
  '/de/posts/hello/': 'Hello',
  '/de/posts/nihongo/': 'Só em japonês e português',
  '/de/posts/only-english/': 'Only English',
  '/es/posts/greeting/': 'Greeting',
  '/es/posts/hangul/': '한글만',
  '/es/posts/hello/': 'Hello',
  '/es/posts/nihongo/': 'Só em japonês e português',
  '/es/posts/only-english/': 'Only English',
  '/fr/posts/greeting/': 'Greeting',
  '/fr/posts/hangul/': '한글만',
  '/fr/posts/hello/': 'Hello',
  '/fr/posts/nihongo/': 'Só em japonês e português',
  '/fr/posts/only-english/': 'Only English',
  '/id/posts/greeting/': 'Greeting',
  '/id/posts/hangul/': '한글만',
  '/id/posts/hello/': 'Hello',
  '/id/posts/nihongo/': 'Só em japonês e português',
  '/id/posts/only-english/': 'Only English',
  '/ja/posts/greeting/': 'Greeting',
  '/ja/posts/hangul/': '한글만',
  '/ja/posts/hello/': 'Hello',
  '/ja/posts/nihongo/': '日本語だけ',
  '/ja/posts/only-english/': 'Only English',
  '/ko/posts/greeting/': 'Greeting',
  '/ko/posts/hangul/': '한글만',
  '/ko/posts/hello/': '안녕하세요',
  '/ko/posts/nihongo/': 'Só em japonês e português',
  '/ko/posts/only-english/': 'Only English',
  '/posts/greeting/': 'Greeting',
  '/posts/hangul/': '한글만',
  '/posts/hello/': 'Hello',
  '/posts/nihongo/': 'Só em japonês e português',
  '/posts/only-english/': 'Only English',
  '/pt-BR/posts/greeting/': 'Greeting',
  '/pt-BR/posts/hangul/': '한글만',
  '/pt-BR/posts/hello/': 'Hello',
  '/pt-BR/posts/nihongo/': 'Só em japonês e português',
  '/pt-BR/posts/only-english/': 'Only English',
  '/ru/posts/greeting/': 'Greeting',
  '/ru/posts/hangul/': '한글만',
  '/ru/posts/hello/': 'Hello',
  '/ru/posts/nihongo/': 'Só em japonês e português',
  '/ru/posts/only-english/': 'Only English',
  '/vi/posts/greeting/': 'Greeting',
  '/vi/posts/hangul/': '한글만',
  '/vi/posts/hello/': 'Hello',
  '/vi/posts/nihongo/': 'Só em japonês e português',
  '/vi/posts/only-english/': 'Only English',
  '/zh-TW/posts/hangul/': '한글만',
  '/zh-TW/posts/hello/': '你好',
  '/zh-TW/posts/nihongo/': 'Só em japonês e português',
  '/zh-TW/posts/only-english/': 'Only English',
  '/zh-TW/posts/wenhou/': '問候',
};

describe('a jekyll-polyglot blog moved with migrate', () => {
  let report: string;
  let site: BuiltSite;
  let served: Served;
  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    for (const [path, content] of Object.entries(JEKYLL_FILES)) {
      mkdirSync(dirname(join(JEKYLL, path)), { recursive: true });
      writeFileSync(join(JEKYLL, path), content);
    }
    report = execFileSync('node', [BIN, 'migrate', JEKYLL, ASTRO], { encoding: 'utf8' });
    site = await buildProject(ASTRO);
    served = await serve(site.dist);
  });
  afterAll(async () => {
    await served?.close();
  });

  it('maps the languages without reporting polyglot as lost', () => {
    expect(report).not.toMatch(/languages|default_lang|lang_from_path|exclude_from_localization/);
  });

  it('builds exactly the post URLs polyglot published, each with the same version', () => {
    const built = site
      .files()
      .filter((file) => /^(?:[^/]+\/)?posts\/[^/]+\/index\.html$/.test(file))
      .map((file) => `/${file.replace(/index\.html$/, '')}`)
      .sort();
    expect(built).toEqual(Object.keys(POLYGLOT).sort());
    for (const [path, title] of Object.entries(POLYGLOT)) {
      expect(site.exists(path), path).toBe(true);
      expect(site.html(path).querySelector('h1')!.text.trim(), path).toBe(title);
    }
  });

  it('gives each language its home, search page and a feed real feed readers accept', async () => {
    for (const prefix of ['', '/ko', '/zh-TW', '/ja', '/de', '/fr', '/es', '/pt-BR', '/ru', '/ar', '/vi', '/id']) {
      expect(site.exists(`${prefix}/`), prefix).toBe(true);
      expect(site.exists(`${prefix}/search/`), prefix).toBe(true);
      expect(xmllint(join(site.dist, prefix, 'feed.xml')), prefix).toBe('');
    }
    const [ko] = await feedparser(`${served.url}/ko/feed.xml`);
    expect(ko!.bozo).toBe(false);
    expect(ko!.language).toBe('ko');
    expect(ko!.entries.map((entry) => entry.link)).toContain('https://polyglot.example.io/ko/posts/hello/');
  });

  it('publishes a tab page under every language: its translation, else the default page', () => {
    expect(site.html('/about/').querySelector('h1.page-title')!.text.trim()).toBe('About');
    const korean = site.html('/ko/about/');
    expect(korean.querySelector('h1.page-title')!.text.trim()).toBe('소개');
    expect(korean.querySelector('html')!.getAttribute('lang')).toBe('ko');
    expect(site.html('/ja/about/').querySelector('h1.page-title')!.text.trim()).toBe('About');
    expect(site.html('/ja/about/').querySelector('html')!.getAttribute('lang')).toBe('ja');
  });

  it('lists the alternates of a translated post', () => {
    const hreflangs = site
      .html('/posts/hello/')
      .querySelectorAll('link[rel="alternate"][hreflang]')
      .map((link) => link.getAttribute('hreflang'));
    expect(hreflangs).toEqual(['en', 'ko', 'zh-TW', 'x-default']);
  });
});
