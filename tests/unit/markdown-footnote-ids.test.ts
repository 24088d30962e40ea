/** rehype-footnote-ids alone: kramdown's footnote ids (`fn:x`, `fnref:x`) in ids and links. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rehypeFootnoteIds } from '../../packages/theme/src/markdown/rehype-footnote-ids.ts';
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
      ['fnref:note-2', '#fn:note'],
    ]);
    expect(page.querySelector('section.footnotes li')!.id).toBe('fn:note');
    const backs = page.querySelectorAll('a[data-footnote-backref]').map((link) => link.getAttribute('href'));
    expect(backs).toEqual(['#fnref:note', '#fnref:note-2']);
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
