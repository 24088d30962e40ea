/**
 * Chirpy's Markdown dialect, one feature per test: kramdown IALs, code blocks, images,
 * headings, footnotes, definition lists, Liquid and the math dialect.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECT, LIQUID, MATH } from '../fixtures/dialect.ts';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

describe("Chirpy's Markdown dialect", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('dialect', {
      // The legacy post's preview image exists (a missing one would be left out: preview-image.test.ts).
      files: { 'public/legacy/cover.png': 'PNG' },
      posts: {
        '2024-01-01-dialect.md': post({ title: 'Dialect', media_subpath: '/media/post' }, DIALECT),
        '2024-01-02-liquid.md': post({ title: 'Liquid' }, LIQUID),
        '2024-01-03-no-liquid.md': post(
          { title: 'No Liquid', render_with_liquid: false },
          'Literal {{ site.url }} and {% post_url x %}.',
        ),
        // YAML 1.1's `no`, which the schema reads as false, turns Liquid off too.
        '2024-01-10-no-liquid-word.md': post(
          { title: 'No Liquid word', render_with_liquid: 'no' },
          'Also literal {{ site.url }} and {% unknowntag %}.',
        ),
        '2024-01-04-math.md': post({ title: 'Math', math: true }, MATH),
        '2024-01-05-legacy.md': post({ title: 'Legacy', img_path: '/legacy', image: 'cover.png' }, '![x](pic.png)'),
        '2024-01-07-diagram.md': post(
          { title: 'Diagram', mermaid: true },
          '```mermaid\ngraph TD\n  A --> B\n```\n\n```js\nlet x;\n```',
        ),
        '2024-01-08-no-diagram.md': post({ title: 'No diagram' }, '```mermaid\ngraph TD\n  A --> B\n```'),
        '2024-01-09-no-toc.md': post({ title: 'No TOC', toc: false }, '## One\n\n## Two'),
        '2024-01-06-moved.md': post(
          { title: 'Moved', redirect_from: '[/old-url/, /2019/08/08/older.html, /옛날-주소/]' },
          'Now here.',
        ),
      },
    });
  });
  const content = (slug: string) => site.html(`/posts/${slug}/`).querySelector('.content')!;

  describe('IALs', () => {
    it('turns `{: .prompt-* }` under a quote into a prompt, keeping unknown prompt classes', () => {
      const quotes = content('dialect').querySelectorAll('blockquote');
      expect(quotes.map((q) => q.getAttribute('class'))).toEqual(['prompt-tip', 'prompt-note']);
      expect(quotes[0]!.text.trim()).toBe('A tip.');
      expect(content('dialect').text).not.toContain('{:');
    });

    it('titles a code block with `file=` and drops line numbers with `.nolineno`', () => {
      const blocks = content('dialect').querySelectorAll('.code-block');
      expect(blocks[0]!.getAttribute('data-file')).toBe('src/app.py');
      expect(blocks[0]!.querySelector('.code-label')!.text).toBe('src/app.py');
      expect(blocks[0]!.classList.contains('lineno')).toBe(true);
      expect(blocks[1]!.classList.contains('nolineno')).toBe(true);
      expect(blocks[1]!.classList.contains('lineno')).toBe(false);
      expect(blocks[1]!.querySelector('.code-label')!.text).toBe('JavaScript');
    });

    it('shows line numbers except for console and plain text, as Chirpy does', () => {
      const console = content('dialect').querySelectorAll('.code-block')[2]!;
      expect(console.classList.contains('language-console')).toBe(true);
      expect(console.classList.contains('lineno')).toBe(false);
    });

    it('marks inline code as a file path', () => {
      expect(content('dialect').querySelector('code.filepath')!.text).toBe('/etc/hosts');
    });

    it('applies heading attributes and ids', () => {
      const heading = content('dialect').querySelector('#custom-id')!;
      expect(heading.tagName).toBe('H2');
      expect(heading.hasAttribute('data-toc-skip')).toBe(true);
    });
  });

  describe('images', () => {
    it('wraps images in a link with position classes, keeps other classes and sizes on the image', () => {
      const link = content('dialect').querySelectorAll('a.img-link')[0]!;
      expect(link.getAttribute('class')).toBe('popup img-link left');
      expect(link.getAttribute('href')).toBe('/media/post/img/a.png');
      const img = link.querySelector('img')!;
      expect(img.getAttribute('src')).toBe('/media/post/img/a.png');
      expect(img.getAttribute('class')).toBe('shadow');
      expect(img.getAttribute('width')).toBe('400');
      expect(img.getAttribute('height')).toBe('200');
      expect(img.getAttribute('loading')).toBe('lazy');
    });

    it('keeps the italic line under an image as its caption', () => {
      const link = content('dialect').querySelectorAll('a.img-link')[0]!;
      expect(link.parentNode!.querySelector('em')!.text).toBe('A caption');
    });

    it('resolves a relative path through media_subpath and gives LQIP a blur-up', () => {
      const link = content('dialect').querySelectorAll('a.img-link')[1]!;
      expect(link.getAttribute('class')).toBe('popup img-link w-50 blur');
      const img = link.querySelector('img')!;
      expect(img.getAttribute('src')).toBe('/media/post/b.png');
      expect(img.getAttribute('style')).toContain('data:image/webp;base64,AAAA');
    });

    it('marks an image already inside a link instead of wrapping it, keeping its mode class', () => {
      const link = content('dialect').querySelector('a[href="https://example.org"]')!;
      expect(link.getAttribute('class')).toBe('img-link dark');
      expect(link.querySelector('img')!.getAttribute('src')).toBe('/media/post/img/c.png');
    });

    it('honours the legacy img_path, for the preview image too', () => {
      expect(content('legacy').querySelector('img')!.getAttribute('src')).toBe('/legacy/pic.png');
      expect(site.html('/posts/legacy/').querySelector('.preview-img img')!.getAttribute('src')).toBe(
        '/legacy/cover.png',
      );
    });
  });

  describe('headings, footnotes, definition lists, HTML', () => {
    it("gives headings kramdown's ids: Hangul kept, punctuation dropped, repeats numbered", () => {
      const ids = content('dialect')
        .querySelectorAll('h2')
        .map((h) => h.getAttribute('id'));
      expect(ids).toEqual([
        'prompts',
        'code',
        'images',
        'custom-id',
        'repeat',
        'repeat-1',
        '모델-설정--c',
        'footnote-label',
      ]);
    });

    it("uses kramdown's footnote anchors (fn:x, fnref:x)", () => {
      const ref = content('dialect').querySelector('sup a')!;
      expect(ref.getAttribute('href')).toBe('#fn:note');
      expect(ref.getAttribute('id')).toBe('fnref:note');
      const note = site.html('/posts/dialect/').querySelector('[id="fn:note"]')!;
      expect(note.text).toContain('The note.');
      expect(note.querySelector('a[href="#fnref:note"]')).not.toBeNull();
    });

    it('renders definition lists', () => {
      const dl = content('dialect').querySelector('dl')!;
      expect(dl.querySelectorAll('dt').map((dt) => dt.text)).toEqual(['Term']);
      expect(dl.querySelectorAll('dd').map((dd) => dd.text)).toEqual(['Definition one', 'Definition two']);
    });

    it('keeps inline HTML as written', () => {
      expect(content('dialect').querySelector('details summary')!.text).toBe('More');
      expect(content('dialect').querySelector('details kbd')!.text).toBe('HTML');
    });
  });

  describe('Liquid', () => {
    it('fills site URLs and post_url', () => {
      expect(content('liquid').text).toContain('Site: https://example.com/about/');
      expect(content('liquid').querySelector('a[href="/posts/dialect/"]')!.text).toBe('dialect');
    });

    it('renders embeds in both include forms', () => {
      expect(content('liquid').querySelector('iframe.embed-video')!.getAttribute('src')).toBe(
        'https://www.youtube.com/embed/Balreaj8Yqs',
      );
      const video = content('liquid').querySelector('video.embed-video')!;
      expect(video.querySelector('source')!.getAttribute('src')).toBe('/clip.mp4');
      expect(video.parentNode!.querySelector('em')!.text).toBe('A clip');
    });

    it('removes raw tags and keeps their content', () => {
      expect(content('liquid').querySelector('pre')!.text).toContain('{{ page.title }}');
      expect(content('liquid').text).not.toContain('{% raw %}');
    });

    it('fills page variables, and leaves an include the theme does not have as written, warning with file and line', () => {
      expect(content('liquid').text).toContain('Title: Liquid');
      expect(content('liquid').text).toContain('{% include my-own-widget.html %}');
      expect(site.logs).toMatch(
        /src\/content\/posts\/2024-01-02-liquid\.md:23: Liquid \{% include my-own-widget\.html %\} includes a file this theme does not have/,
      );
    });

    it('is off for render_with_liquid: false, and for no/off', () => {
      expect(content('no-liquid').text).toContain('Literal {{ site.url }} and {% post_url x %}.');
      expect(site.logs).not.toContain('2024-01-03-no-liquid.md');
      expect(content('no-liquid-word').text).toContain('Also literal {{ site.url }} and {% unknowntag %}.');
    });
  });

  describe('math', () => {
    const katexSources = () =>
      content('math')
        .querySelectorAll('annotation')
        .map((a) => a.text.trim());

    it('reads a one-line $$ … $$ paragraph as display math and $$ inside a sentence as inline math', () => {
      const displays = content('math')
        .querySelectorAll('.katex-display')
        .map((d) => d.querySelector('annotation')!.text.trim());
      expect(displays[0]).toBe('x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}');
      expect(katexSources()).toContain('a+b');
    });

    it('applies Markdown escapes inside single-dollar math first', () => {
      expect(katexSources()).toContain('\\hat{a}_+');
    });

    it('reads \\$$ in a list item, \\\\( \\\\) and \\\\[ \\\\] as math', () => {
      const item = content('math').querySelector('li')!;
      expect(item.querySelector('annotation')!.text.trim()).toBe('\\sum_i x_i');
      expect(katexSources()).toContain('c^2');
      expect(katexSources()).toContain('\\int_0^1 f');
    });

    it('numbers equations and links \\eqref to them', () => {
      expect(katexSources().some((tex) => tex.includes('E = mc^2') && tex.includes('\\tag{1}'))).toBe(true);
      const ref = content('math').querySelector('a[href="#eq-eq-energy"]')!;
      expect(ref.text).toBe('(1)');
      expect(content('math').querySelector('[id="eq-eq-energy"]')).not.toBeNull();
    });

    it('reports a formula KaTeX cannot render and shows its TeX, not an error box', () => {
      expect(site.logs).toMatch(/src\/content\/posts\/2024-01-04-math\.md:24: KaTeX cannot render "\\\\frac\{1\}"/);
      const error = content('math').querySelector('code.math-error')!;
      expect(error.text).toBe('\\frac{1}');
      expect(content('math').querySelector('.katex-error')).toBeNull();
    });

    it('reports broken display math and math written with \\( \\) the same way, each once', () => {
      expect(site.logs).toMatch(/2024-01-04-math\.md:26: KaTeX cannot render "\\\\left\( x"/);
      const display = content('math').querySelector('pre.math-error > code.math-error')!;
      expect(display.text).toBe('\\left( x');
      expect(site.logs).toMatch(/2024-01-04-math\.md:30: KaTeX cannot render "x\^"/);
      expect(site.logs.match(/KaTeX cannot render/g)).toHaveLength(3);
      expect(content('math').querySelectorAll('code.math-error')).toHaveLength(3);
    });
  });

  describe('redirect_from', () => {
    it('writes a page at each old path that sends readers to the post', () => {
      for (const path of ['/old-url/', '/2019/08/08/older.html', '/옛날-주소/']) {
        const page = site.html(path);
        expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href'), path).toBe(
          'https://example.com/posts/moved/',
        );
        expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content'), path).toBe(
          '0; url=https://example.com/posts/moved/',
        );
        expect(page.querySelector('a')!.getAttribute('href')).toBe('https://example.com/posts/moved/');
      }
    });
  });

  describe('table of contents', () => {
    it('leaves out headings marked data-toc-skip, and posts can turn it off', () => {
      const entries = site
        .html('/posts/dialect/')
        .querySelectorAll('nav.toc-panel a')
        .map((a) => a.getAttribute('href'));
      expect(entries).toEqual(['#prompts', '#code', '#images', '#repeat', '#repeat-1', '#모델-설정--c']);
      expect(site.html('/posts/no-toc/').querySelector('.toc')).toBeNull();
    });
  });

  describe('mermaid', () => {
    it('turns mermaid blocks into diagrams on posts with mermaid: true, loading the site-hosted bundle there only', () => {
      const diagram = site.html('/posts/diagram/');
      expect(diagram.querySelector('.content pre.mermaid')!.text).toBe('graph TD\n  A --> B');
      const script = diagram
        .querySelectorAll('script')
        .find((s) => /mermaid[^"]*\.js$/.test(s.getAttribute('src') ?? ''))!;
      const src = script.getAttribute('src')!;
      expect(src).toMatch(/^\/_chirpy\/mermaid-\d+\.\d+\.\d+\.min\.js$/);
      expect(site.read(src).length).toBeGreaterThan(1_000_000);
      expect(diagram.querySelector('.content .code-block.language-js')).not.toBeNull();
      for (const slug of ['no-diagram', 'dialect']) {
        expect(site.read(`/posts/${slug}/`), slug).not.toContain('mermaid.min');
      }
      expect(site.html('/posts/no-diagram/').querySelector('.content .code-block.language-mermaid')).not.toBeNull();
    });
  });
});
