/** rehype-code-blocks alone: Chirpy's code block header, line numbers, IAL file names and mermaid diagrams. */
import { rehypeShiki } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { rehypeCodeBlocks } from '../../packages/theme/src/markdown/html/code-blocks.ts';
import { remarkIal } from '../../packages/theme/src/markdown/kramdown/ial/index.ts';
import { parseHtml as parse, renderBare } from '../helpers/theme-markdown.ts';

/** Shiki's highlighting, as Astro runs it before the theme's rehype plugins. */
const shiki: [typeof rehypeShiki, ...unknown[]] = [
  rehypeShiki,
  { themes: { light: 'github-light', dark: 'github-dark' } },
];

const render = (markdown: string, frontmatter: Record<string, unknown> = {}) =>
  renderBare(markdown, { remark: [remarkIal], rehype: [shiki, rehypeCodeBlocks], frontmatter });

describe('code blocks', () => {
  it('get a header with the language and a copy button above the highlighted code', async () => {
    const { html, info } = await render('```python\nprint(1)\n```');
    const block = parse(html).querySelector('div.code-block')!;
    expect(block.classList.contains('language-python')).toBe(true);
    expect(block.classList.contains('lineno')).toBe(true);
    const label = block.querySelector('.code-header > span.code-label')!;
    expect(label.text).toBe('Python');
    expect(label.getAttribute('data-label-text')).toBe('Python');
    expect(block.querySelector('.code-header > button.code-copy')!.getAttribute('aria-label')).toBe('Copy code');
    const pre = block.querySelector('pre.astro-code')!;
    expect(pre.parentNode).toBe(block);
    expect(pre.text).toBe('print(1)');
    expect(info.hasCode).toBe(true);
  });

  it('name the file given in the IAL and leave line numbers off for `.nolineno`', async () => {
    const { html } = await render("```js\nlet a = 1;\n```\n{: file='src/app.js' .nolineno }");
    const block = parse(html).querySelector('div.code-block')!;
    expect(block.getAttribute('data-file')).toBe('src/app.js');
    expect(block.classList.contains('lineno')).toBe(false);
    expect(block.classList.contains('nolineno')).toBe(true);
    expect(block.classList.contains('chirpy-code')).toBe(false);
    const label = block.querySelector('span.code-label')!;
    expect(label.classList.contains('code-file')).toBe(true);
    expect(label.text).toBe('src/app.js');
    // The IAL's wrapper is replaced by the block, not kept around it.
    expect(parse(html).querySelector('.chirpy-code')).toBeNull();
  });

  it('show console sessions and plain text without line numbers', async () => {
    const { html } = await render('```console\n$ ls\n```\n\n```\nplain\n```');
    const blocks = parse(html).querySelectorAll('div.code-block');
    expect(blocks.map((block) => block.querySelector('span.code-label')!.text)).toEqual(['Console', 'Plaintext']);
    expect(blocks.some((block) => block.classList.contains('lineno'))).toBe(false);
  });

  it('turn mermaid blocks into diagrams on posts with `mermaid: true`, and nowhere else', async () => {
    const source = '```mermaid\ngraph TD; A-->B\n```';
    const diagram = await render(source, { mermaid: true });
    expect(parse(diagram.html).querySelector('pre.mermaid')!.text).toBe('graph TD; A-->B');
    expect(parse(diagram.html).querySelector('div.code-block')).toBeNull();
    expect(diagram.info).toMatchObject({ hasMermaid: true, hasCode: false });

    const code = await render(source);
    expect(parse(code.html).querySelector('pre.mermaid')).toBeNull();
    expect(parse(code.html).querySelector('div.code-block.language-mermaid')).not.toBeNull();
    expect(code.info).toMatchObject({ hasMermaid: false, hasCode: true });
  });

  it('leave a post without code blocks as it is', async () => {
    const { html, info } = await render('Some `inline` code.');
    expect(html).toBe('<p>Some <code>inline</code> code.</p>');
    expect(info.hasCode).toBe(false);
  });
});
