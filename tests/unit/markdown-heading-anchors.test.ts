/** rehype-heading-anchors alone: kramdown's heading ids in document order, `#` anchors, data-toc-skip. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingAnchors } from '../../packages/theme/src/markdown/html/heading-anchors.ts';
import { remarkIal } from '../../packages/theme/src/markdown/kramdown/ial/index.ts';
import { renderBare } from '../helpers/theme-markdown.ts';

const render = (markdown: string) => renderBare(markdown, { remark: [remarkIal], rehype: [rehypeHeadingAnchors] });

const ids = (html: string) =>
  parse(html)
    .querySelectorAll('h1, h2, h3, h4, h5, h6')
    .map((heading) => heading.id);

describe('heading ids', () => {
  it('follow kramdown GFM rule and number repeats in document order, in quotes and lists too', async () => {
    const { html } = await render('## Intro\n\n> ## Intro\n\n- ### Intro\n\n## C++ & C#\n\n## 모델 설정');
    expect(ids(html)).toEqual(['intro', 'intro-1', 'intro-2', 'c--c', '모델-설정']);
  });

  it('keep an id given in the IAL, which counts for nothing in the numbering (as in kramdown)', async () => {
    const { html } = await render('## Setup\n{: #custom }\n\n## Setup\n\n## Setup');
    expect(ids(html)).toEqual(['custom', 'setup', 'setup-1']);
  });

  it('are made from the text without footnote marks', async () => {
    const { html } = await render('## Title[^1]\n\n[^1]: A note.');
    expect(parse(html).querySelector('h2')!.id).toBe('title');
  });
});

describe('heading anchors', () => {
  it('link h2 to h5 to themselves, named by the heading text', async () => {
    const { html } = await render('# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six');
    const page = parse(html);
    const anchored: [tag: string, id: string, text: string][] = [
      ['h2', 'two', 'Two'],
      ['h3', 'three', 'Three'],
      ['h4', 'four', 'Four'],
      ['h5', 'five', 'Five'],
    ];
    for (const [tag, id, text] of anchored) {
      const anchor = page.querySelector(`${tag} > a.anchor`)!;
      expect(anchor.getAttribute('href')).toBe(`#${id}`);
      expect(anchor.text).toBe('#');
      expect(anchor.getAttribute('aria-label')).toBe(`${text} (link)`);
    }
    expect(page.querySelector('h1 a.anchor')).toBeNull();
    expect(page.querySelector('h6 a.anchor')).toBeNull();
  });
});

describe('data-toc-skip', () => {
  it('notes the ids of headings left out of the table of contents', async () => {
    const { info } = await render(
      "## Shown\n\n## Hidden\n{: data-toc-skip='' }\n\n### Also hidden\n{: data-toc-skip='' #x }",
    );
    expect(info.tocSkip).toEqual(['hidden', 'x']);
  });
});
