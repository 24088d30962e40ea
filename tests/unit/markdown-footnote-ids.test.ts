/** rehype-footnote-ids alone: kramdown's footnote ids (`fn:x`, `fnref:x`) in ids and links. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rehypeFootnoteIds } from '../../packages/theme/src/markdown/kramdown/footnotes/ids.ts';
import { renderBare } from '../helpers/theme-markdown.ts';

describe('footnote ids', () => {
  it('are kramdown’s, on the mark, the note and the link back', async () => {
    const { html } = await renderBare('Text[^note] and more[^note].\n\n[^note]: The note.', {
      rehype: [rehypeFootnoteIds],
    });
    const page = parse(html);
    const marks = page.querySelectorAll('a[data-footnote-ref]');
    expect(marks.map((mark) => [mark.id, mark.getAttribute('href')])).toEqual([
      ['fnref:note', '#fn:note'],
      ['fnref:note:1', '#fn:note'],
    ]);
    expect(page.querySelector('section.footnotes li')!.id).toBe('fn:note');
    const backs = page.querySelectorAll('a[data-footnote-backref]').map((link) => link.getAttribute('href'));
    expect(backs).toEqual(['#fnref:note', '#fnref:note:1']);
    expect(html).not.toContain('user-content-fn');
  });

  it('number a note cited again as kramdown does, whatever its name ends in', async () => {
    const { html } = await renderBare('A[^a-2] b[^a] c[^a] d[^a].\n\n[^a]: One.\n[^a-2]: Two.', {
      rehype: [rehypeFootnoteIds],
    });
    const page = parse(html);
    expect(page.querySelectorAll('a[data-footnote-ref]').map((mark) => mark.id)).toEqual([
      'fnref:a-2',
      'fnref:a',
      'fnref:a:1',
      'fnref:a:2',
    ]);
    expect(page.querySelectorAll('a[data-footnote-backref]').map((link) => link.getAttribute('href'))).toEqual([
      '#fnref:a-2',
      '#fnref:a',
      '#fnref:a:1',
      '#fnref:a:2',
    ]);
  });

  it('keep the case of a note name and reach into headings', async () => {
    const { html } = await renderBare('## Title[^Note]\n\nText[^Note].\n\n[^Note]: The note.', {
      rehype: [rehypeFootnoteIds],
    });
    const page = parse(html);
    expect(page.querySelector('h2 a[data-footnote-ref]')!.getAttribute('href')).toBe('#fn:Note');
    expect(page.querySelectorAll('a[data-footnote-ref]').map((mark) => mark.id)).toEqual([
      'fnref:Note',
      'fnref:Note:1',
    ]);
    expect(page.querySelector('section.footnotes li')!.id).toBe('fn:Note');
    expect(html).not.toContain('user-content-fn');
  });

  it('leave other ids and links alone', async () => {
    const { html } = await renderBare('[x](#user-content-other) [y](https://example.org/#fn-1)', {
      rehype: [rehypeFootnoteIds],
    });
    const links = parse(html)
      .querySelectorAll('a')
      .map((link) => link.getAttribute('href'));
    expect(links).toEqual(['#user-content-other', 'https://example.org/#fn-1']);
  });
});
