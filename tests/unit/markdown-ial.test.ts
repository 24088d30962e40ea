/** remark-ial alone: kramdown's `{: … }` attribute lists on blocks and spans. */
import { describe, expect, it } from 'vitest';
import { remarkIal } from '../../packages/theme/src/markdown/kramdown/ial/index.ts';
import { parseHtml, renderBare } from '../helpers/theme-markdown.ts';

const render = async (markdown: string) => parseHtml((await renderBare(markdown, { remark: [remarkIal] })).html);

describe('block IALs', () => {
  it('name a quote on the line after it (prompts)', async () => {
    const page = await render('> A tip.\n{: .prompt-tip }');
    const quote = page.querySelector('blockquote.prompt-tip')!;
    expect(quote.text.trim()).toBe('A tip.');
    expect(page.text).not.toContain('{:');
  });

  it('set a heading’s id and attributes', async () => {
    const heading = (await render("## Title\n{: #custom data-toc-skip='' }")).querySelector('h2')!;
    expect(heading.id).toBe('custom');
    expect(heading.hasAttribute('data-toc-skip')).toBe(true);
  });

  it('apply to a paragraph from its last line', async () => {
    const paragraph = (await render('Some text\n{: .note }')).querySelector('p.note')!;
    expect(paragraph.text).toBe('Some text');
  });

  it('put a code block in a wrapper that carries its file name and classes', async () => {
    const wrapper = (await render("```js\nx\n```\n{: file='a b.js' .nolineno }")).querySelector('div.chirpy-code')!;
    expect(wrapper.getAttribute('data-file')).toBe('a b.js');
    expect(wrapper.classList.contains('nolineno')).toBe(true);
    expect(wrapper.querySelector('pre > code.language-js')).not.toBeNull();
  });
});

describe('span IALs', () => {
  it('apply to the inline code, image or link right before them', async () => {
    const page = await render(
      'Path `/etc/hosts`{: .filepath} and ![Alt](/a.png){: .shadow w="10" } and [link](/x){: .external }.',
    );
    expect(page.querySelector('code.filepath')!.text).toBe('/etc/hosts');
    const img = page.querySelector('img.shadow')!;
    expect(img.getAttribute('w')).toBe('10');
    expect(page.querySelector('a.external')!.getAttribute('href')).toBe('/x');
    expect(page.text).not.toContain('{:');
  });
});

describe('each file', () => {
  it('is read from its own source when one processor handles several files', async () => {
    const first = await render("```js\nx\n```\n{: file='first.js' }");
    const second = await render("Intro line.\n\n```py\ny\n```\n{: file='second.py' }");
    expect(first.querySelector('.chirpy-code')!.getAttribute('data-file')).toBe('first.js');
    expect(second.querySelector('.chirpy-code')!.getAttribute('data-file')).toBe('second.py');
  });
});
