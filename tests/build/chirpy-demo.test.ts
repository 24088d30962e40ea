/**
 * Chirpy's own four demo posts, byte for byte, built with the demo's CDN.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlProofer } from '../helpers/html-proofer.ts';
import { buildSite, privateUseCharacters, SHARED_DIR, type BuiltSite } from '../helpers/site.ts';

const DEMO_DIR = join(SHARED_DIR, 'corpus/chirpy-demo');
const demoPosts = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((name) => /^\d{4}-\d\d-\d\d-.*\.md$/.test(name))
    .map((name) => [name, join(DEMO_DIR, name)]),
);

describe("Chirpy's demo posts", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('chirpy-demo', {
      copyPosts: demoPosts,
      options: { timezone: 'Asia/Shanghai', cdn: 'https://chirpy-img.netlify.app', feed: { limit: 2 } },
    });
  });

  it("passes html-proofer, the checker Chirpy's own CI runs (links, images, hashes)", async () => {
    expect(await htmlProofer(site.dist)).toEqual([]);
  });

  it('are all four there', () => {
    expect(Object.keys(demoPosts)).toHaveLength(4);
  });

  it('hold no private-use character on any page or feed', () => {
    expect(privateUseCharacters(site.dist)).toEqual([]);
  });

  it('build at the URLs Chirpy gives them', () => {
    for (const slug of ['text-and-typography', 'write-a-new-post', 'getting-started', 'customize-the-favicon']) {
      expect(site.exists(`/posts/${slug}/`), slug).toBe(true);
    }
    for (const path of [
      '/categories/blogging/',
      '/categories/demo/',
      '/categories/tutorial/',
      '/tags/getting-started/',
      '/tags/typography/',
    ]) {
      expect(site.exists(path), path).toBe(true);
    }
  });

  it('keep their front matter: dates with offsets, pins, descriptions', () => {
    const page = site.html('/posts/text-and-typography/');
    expect(page.querySelector('.post-meta time')!.getAttribute('datetime')).toBe('2019-08-08T11:33:00+08:00');
    expect(page.querySelector('.post-desc')!.text).toContain('Examples of text, typography');
    const home = site
      .html('/')
      .querySelectorAll('.post-card .card-title a')
      .map((a) => a.text);
    expect(home.slice(0, 2)).toEqual(['Getting Started', 'Text and Typography']);
  });

  it('render math on the post that asks for it', () => {
    const page = site.html('/posts/text-and-typography/');
    expect(page.querySelectorAll('.content .katex').length).toBeGreaterThanOrEqual(3);
    expect(site.read('/posts/getting-started/')).not.toContain('class="katex"');
  });

  it('resolve images through the CDN and media_subpath', () => {
    const preview = site.html('/posts/text-and-typography/').querySelector('.preview-img img')!;
    expect(preview.getAttribute('src')).toBe('https://chirpy-img.netlify.app/commons/devices-mockup.png');
    const srcs = site
      .html('/posts/getting-started/')
      .querySelectorAll('.content img')
      .map((img) => img.getAttribute('src'));
    expect(srcs).toContain('https://chirpy-img.netlify.app/posts/20180809/pages-source-light.png');
  });

  it('feed the newest `feed.limit` posts, with their CDN images absolute', () => {
    const xml = site.read('/feed.xml');
    const titles = [...xml.matchAll(/<item><title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(['Customize the Favicon', 'Getting Started']);
    expect(xml).toContain('https://chirpy-img.netlify.app/posts/20180809/pages-source-light.png');
    // The category feed has its own, smaller set.
    const demo = site.read('/categories/demo/feed.xml');
    expect([...demo.matchAll(/<item><title>([^<]*)<\/title>/g)].map((match) => match[1])).toEqual([
      'Text and Typography',
    ]);
  });

  it('report no missing images (they live on the CDN)', () => {
    expect(site.logs).not.toMatch(/does not exist in public/);
  });

  describe('every feature they demonstrate, element by element', () => {
    const content = (slug: string) => site.html(`/posts/${slug}/`).querySelector('.content')!;
    const ids = (slug: string) =>
      content(slug)
        .querySelectorAll('h1, h2, h3, h4, h5')
        .map((h) => h.getAttribute('id'));

    it('text-and-typography: headings with their IAL classes, toc-skip marks and kramdown ids', () => {
      const page = content('text-and-typography');
      expect(page.querySelector('h1')!.getAttribute('id')).toBe('h1--heading');
      expect(page.querySelector('h1')!.getAttribute('class')).toBe('mt-4 mb-0');
      for (const id of ['h2--heading', 'h3--heading', 'h4--heading']) {
        expect(page.querySelector(`#${id}`)!.hasAttribute('data-toc-skip'), id).toBe(true);
      }
      expect(ids('text-and-typography')).toEqual([
        'headings',
        'h1--heading',
        'h2--heading',
        'h3--heading',
        'h4--heading',
        'paragraph',
        'lists',
        'ordered-list',
        'unordered-list',
        'todo-list',
        'description-list',
        'block-quote',
        'prompts',
        'tables',
        'links',
        'footnote',
        'inline-code',
        'filepath',
        'code-blocks',
        'common',
        'specific-language',
        'specific-filename',
        'mathematics',
        'mermaid-svg',
        'images',
        'default-with-caption',
        'left-aligned',
        'float-to-left',
        'float-to-right',
        'darklight-mode--shadow',
        'video',
        'reverse-footnote',
        'footnote-label',
      ]);
    });

    it('text-and-typography: prompts, file path, file header, description list, table wrapper', () => {
      const page = content('text-and-typography');
      expect(page.querySelectorAll('blockquote[class^="prompt-"]').map((q) => q.getAttribute('class'))).toEqual([
        'prompt-tip',
        'prompt-info',
        'prompt-warning',
        'prompt-danger',
      ]);
      expect(page.querySelector('code.filepath')!.text).toBe('/path/to/the/file.extend');
      const file = page.querySelector('.code-block[data-file]')!;
      expect(file.getAttribute('data-file')).toBe('_sass/jekyll-theme-chirpy.scss');
      expect(file.querySelector('.code-label')!.text).toBe('_sass/jekyll-theme-chirpy.scss');
      expect(file.classList.contains('language-sass')).toBe(true);
      expect(page.querySelectorAll('dl dt').map((dt) => dt.text)).toEqual(['Sun', 'Moon']);
      expect(page.querySelector('.table-wrapper table')).not.toBeNull();
    });

    it('text-and-typography: images with their positions, sizes, modes, shadows and caption', () => {
      const page = content('text-and-typography');
      const links = page.querySelectorAll('a.img-link');
      expect(links.map((a) => a.getAttribute('class'))).toEqual([
        'popup img-link',
        'popup img-link w-75 normal',
        'popup img-link w-50 left',
        'popup img-link w-50 right',
        'popup img-link light w-75',
        'popup img-link dark w-75',
      ]);
      expect(links[0]!.querySelector('img')!.getAttribute('width')).toBe('972');
      expect(links[4]!.querySelector('img')!.getAttribute('class')).toBe('shadow rounded-10');
      expect(links[4]!.querySelector('img')!.getAttribute('width')).toBe('1212');
      expect(links[0]!.parentNode!.querySelector('em')!.text).toBe('Full screen width and center alignment');
    });

    it('text-and-typography: the YouTube embed, footnotes and math with a numbered equation', () => {
      const page = content('text-and-typography');
      expect(page.querySelector('iframe.embed-video')!.getAttribute('src')).toBe(
        'https://www.youtube.com/embed/Balreaj8Yqs',
      );
      expect(page.querySelectorAll('sup a').map((a) => a.getAttribute('href'))).toEqual([
        '#fn:footnote',
        '#fn:fn-nth-2',
      ]);
      expect(page.querySelector('[id="fn:fn-nth-2"]')!.text).toContain('The 2nd footnote source');
      const tex = page.querySelectorAll('annotation').map((a) => a.text.trim());
      expect(tex.some((t) => t.includes('\\sum_{n=1}^\\infty 1/n^2') && t.includes('\\tag{1}'))).toBe(true);
      expect(tex).toContain('a \\ne 0');
      expect(tex).toContain('x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}');
      expect(page.querySelector('a[href="#eq-eq-series"]')!.text).toBe('(1)');
    });

    it('write-a-new-post: prompts, file headers, and Liquid left literal (render_with_liquid: false)', () => {
      const page = content('write-a-new-post');
      expect(page.querySelectorAll('blockquote[class^="prompt-"]').map((q) => q.getAttribute('class'))).toEqual([
        'prompt-tip',
        'prompt-info',
        'prompt-info',
        'prompt-warning',
        'prompt-danger',
        'prompt-tip',
      ]);
      expect(page.querySelectorAll('.code-block[data-file]').map((b) => b.getAttribute('data-file'))).toEqual([
        '_data/authors.yml',
        '_config.yml',
      ]);
      expect(page.text).toContain("{% include embed/{Platform}.html id='{ID}' %}");
      expect(page.text).toContain('The Jekyll tag {% highlight %} is not compatible with this theme.');
      expect(page.text).toContain('{% raw %}');
      expect(page.querySelector('iframe')).toBeNull();
      expect(site.logs).not.toContain('2019-08-08-write-a-new-post.md:');
      expect(ids('write-a-new-post').slice(0, 4)).toEqual([
        'naming-and-path',
        'front-matter',
        'timezone-of-date',
        'categories-and-tags',
      ]);
    });

    it('getting-started: light and dark images through media_subpath, file paths, a prompt', () => {
      const page = content('getting-started');
      const links = page.querySelectorAll('a.img-link');
      expect(links.map((a) => [a.getAttribute('class'), a.querySelector('img')!.getAttribute('src')])).toEqual([
        ['popup img-link light normal', 'https://chirpy-img.netlify.app/posts/20180809/pages-source-light.png'],
        ['popup img-link dark normal', 'https://chirpy-img.netlify.app/posts/20180809/pages-source-dark.png'],
      ]);
      expect(links[0]!.querySelector('img')!.getAttribute('class')).toBe('border');
      expect(links[0]!.querySelector('img')!.getAttribute('width')).toBe('375');
      expect(page.querySelectorAll('code.filepath').length).toBeGreaterThanOrEqual(6);
      expect(page.querySelectorAll('blockquote.prompt-info')).toHaveLength(1);
      expect(ids('getting-started')).toContain('option-1-using-the-starter-recommended');
    });

    it('customize-the-favicon: its prompt and heading ids', () => {
      expect(content('customize-the-favicon').querySelectorAll('blockquote.prompt-info')).toHaveLength(1);
      expect(ids('customize-the-favicon')).toEqual(['generate-the-favicon', 'download--replace']);
    });
  });

  describe('table of contents', () => {
    it('lists h2 to h4 with their ids, without data-toc-skip headings, built into the page', () => {
      const toc = site.html('/posts/text-and-typography/').querySelector('nav.toc-panel')!;
      const entries = toc.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')]);
      expect(entries.slice(0, 5)).toEqual([
        ['Headings', '#headings'],
        ['Paragraph', '#paragraph'],
        ['Lists', '#lists'],
        ['Ordered list', '#ordered-list'],
        ['Unordered list', '#unordered-list'],
      ]);
      expect(entries.map(([, href]) => href)).not.toContain('#h2--heading');
      expect(entries.map(([, href]) => href)).not.toContain('#footnote-label');
      const ids = new Set(
        site
          .html('/posts/text-and-typography/')
          .querySelectorAll('.content [id]')
          .map((e) => e.getAttribute('id')),
      );
      for (const [, href] of entries) expect(ids.has(href!.slice(1)), href!).toBe(true);
      expect(toc.querySelector('a[href="#ordered-list"]')!.parentNode!.getAttribute('class')).toBe('toc-level-2');
      expect(site.html('/posts/text-and-typography/').querySelector('details.toc-inline')).not.toBeNull();
    });
  });
});
