/**
 * A formula KaTeX cannot render costs that formula only: once the math is parsed by kramdown's
 * rules, its neighbours (paragraphs, headings, other formulas) all survive.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../helpers/theme-markdown.ts';

const POST = [
  'First paragraph with $$a^2$$.',
  '',
  '$$ \\begin{aligned}',
  'x &= \\left( y',
  '\\end{aligned} $$',
  '',
  '## Still a heading',
  '',
  'Inline $$\\left( x$$ broken, then $$b^2$$ fine.',
  '',
  '$$',
  'c^2',
  '$$',
  '',
  'Last paragraph.',
].join('\n');

describe('a formula KaTeX cannot render', () => {
  it('is shown as its TeX and reported, and everything around it survives', async () => {
    const { html, warnings } = await renderWithTheme(POST);
    const root = parse(html, { blockTextElements: { script: true, style: true } });
    const texts = root.querySelectorAll('.katex annotation').map((a) => a.text);
    expect(texts).toEqual(['a^2', 'b^2', 'c^2']);
    const errors = root.querySelectorAll('code.math-error').map((code) => code.text);
    expect(errors).toEqual(['\\begin{aligned}\nx &= \\left( y\n\\end{aligned}', '\\left( x']);
    expect(root.querySelector('h2#still-a-heading')).not.toBeNull();
    expect(root.querySelectorAll('p').map((p) => p.text.trim())).toEqual(expect.arrayContaining(['Last paragraph.']));
    expect(root.text).toContain('First paragraph with');
    expect(warnings.filter((warning) => warning.includes('KaTeX cannot render'))).toHaveLength(2);
  });
});
