/**
 * A blog with every kind of post a Chirpy site has, built once; the tests read the output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

const EFFECTIVE = '[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1';
const EFFECTIVE_SLUG = 'Effective-C++-1.-C++에-왔으면-C++의-법을-따릅시다-1';
const DRAFT_MARKER = 'DRAFT-MARKER-7f3a';
const FUTURE_MARKER = 'FUTURE-MARKER-2c1b';

const posts: Record<string, string> = {
  '2024-01-01-hello-world.md': post(
    {
      title: 'Hello World',
      date: '2024-01-01 10:00:00 +0900',
      categories: '[Blogging, Tutorial]',
      tags: '[getting started]',
    },
    '## Getting Started\n\nFirst post.\n\n```js\nconsole.log(1);\n```\n',
  ),
  [`2026-03-11-${EFFECTIVE}.md`]: post(
    { title: '"Effective C++ 1"', date: '2026-03-11 09:00:00 +0900', categories: '[Programming, C++]', tags: '[C++]' },
    'C++ notes.',
  ),
  'korean/2023-05-05-모델 설정.md': post(
    { title: '모델 설정', date: '2023-05-05 12:00:00 +0900', categories: '[Programming, C#]', tags: '[ML, 머신러닝]' },
    '## 모델 설정\n\n한국어 본문입니다.',
  ),
  '2023-02-02-custom.markdown': post(
    { title: 'A .markdown file', date: '2023-02-02', slug: 'My Custom Slug', categories: 'AI Data', tag: 'single' },
    'Written in a `.markdown` file.',
  ),
  '2023-03-03-component.mdx': post(
    { title: 'An MDX post', date: '2023-03-03', categories: '[Blogging]', tags: '[mdx]' },
    'import Hello from \'../../components/Hello.astro\';\n\n<Hello name="MDX" />\n\nAnd **markdown** too.',
  ),
  '2022-01-01-Case-Kept.md': post({ date: '2022-01-01', tags: '[getting started]' }, 'No title in front matter.'),
  '2020-06-06-draft.md': post(
    { title: `Draft ${DRAFT_MARKER}`, published: false, tags: `[${DRAFT_MARKER}]`, categories: `[${DRAFT_MARKER}]` },
    DRAFT_MARKER,
  ),
  '2099-01-01-future.md': post({ title: `Future ${FUTURE_MARKER}`, tags: `[${FUTURE_MARKER}]` }, FUTURE_MARKER),
  '2021-01-01-pinned-old.md': post({ title: 'Pinned old', pin: true, date: '2021-01-01' }),
  '2021-06-01-pinned-new.md': post({ title: 'Pinned new', pin: true, date: '2021-06-01' }),
  '2019-01-01-hidden.md': post({ title: 'Hidden from home', hidden: true, date: '2019-01-01' }),
  '2024-02-02-math.md': post(
    { title: 'Math post', math: true, date: '2024-02-02' },
    'Euler: $e^{i\\pi}+1=0$\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$\n',
  ),
  '2024-02-03-dollars.md': post({ title: 'Prices', date: '2024-02-03' }, 'It costs $5 and $10, not $$x$$.'),
  'README.md': '# Not a post\n',
};

describe('a complete blog', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('site', {
      posts,
      files: {
        'src/components/Hello.astro':
          '---\nconst { name } = Astro.props;\n---\n<p class="hello">Hello from {name}!</p>\n',
      },
      options: { timezone: 'Asia/Seoul', paginate: 3 },
    });
  });

  describe("Chirpy's URLs", () => {
    it('publishes every post at /posts/<slug>/ with case, Unicode and sub-delimiters kept', () => {
      for (const slug of [
        'hello-world',
        EFFECTIVE_SLUG,
        '모델-설정',
        'My-Custom-Slug',
        'component',
        'Case-Kept',
        'pinned-old',
        'pinned-new',
        'hidden',
        'math',
        'dollars',
      ]) {
        expect(site.exists(`/posts/${slug}/`), slug).toBe(true);
      }
    });

    it('writes files under the unescaped Unicode path and links with Jekyll-style percent-encoding', () => {
      expect(readFileSync(join(site.dist, 'posts', EFFECTIVE_SLUG, 'index.html'), 'utf8')).toContain('Effective C++ 1');
      const hrefs = site
        .html('/archives/')
        .querySelectorAll('#archives a')
        .map((a) => a.getAttribute('href'));
      expect(hrefs).toContain(encodeURI(`/posts/${EFFECTIVE_SLUG}/`));
      expect(hrefs).toContain('/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/');
      expect(encodeURI(`/posts/${EFFECTIVE_SLUG}/`)).toBe(
        '/posts/Effective-C++-1.-C++%EC%97%90-%EC%99%94%EC%9C%BC%EB%A9%B4-C++%EC%9D%98-%EB%B2%95%EC%9D%84-%EB%94%B0%EB%A6%85%EC%8B%9C%EB%8B%A4-1/',
      );
    });

    it('publishes the tab pages, taxonomy pages, feed and 404', () => {
      for (const path of [
        '/',
        '/page2/',
        '/page3/',
        '/page4/',
        '/categories/',
        '/categories/blogging/',
        '/categories/tutorial/',
        '/categories/programming/',
        '/categories/c/',
        '/categories/ai/',
        '/categories/data/',
        '/tags/',
        '/tags/getting-started/',
        '/tags/c/',
        '/tags/ml/',
        '/tags/머신러닝/',
        '/tags/single/',
        '/tags/mdx/',
        '/archives/',
        '/feed.xml',
        '/404.html',
      ]) {
        expect(site.exists(path), path).toBe(true);
      }
      expect(site.exists('/page5/')).toBe(false);
      expect(site.exists('/posts/')).toBe(false);
    });

    it('gives C++ and C# the one page Chirpy gives them, listing both, and warns', () => {
      const titles = site
        .html('/categories/c/')
        .querySelectorAll('.post-list a')
        .map((a) => a.text);
      expect(titles).toEqual(['Effective C++ 1', '모델 설정']);
      expect(site.html('/categories/c/').querySelector('h1')!.text).toContain('C++ / C#');
      expect(site.logs).toMatch(/"C\+\+", "C#" share the URL \/categories\/c\//);
    });

    it('titles a post from its file name when the front matter has none', () => {
      expect(site.html('/posts/Case-Kept/').querySelector('h1')!.text).toBe('Case Kept');
    });

    it('warns about Markdown files that are not named like posts', () => {
      expect(site.logs).toMatch(/README\.md is not published: Chirpy posts are named YYYY-MM-DD-title\.md/);
    });
  });

  describe('home page', () => {
    const homeTitles = (path: string) =>
      site
        .html(path)
        .querySelectorAll('.post-card .card-title a')
        .map((a) => a.text);

    it('shows pinned posts first across pages, then by date, hidden posts left out', () => {
      const all = ['/', '/page2/', '/page3/', '/page4/'].flatMap(homeTitles);
      expect(all).toEqual([
        'Pinned new',
        'Pinned old',
        'Effective C++ 1',
        'Prices',
        'Math post',
        'Hello World',
        '모델 설정',
        'An MDX post',
        'A .markdown file',
        'Case Kept',
      ]);
      expect(homeTitles('/')).toHaveLength(3);
    });

    it('links the pages to each other', () => {
      const nav = site
        .html('/page2/')
        .querySelectorAll('.pagination a')
        .map((a) => a.getAttribute('href'));
      expect(nav).toEqual(['/', '/', '/page3/', '/page4/', '/page3/']);
      expect(site.html('/page2/').querySelector('.pagination [aria-current="page"]')!.text).toBe('2');
    });

    it('shows the description or an excerpt, the date and the categories', () => {
      const card = site
        .html('/page2/')
        .querySelectorAll('.post-card')
        .find((c) => c.text.includes('Hello World'))!;
      expect(card.querySelector('.card-text')!.text).toContain('First post.');
      expect(card.querySelector('time')!.getAttribute('datetime')).toBe('2024-01-01T10:00:00+09:00');
      expect(card.querySelector('.card-categories')!.text).toBe('Blogging, Tutorial');
    });
  });

  describe('drafts and future posts', () => {
    it('appear in no file of the build', () => {
      const files = site.files();
      expect(files.length).toBeGreaterThan(20);
      for (const file of files) {
        if (!/\.(html|xml|json|txt)$/.test(file)) continue;
        const text = readFileSync(join(site.dist, file), 'utf8');
        expect(text, file).not.toContain(DRAFT_MARKER);
        expect(text, file).not.toContain(FUTURE_MARKER);
        expect(text, file).not.toContain('/posts/draft/');
        expect(text, file).not.toContain('/posts/future/');
      }
      expect(site.exists('/posts/draft/')).toBe(false);
      expect(site.exists('/posts/future/')).toBe(false);
      expect(files.some((file) => file.toLowerCase().includes('draft-marker'))).toBe(false);
    });
  });

  describe('math', () => {
    it('renders KaTeX and loads its stylesheet on math posts only', () => {
      const math = site.read('/posts/math/');
      expect(site.html('/posts/math/').querySelectorAll('.content .katex').length).toBe(2);
      expect(site.html('/posts/math/').querySelector('.katex-display')).not.toBeNull();
      expect(math).toMatch(/<link rel="stylesheet" href="\/_astro\/katex[^"]*\.css"/);
      for (const path of ['/posts/dollars/', '/posts/hello-world/', '/', '/archives/', '/tags/']) {
        expect(site.read(path), path).not.toContain('katex');
      }
    });

    it('keeps dollar signs as text where math is off', () => {
      expect(site.html('/posts/dollars/').querySelector('.content')!.text).toContain('It costs $5 and $10, not $$x$$.');
    });
  });

  describe('Markdown and MDX', () => {
    it('renders .markdown files', () => {
      expect(site.html('/posts/My-Custom-Slug/').querySelector('.content code')!.text).toBe('.markdown');
    });

    it('renders MDX with components', () => {
      expect(site.html('/posts/component/').querySelector('.content .hello')!.text).toBe('Hello from MDX!');
      expect(site.html('/posts/component/').querySelector('.content strong')!.text).toBe('markdown');
    });

    it('labels code blocks, adds a copy button and its script only where there is code', () => {
      const page = site.html('/posts/hello-world/');
      expect(page.querySelector('.code-block .code-label')!.text).toBe('JavaScript');
      expect(page.querySelector('.code-block button.code-copy')).not.toBeNull();
      expect(site.read('/posts/hello-world/')).toContain('button.code-copy');
      expect(site.read('/posts/dollars/')).not.toContain('button.code-copy');
    });

    it('gives headings kramdown ids and anchors, Hangul kept', () => {
      const heading = site.html('/posts/모델-설정/').querySelector('.content h2')!;
      expect(heading.getAttribute('id')).toBe('모델-설정');
      expect(heading.querySelector('a.anchor')!.getAttribute('href')).toBe('#모델-설정');
      expect(site.html('/posts/hello-world/').querySelector('.content h2')!.getAttribute('id')).toBe('getting-started');
    });
  });

  describe('post page', () => {
    it('links categories and tags, older and newer posts, and related posts', () => {
      const page = site.html('/posts/hello-world/');
      expect(page.querySelectorAll('.post-tags a').map((a) => a.getAttribute('href'))).toEqual([
        '/tags/getting-started/',
      ]);
      expect(page.querySelector('.post-nav .older')!.getAttribute('href')).toBe(encodeURI('/posts/모델-설정/'));
      expect(page.querySelector('.post-nav .newer')!.getAttribute('href')).toBe('/posts/math/');
      expect(page.querySelectorAll('.related a').map((a) => a.getAttribute('href'))).toEqual([
        '/posts/Case-Kept/',
        '/posts/component/',
      ]);
    });

    it('shows every date in a time element with the exact instant and offset', () => {
      const page = site.html('/posts/hello-world/');
      for (const time of page.querySelectorAll('time')) {
        expect(time.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      }
      expect(page.querySelector('.post-meta time')!.getAttribute('datetime')).toBe('2024-01-01T10:00:00+09:00');
    });
  });

  describe('panels', () => {
    it('lists the five most recently updated posts and the trending tags, on the home page and posts', () => {
      for (const path of ['/', '/posts/hello-world/']) {
        const page = site.html(path);
        expect(
          page.querySelectorAll('#panel-recent a').map((a) => a.text),
          path,
        ).toEqual(['Effective C++ 1', 'Prices', 'Math post', 'Hello World', '모델 설정']);
        expect(
          page.querySelectorAll('#panel-trending a').map((a) => a.text),
          path,
        ).toEqual(['getting started', 'C++', 'mdx', 'ML', 'single', '머신러닝']);
      }
    });
  });

  describe('zero JavaScript and no third parties by default', () => {
    it('requests nothing from another site on any page', () => {
      for (const file of site.files().filter((name) => name.endsWith('.html'))) {
        const html = site.read(`/${file}`);
        expect(html, file).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\/(?!example\.com)/);
      }
    });

    it('loads no script file, only small inline scripts where a feature needs one', () => {
      for (const file of site.files().filter((name) => name.endsWith('.html'))) {
        expect(site.read(`/${file}`), file).not.toMatch(/<script[^>]+src=/);
      }
      expect(site.read('/posts/dollars/')).not.toContain('button.code-copy');
    });
  });

  describe('light and dark mode', () => {
    it('applies a stored choice in <head> before any stylesheet, so the page never flashes the wrong mode', () => {
      const page = site.read('/posts/math/');
      const head = page.slice(0, page.indexOf('</head>'));
      const script = head.indexOf("localStorage.getItem('chirpy-mode')");
      expect(script).toBeGreaterThan(-1);
      expect(script).toBeLessThan(head.indexOf('rel="stylesheet"'));
      expect(site.html('/').querySelector('html')!.hasAttribute('data-mode')).toBe(false);
      expect(site.html('/').querySelector('meta[name="color-scheme"]')!.getAttribute('content')).toBe('light dark');
    });

    it('has a toggle that stays hidden until its script runs and remembers the choice', () => {
      const button = site.html('/').querySelector('#mode-toggle')!;
      expect(button.hasAttribute('hidden')).toBe(true);
      expect(site.read('/')).toContain("localStorage.setItem('chirpy-mode', next)");
    });
  });

  describe('category and tag indexes', () => {
    it('shows the two-level category tree with counts', () => {
      const cards = site.html('/categories/').querySelectorAll('.category-card');
      const programming = cards.find((card) => card.querySelector('h2 a')!.text === 'Programming')!;
      expect(programming.querySelector('h2 .count')!.text).toContain('2 posts');
      // C++ and C# share /categories/c/, so the tree shows them as one sub-category.
      expect(programming.querySelectorAll('li a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
        ['C++ / C#', '/categories/c/'],
      ]);
      expect(programming.querySelector('li .count')!.text).toBe('2 posts');
    });

    it('lists tags with counts', () => {
      const tag = site
        .html('/tags/')
        .querySelectorAll('.tag')
        .find((a) => a.text.startsWith('getting started'))!;
      expect(tag.querySelector('.count')!.text).toBe('2');
    });

    it('groups the archives by year, newest first', () => {
      const years = site
        .html('/archives/')
        .querySelectorAll('.year')
        .map((y) => y.text);
      expect(years).toEqual(['2026', '2024', '2023', '2022', '2021', '2019']);
    });
  });
});
