/**
 * A multilingual blog moved from jekyll-polyglot: each language's pages under its prefix,
 * translations grouped by file name or page_id, untranslated posts published under every
 * language with a note, hreflang alternates, a language switcher, localised links and feeds.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildFailure, buildSite, post, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const OPTIONS = {
  title: 'Polyglot',
  timezone: 'UTC',
  languages: ['en', 'ko', { code: 'zh-TW', label: '繁體中文' }],
  defaultLanguage: 'en',
  excludeFromLocalization: ['assets'],
};

describe('a multilingual blog', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('multilingual', {
      posts: {
        '2024-01-01-hello.md': post(
          { title: 'Hello', categories: '[Notes]' },
          'See [only English](/posts/only-english/), [a file](/assets/x.pdf) and ![a picture](/img/a.png).',
        ),
        'ko/2024-01-01-hello.md': post(
          { title: '안녕하세요', categories: '[노트]', redirect_from: '[/old-hello/]' },
          '[영어 글](/posts/only-english/) {{ site.data.strings.greeting }} {{ site.data.strings.name }}',
        ),
        '2024-02-01-only-english.md': post({ title: 'Only English' }),
        'ko/2024-03-01-hangul.md': post({ title: '한글만' }),
        '2024-04-01-greeting.md': post({ title: 'Greeting', page_id: 'greet' }),
        'zh-tw/2024-04-01-wenhou.md': post(
          { title: '問候', page_id: 'greet' },
          'Languages: {% for l in site.languages %}[{{ l }}]{% endfor %} active={{ site.active_lang }} page={{ page.lang }} default={{ site.default_lang }}',
        ),
      },
      files: {
        'public/img/a.png': 'png',
        'public/assets/x.pdf': 'pdf',
        'src/data/strings.yml': 'greeting: Hello\nname: Polyglot\n',
        'src/data/ko/strings.yml': 'greeting: 안녕\n',
      },
      options: OPTIONS,
    });
  });

  it('publishes each post under its language, and an untranslated one under every language', () => {
    for (const path of [
      '/posts/hello/',
      '/ko/posts/hello/',
      '/zh-TW/posts/hello/',
      '/posts/only-english/',
      '/ko/posts/only-english/',
      '/posts/hangul/',
      '/ko/posts/hangul/',
      '/zh-TW/posts/hangul/',
      '/posts/greeting/',
      '/zh-TW/posts/wenhou/',
      '/ko/posts/greeting/',
    ]) {
      expect(site.exists(path), path).toBe(true);
    }
    expect(site.html('/ko/posts/hello/').querySelector('h1')!.text.trim()).toBe('안녕하세요');
    expect(site.html('/zh-TW/posts/hello/').querySelector('h1')!.text.trim()).toBe('Hello');
    // A post only in Korean: at the root too (there is no English version), in Korean.
    expect(site.html('/posts/hangul/').querySelector('h1')!.text.trim()).toBe('한글만');
  });

  it('publishes exactly the post pages jekyll-polyglot publishes for these posts, each showing the same version', () => {
    // Recorded from jekyll-polyglot 1.13 (untra/polyglot, lib/ run under Debian's Jekyll 4.3 with the
    // oracle site, tests/oracle/site, and the options above as `languages`, `default_lang`,
    // `exclude_from_localization`, `lang_from_path: true`): each URL it wrote, with the title of the
    // post file it showed there. CI cannot fetch polyglot, so the facts are kept here.
    const POLYGLOT: Record<string, string> = {
      '/posts/greeting/': 'Greeting',
      '/posts/hangul/': '한글만',
      '/posts/hello/': 'Hello',
      '/posts/only-english/': 'Only English',
      '/ko/posts/greeting/': 'Greeting',
      '/ko/posts/hangul/': '한글만',
      '/ko/posts/hello/': '안녕하세요',
      '/ko/posts/only-english/': 'Only English',
      '/zh-TW/posts/hangul/': '한글만',
      '/zh-TW/posts/hello/': 'Hello',
      '/zh-TW/posts/only-english/': 'Only English',
      '/zh-TW/posts/wenhou/': '問候',
    };
    const built = site
      .files()
      .filter((file) => /^(?:[^/]+\/)?posts\/[^/]+\/index\.html$/.test(file))
      .map((file) => `/${file.replace(/index\.html$/, '')}`)
      .sort();
    expect(built).toEqual(Object.keys(POLYGLOT).sort());
    for (const [path, title] of Object.entries(POLYGLOT)) {
      expect(site.html(path).querySelector('h1')!.text.trim(), path).toBe(title);
    }
  });

  it("sets the page's language, and marks a fallback copy's content with its own", () => {
    expect(site.html('/ko/posts/hello/').querySelector('html')!.getAttribute('lang')).toBe('ko');
    const copy = site.html('/ko/posts/only-english/');
    expect(copy.querySelector('html')!.getAttribute('lang')).toBe('ko');
    expect(copy.querySelector('article.post')!.getAttribute('lang')).toBe('en');
    const note = copy.querySelector('.language-fallback')!;
    expect(note.getAttribute('lang')).toBe('ko');
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/posts/only-english/');
    expect(site.html('/ko/posts/hello/').querySelector('.language-fallback')).toBeNull();
  });

  it('links real translations as hreflang alternates with x-default, and a fallback copy to its original', () => {
    const head = site.html('/posts/hello/');
    const alternates = head
      .querySelectorAll('link[rel="alternate"][hreflang]')
      .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
    expect(alternates).toEqual([
      ['en', 'https://example.com/posts/hello/'],
      ['ko', 'https://example.com/ko/posts/hello/'],
      ['x-default', 'https://example.com/posts/hello/'],
    ]);
    expect(head.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://example.com/posts/hello/');
    const copy = site.html('/zh-TW/posts/hello/');
    expect(copy.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://example.com/posts/hello/');
    const greeting = site.html('/posts/greeting/');
    expect(greeting.querySelector('link[hreflang="zh-TW"]')!.getAttribute('href')).toBe(
      'https://example.com/zh-TW/posts/wenhou/',
    );
  });

  it('shows a language switcher of plain links to the same page, marking untranslated ones', () => {
    const switcher = site.html('/posts/greeting/').querySelector('nav.language-switcher')!;
    expect(switcher.querySelector('[aria-current="page"]')!.text.trim()).toBe('English');
    const links = switcher.querySelectorAll('a').map((link) => ({
      href: link.getAttribute('href'),
      hreflang: link.getAttribute('hreflang'),
      untranslated: link.querySelector('.untranslated') !== null,
    }));
    expect(links).toEqual([
      { href: '/ko/posts/greeting/', hreflang: 'ko', untranslated: true },
      { href: '/zh-TW/posts/wenhou/', hreflang: 'zh-TW', untranslated: false },
    ]);
    expect(switcher.querySelector('a[hreflang="zh-TW"]')!.text).toContain('繁體中文');
  });

  it("links a category page to the same category in each language, else to that language's list", () => {
    const links = (path: string) =>
      Object.fromEntries(
        site
          .html(path)
          .querySelectorAll('nav.language-switcher a')
          .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
      );
    expect(links('/categories/notes/')).toEqual({ ko: '/ko/categories/', 'zh-TW': '/zh-TW/categories/notes/' });
    expect(links('/ko/categories/노트/')).toEqual({ en: '/categories/', 'zh-TW': '/zh-TW/categories/' });
  });

  it("localises links to the site on other languages' pages, except excluded paths and sources", () => {
    const page = site.html('/ko/posts/hello/');
    expect(page.querySelector('.content a')!.getAttribute('href')).toBe('/ko/posts/only-english/');
    const copy = site.html('/zh-TW/posts/hello/');
    const hrefs = copy.querySelectorAll('.content a').map((link) => link.getAttribute('href'));
    expect(hrefs).toContain('/zh-TW/posts/only-english/');
    expect(hrefs).toContain('/assets/x.pdf');
    expect(copy.querySelector('.content img')!.getAttribute('src')).toBe('/img/a.png');
    // The theme's own links too: the sidebar's home and categories, the feed; never stylesheets or icons.
    expect(page.querySelector('#sidebar a[href="/ko/categories/"]')).not.toBeNull();
    expect(page.querySelector('link[type="application/rss+xml"]')!.getAttribute('href')).toBe('/ko/feed.xml');
    for (const link of page.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')) {
      expect(link.getAttribute('href')).not.toMatch(/^\/ko\//);
    }
  });

  it('lists every language in the sitemap, translations as alternates, and redirects under the prefix', () => {
    const urls = site.read('/sitemap-0.xml');
    expect(urls).toMatch(/<loc>https:\/\/example\.com\/ko\/posts\/hello\/<\/loc><lastmod>[^<]+<\/lastmod>/);
    const entry = /<url><loc>https:\/\/example\.com\/posts\/hello\/<\/loc>.*?<\/url>/.exec(urls)![0];
    expect(entry).toContain('<xhtml:link rel="alternate" hreflang="ko" href="https://example.com/ko/posts/hello/"/>');
    expect(entry).toContain(
      '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.com/posts/hello/"/>',
    );
    expect(site.html('/ko/old-hello/').querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://example.com/ko/posts/hello/',
    );
    expect(urls).not.toContain('old-hello');
  });

  it("gives Liquid site.data with the post's language's data merged over it, as polyglot does", () => {
    expect(site.html('/ko/posts/hello/').querySelector('.content p')!.text).toBe('영어 글 안녕 Polyglot');
  });

  it("gives Liquid polyglot's variables, with the post's own language active", () => {
    expect(site.html('/zh-TW/posts/wenhou/').querySelector('.content p')!.text).toBe(
      'Languages: [en][ko][zh-TW] active=zh-TW page=zh-TW default=en',
    );
  });

  it('indexes each language for its own search page', () => {
    const entry = JSON.parse(site.read('/pagefind/pagefind-entry.json')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ko', 'zh-tw']);
    expect(site.exists('/ko/search/')).toBe(true);
  });

  it('gives every language its home, categories, 404 and feed', () => {
    const home = site.html('/ko/');
    const titles = home.querySelectorAll('.post-card .card-title').map((title) => title.text.trim());
    expect(titles).toEqual(['Greeting', '한글만', 'Only English', '안녕하세요']);
    expect(site.exists('/ko/categories/노트/')).toBe(true);
    expect(site.html('/ko/404.html').querySelector('html')!.getAttribute('lang')).toBe('ko');
    expect(site.exists('/ko/404/')).toBe(false);
    expect(site.exists('/categories/notes/')).toBe(true);
    const feed = site.read('/ko/feed.xml');
    expect(feed).toContain('<language>ko</language>');
    expect(feed).toContain('<link>https://example.com/ko/posts/hello/</link>');
    expect(feed).toContain('href="https://example.com/ko/feed.xml" rel="self"');
    expect(site.read('/feed.xml')).toContain('<link>https://example.com/posts/hello/</link>');
  });
});

describe('the language switcher in Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    served = await serve(join(TESTS_DIR, '.tmp/multilingual/dist'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('is a named navigation of links reached by keyboard, and Enter goes to the translation', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/posts/greeting/`);
    const nav = page.getByRole('navigation', { name: 'Language' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['한국어 (not translated)', '繁體中文']);
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('English');
    let focused = '';
    for (let i = 0; i < 30 && focused !== '繁體中文'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement).textContent?.trim() ?? '');
    }
    expect(focused).toBe('繁體中文');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zh-TW\/posts\/wenhou\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    await page.close();
  });

  it("searches each language's own index from its search page", async () => {
    const page = await browser.newPage();
    // "Only English" is in the Korean edition as a fallback copy, and in the English one.
    await page.goto(`${served.url}/ko/search/?q=English`);
    await page.waitForSelector('#search-results li');
    const korean = await page
      .locator('#search-results li a')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(korean).toContain('/ko/posts/only-english/');
    expect(korean.every((path) => path.startsWith('/ko/'))).toBe(true);
    await page.goto(`${served.url}/search/?q=English`);
    await page.waitForSelector('#search-results li');
    const english = await page
      .locator('#search-results li a')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(english).toContain('/posts/only-english/');
    expect(english.some((path) => path.startsWith('/ko/'))).toBe(false);
    await page.close();
  });

  it('leaves no axe violations on a fallback copy and its switcher, in light and dark mode', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/ko/posts/only-english/`);
    expect(await axeViolations(page)).toEqual({ light: [], dark: [] });
    await page.close();
  });
});

describe('a right-to-left language in Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    const site = await buildSite('multilingual-rtl', {
      posts: {
        '2024-01-01-hello.md': post({ title: 'Hello' }, 'Text.\n\n```js\nconst a = 1;\n```\n'),
        'ar/2024-01-01-hello.md': post({ title: 'مرحبا' }, 'نص عربي.\n\n```js\nconst a = 1;\n```\n'),
      },
      options: { title: 'RTL', languages: ['en', 'ar'] },
    });
    served = await serve(site.dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const layout = async (path: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(served.url + path);
    const facts = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        dir: document.documentElement.dir,
        sidebarLeft: box('#sidebar').left,
        mainLeft: box('#core').left,
        codeDirection: getComputedStyle(document.querySelector('.code-block pre')!).direction,
      };
    });
    await page.close();
    return facts;
  };

  it('mirrors the layout: the sidebar on the right, code still left to right', async () => {
    const arabic = await layout('/ar/posts/hello/');
    expect(arabic.dir).toBe('rtl');
    expect(arabic.sidebarLeft).toBeGreaterThan(640);
    expect(arabic.mainLeft).toBeLessThan(arabic.sidebarLeft);
    expect(arabic.codeDirection).toBe('ltr');
    const english = await layout('/posts/hello/');
    expect(english.dir).toBe('ltr');
    expect(english.sidebarLeft).toBe(0);
    expect(english.mainLeft).toBeGreaterThan(english.sidebarLeft);
  });
});

describe('posts a multilingual site cannot publish', () => {
  it('stops the build on a language the site does not have, naming the file and the language', async () => {
    const error = await buildFailure('multilingual-unknown', {
      posts: { '2024-01-01-x.md': post({ title: 'X', lang: 'pt-br' }) },
      options: OPTIONS,
    });
    expect(error).toMatch(/2024-01-01-x\.md: lang: "pt-br" is not one of the site's languages \(en, ko, zh-TW\)/);
  });

  it('stops the build when two posts that are not translations would be shown at one URL', async () => {
    const error = await buildFailure('multilingual-clash', {
      posts: {
        '2024-01-01-same.md': post({ title: 'A', page_id: 'a' }),
        'ko/2024-01-02-same.md': post({ title: 'B', page_id: 'b' }),
      },
      options: OPTIONS,
    });
    expect(error).toMatch(/2024-01-0\d-same\.md and .*2024-01-0\d-same\.md would both be shown at \/posts\/same\//);
  });
});

describe('a multilingual blog with a file name written NFD (as macOS wrote Hangul)', () => {
  const NFC = '회고';
  const NFD = NFC.normalize('NFD');
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('multilingual-nfd', {
      posts: { [`ko/2024-01-01-${NFD}.md`]: post({ title: '회고' }) },
      options: OPTIONS,
    });
  });

  it("publishes the NFC URL in every language, and each language's NFD URL (as polyglot published it) sends readers there", () => {
    for (const prefix of ['', '/ko', '/zh-TW']) {
      expect(site.exists(`${prefix}/posts/${NFC}/`), `${prefix}/posts/${NFC}/`).toBe(true);
      const redirect = site.html(`${prefix}/posts/${NFD}/`);
      expect(redirect.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        `https://example.com${encodeURI(`${prefix}/posts/${NFC}/`)}`,
      );
    }
    expect(site.files().some((file) => file.startsWith('_chirpy-nfd'))).toBe(false);
  });
});

describe('Markdown pages of a multilingual blog in the sidebar', () => {
  it("marks the page's tab in every language", async () => {
    const page = (lang: string, title: string) =>
      `---\nlayout: astro-theme-chirpy/layouts/MarkdownPage.astro\ntitle: ${title}\nlang: ${lang}\n---\n\n${title}.\n`;
    const site = await buildSite('multilingual-tabs', {
      posts: { '2024-01-01-hello.md': post({ title: 'Hello' }) },
      files: { 'src/pages/about.md': page('en', 'About'), 'src/pages/ko/about.md': page('ko', '소개') },
      options: { ...OPTIONS, tabs: [{ label: 'About', href: '/about/' }] },
    });
    for (const path of ['/about/', '/ko/about/']) {
      const active = site.html(path).querySelector('.sidebar li.tab.active a')!;
      expect(active.getAttribute('href'), path).toBe(path);
      expect(active.getAttribute('aria-current')).toBe('page');
    }
  });
});
