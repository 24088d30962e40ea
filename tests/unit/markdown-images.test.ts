/** rehype-images alone: lazy images in links that open them, IAL sizes and classes, LQIP, missing files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rehypeImages } from '../../packages/theme/src/markdown/html/images.ts';
import { remarkIal } from '../../packages/theme/src/markdown/kramdown/ial/index.ts';
import { remarkMedia } from '../../packages/theme/src/markdown/html/media-paths.ts';
import { PUBLIC_DIR, renderBare } from '../helpers/theme-markdown.ts';

const render = (markdown: string, frontmatter: Record<string, unknown> = {}) =>
  renderBare(markdown, { remark: [remarkIal], rehype: [rehypeImages], frontmatter, path: 'posts/pictures.md' });

describe('body images', () => {
  it('load lazily, in a link that opens the image', async () => {
    const { html } = await render('![A chart](https://example.org/chart.png)');
    const link = parse(html).querySelector('a.popup.img-link')!;
    expect(link.getAttribute('href')).toBe('https://example.org/chart.png');
    const img = link.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('alt')).toBe('A chart');
    expect(link.getAttribute('aria-label')).toBeUndefined();
  });

  it('name the link after the file when the image has no alt text, in the post’s language', async () => {
    const { html } = await render('![](https://example.org/my%20chart.png)', { lang: 'fr-FR' });
    expect(parse(html).querySelector('a.popup')!.getAttribute('aria-label')).toBe('Ouvrir l’image my chart.png');
  });

  it('take sizes from `w` and `h`, and put position classes on the link', async () => {
    const { html } = await render('![Alt](https://example.org/a.png){: w="400" h="200" .left .shadow }');
    const link = parse(html).querySelector('a.img-link')!;
    expect(link.classList.contains('left')).toBe(true);
    expect(link.classList.contains('shadow')).toBe(false);
    const img = link.querySelector('img')!;
    expect(img.classList.contains('shadow')).toBe(true);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['400', '200']);
    expect(img.hasAttribute('w') || img.hasAttribute('h')).toBe(false);
  });

  it('show an LQIP as a blurred background until the image loads', async () => {
    const { html } = await render('![Alt](https://example.org/a.png){: lqip="data:image/webp;base64,AAAA" }');
    const link = parse(html).querySelector('a.img-link')!;
    expect(link.classList.contains('blur')).toBe(true);
    const img = link.querySelector('img')!;
    expect(img.getAttribute('style')).toContain('url("data:image/webp;base64,AAAA")');
    expect(img.hasAttribute('lqip')).toBe(false);
  });

  it('in a link of their own keep that link, which gets the image link classes', async () => {
    const { html } = await render('[![Linked](https://example.org/c.png){: .dark }](https://example.org)');
    const page = parse(html);
    expect(page.querySelectorAll('a')).toHaveLength(1);
    const link = page.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org');
    expect(link.classList.contains('img-link')).toBe(true);
    expect(link.classList.contains('dark')).toBe(true);
    expect(link.classList.contains('popup')).toBe(false);
  });
});

describe('root-relative images', () => {
  it('that are not in public/ are reported with the post’s file; those that are, are not', async () => {
    mkdirSync(join(PUBLIC_DIR, 'img'), { recursive: true });
    writeFileSync(join(PUBLIC_DIR, 'img', 'here.png'), '');
    const { html, warnings } = await render(
      '![a](/img/here.png) ![b](/img/gone.png) ![c](https://example.org/x.png) ![d](//cdn.example.org/y.png)',
    );
    expect(warnings).toEqual([
      'posts/pictures.md: image "/img/gone.png" does not exist in public/ (the page keeps the image element).',
    ]);
    expect(parse(html).querySelector('img[src="/img/gone.png"]')).not.toBeNull();
  });
});

describe('relative images', () => {
  it('are the file the browser loads from the post’s URL: no false warning, and a truly missing one named', async () => {
    mkdirSync(join(PUBLIC_DIR, 'assets', 'img'), { recursive: true });
    writeFileSync(join(PUBLIC_DIR, 'assets', 'img', 'there.png'), '');
    const { html, warnings } = await renderBare('![a](../../assets/img/there.png) ![b](../../assets/img/lost.png)', {
      remark: [remarkMedia],
      rehype: [rehypeImages],
      path: '_posts/2024-01-01-pictures.md',
    });
    const page = parse(html);
    expect(page.querySelectorAll('img').map((img) => img.getAttribute('src'))).toEqual([
      '/assets/img/there.png',
      '/assets/img/lost.png',
    ]);
    expect(warnings).toEqual([
      '_posts/2024-01-01-pictures.md: image "/assets/img/lost.png" does not exist in public/ (the page keeps the image element).',
    ]);
  });

  it('left relative (no media rule ran) are looked up against /posts/<slug>/', async () => {
    mkdirSync(join(PUBLIC_DIR, 'posts', 'pictures'), { recursive: true });
    writeFileSync(join(PUBLIC_DIR, 'posts', 'pictures', 'beside.png'), '');
    const { warnings } = await renderBare('![a](../../assets/img/there.png) ![b](beside.png) ![c](../gone.png)', {
      rehype: [rehypeImages],
      path: '_posts/2024-01-01-pictures.md',
    });
    expect(warnings).toEqual([
      '_posts/2024-01-01-pictures.md: image "../gone.png" (/posts/gone.png from this page) does not exist in public/ (the page keeps the image element).',
    ]);
  });
});
