/**
 * Markdown in a post is untrusted input: no construct may cost more than its length. Bodies of a
 * few kilobytes used to keep the theme's pipeline busy for minutes, where Astro alone reads them
 * at once: runs of `${` (each `$` read on to the end of the paragraph for a closing `$`), nested
 * or unclosed `<div markdown="1">` (each level parsed again with everything inside it, then a
 * stack overflow), tags with no `>` (the `markdown="1"` pattern tried from every `<`). kramdown's
 * typography looks a few characters ahead and at the node before it, whatever the text around it.
 *
 * Each body is rendered at a size and at GROWTH times that size: a linear construct takes about
 * GROWTH times as long, a quadratic one about GROWTH² times. Where Astro's own parser (micromark)
 * is slower than linear on a body (deeply nested emphasis: about 16 ×), the theme may be as slow
 * as Astro alone with a quarter more, and no slower: the check is on what the theme adds.
 */
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_NESTING } from '../../packages/theme/src/markdown/kramdown/html-blocks/index.ts';
import { MAX_MATH_NESTING } from '../../packages/theme/src/markdown/mathjax/errors.ts';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHtml, renderWithTheme } from '../helpers/theme-markdown.ts';

const GROWTH = 8;
/** Linear, with room for a busy machine; quadratic is near 64. */
const LIMIT = GROWTH * 2.5;

type Render = (body: string) => Promise<unknown>;

/** Astro's Markdown alone: its parser, no plugin. */
const bareAstro = createMarkdownProcessor({ syntaxHighlight: false, smartypants: false });
const renderBare: Render = async (body) => (await bareAstro).render(body);

/** The median time of five renders, or of fewer once one takes seconds (the answer is clear then). */
async function timeOf(body: string, render: Render): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    await render(body);
    times.push(performance.now() - start);
    if (times[times.length - 1]! > 2000) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** How many times longer a body GROWTH times as large takes to render. */
async function growth(make: (size: number) => string, size: number, render: Render = renderWithTheme): Promise<number> {
  // Once first, so that compiling the code it runs is not timed.
  await render(make(size));
  const small = await timeOf(make(size), render);
  const large = await timeOf(make(size * GROWTH), render);
  return large / small;
}

/** Backtick runs, each longer than every run after it (no run closes another), `size` characters in all. */
function fallingBacktickRuns(size: number): string {
  const runs: string[] = [];
  for (let length = Math.floor(Math.sqrt(2 * size)); length > 0; length--) runs.push('`'.repeat(length));
  return runs.join(' ');
}

const nestedDivs = (levels: number, inside: string) =>
  '<div markdown="1">\n'.repeat(levels) + `${inside}\n` + '</div>\n'.repeat(levels);

describe('Markdown that costs its length', () => {
  it.each<[string, (size: number) => string, number]>([
    ['runs of `${`', (size) => '${'.repeat(size / 2), 4096],
    ['runs of `$x{`', (size) => '$x{'.repeat(size / 3), 4096],
    ['runs of `${` over many lines', (size) => '${\n'.repeat(size / 3), 4096],
    ['runs of `${` before a code span', (size) => '${'.repeat(size / 2) + '`x`', 4096],
    ['a `$` before backtick runs that close nothing', (size) => `$ ${fallingBacktickRuns(size)}`, 4096],
    ['nested `<div markdown="1">`', (size) => nestedDivs(size / 38, 'x'), 4096],
    ['unclosed `<div markdown="1">`', (size) => '<div markdown="1">\n'.repeat(size / 19), 4096],
    [
      'runs of `{:` that never close, after an attribute list',
      (size) => `![a](b.png){: .x}${'{:'.repeat(size / 2)}`,
      4096,
    ],
    ['an attribute list of one long word', (size) => `![a](b.png){: ${'w'.repeat(size)} }`, 4096],
    ['tags with no `>` after a `markdown="1"` tag', (size) => '<div markdown="1"> ' + '<div '.repeat(size / 5), 8192],
    ['a definition list of many lines', (size) => 'Term\n' + ': *d* $x$\n'.repeat(size / 10), 4096],
    [
      'link definitions before a paragraph (where a definition list could start after each)',
      (size) => '[a]: /b\n'.repeat(size / 8) + 'Term\n: d',
      4096,
    ],
    [
      'many `markdown="1"` elements in one HTML block',
      (size) => '<div markdown="1">*a*</div>\n'.repeat(size / 26),
      4096,
    ],
    [
      '`markdown="1"` elements in block quotes in `markdown="1"` elements',
      (size) => '> <div markdown="1">\n> > <div markdown="1">\n'.repeat(size / 44),
      4096,
    ],
    ['runs of quotes, dashes, dots and guillemets', (size) => `"'x-- ---.... <<>> \\<< '' "`.repeat(size / 32), 8192],
    ['quotes in emphasis nested deeply', (size) => '*"'.repeat(size / 4) + '"*'.repeat(size / 4), 2048],
    ['quotes and dashes after code spans', (size) => '`x`"y" -- '.repeat(size / 10), 8192],
  ])('%s', async (_name, make, size) => {
    const theme = await growth(make, size);
    // Astro alone is measured only when the theme is past the limit.
    const limit = theme < LIMIT ? LIMIT : Math.max(LIMIT, 1.25 * (await growth(make, size, renderBare)));
    expect(theme).toBeLessThan(limit);
  });

  it('renders nesting that used to overflow the stack', async () => {
    // 23 KB of unclosed elements, 31 KB of nested ones.
    const unclosed = await renderWithTheme('<div markdown="1">\n'.repeat(1220));
    expect(unclosed.html).not.toContain('markdown=');
    const nested = await renderWithTheme(nestedDivs(1220, '*deep*'));
    expect(nested.html).not.toContain('markdown=');
    expect(nested.html).toContain('*deep*');
  });

  it(`reads ${MAX_MARKDOWN_NESTING} nested markdown="1" elements as Markdown, and keeps deeper content as HTML`, async () => {
    const deepest = parseHtml((await renderWithTheme(nestedDivs(MAX_MARKDOWN_NESTING, '*a*'))).html);
    expect(deepest.querySelector('em')?.text).toBe('a');
    const deeper = await renderWithTheme(nestedDivs(MAX_MARKDOWN_NESTING + 1, '*a*'));
    expect(parseHtml(deeper.html).querySelector('em')).toBeNull();
    expect(deeper.html).toContain('*a*');
  });
});

describe('a formula nested too deeply for KaTeX', () => {
  const frac = (depth: number) => '\\frac{'.repeat(depth) + 'x' + '}{y}'.repeat(depth);

  it('is shown as its TeX and reported, and the post and its other formulas render', async () => {
    const tooDeep = frac(300);
    const deepest = frac(MAX_MATH_NESTING);
    const body = ['Before $a+b$ after.', '', `$$${deepest}$$`, '', '$$', tooDeep, '$$', '', 'The end.'].join('\n');
    const { html, warnings } = await renderWithTheme(body);
    const root = parseHtml(html);
    // Up to MAX_MATH_NESTING levels, KaTeX renders it.
    expect(root.querySelectorAll('.katex annotation').map((annotation) => annotation.text)).toEqual(['a+b', deepest]);
    expect(root.querySelectorAll('pre.math-error > code.math-error').map((code) => code.text)).toEqual([tooDeep]);
    expect(root.text).toContain('The end.');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^post\.md:5: KaTeX cannot render "\\\\frac\{/);
    expect(warnings[0]).toContain(`(nested more than ${MAX_MATH_NESTING} levels deep); it is shown as TeX.`);
  });
});
