/**
 * Equation numbers as Chirpy's MathJax (`tags: 'ams'`) makes them, formulas KaTeX rejects drawn
 * by MathJax, and KaTeX's console warnings as one line per post. MathJax's own reading of whole
 * pages judges the numbers in tests/build/mathjax-judge.test.ts; here are the pieces.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseChirpyConfig } from 'astro-theme-chirpy/config';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_FEATURES_OFF,
  chirpyMarkdownPlugins,
  KRAMDOWN_REMARK_REHYPE,
} from '../../packages/theme/src/integration/markdown.ts';
import { rehypeMathNumbering, tagSlots } from '../../packages/theme/src/markdown/mathjax/numbering.ts';
import { TESTS_DIR } from '../helpers/site.ts';
import { parseHtml, renderWithTheme } from '../helpers/theme-markdown.ts';

describe('where MathJax asks for tags', () => {
  const slots = (tex: string) => tagSlots(tex).map((slot) => [slot.env, tex.slice(slot.at, slot.at + 5)]);

  it('each row of a numbered environment, the last one only when it holds something', () => {
    expect(slots('\\begin{align} a \\\\ b \\\\ \\end{align}')).toEqual([
      ['align', '\\\\ b '],
      ['align', '\\\\ \\e'],
    ]);
    expect(slots('\\begin{gather} a \\\\ b \\end{gather}')).toEqual([
      ['gather', '\\\\ b '],
      ['gather', '\\end{'],
    ]);
  });

  it('the end of an equation or multline, not the rows of environments inside', () => {
    expect(slots('\\begin{equation}\\begin{split} a \\\\ b \\end{split}\\end{equation}')).toEqual([
      ['equation', '\\end{'],
    ]);
    expect(slots('\\begin{multline} a \\\\ b \\end{multline}')).toEqual([['multline', '\\end{']]);
  });

  it('skips comments, braces, line-break spacing and rows with only a label', () => {
    expect(slots('\\begin{align} a % \\\\\n \\\\[2pt] {b \\\\ c} \\\\* \\label{x}\\end{align}')).toEqual([
      ['align', '\\\\[2p'],
      ['align', '\\\\* \\'],
    ]);
  });
});

describe('numbering', () => {
  const POST = [
    'By \\eqref{eq:b} and \\ref{eq:a}.',
    '',
    '$$',
    '\\begin{align}',
    'a &= b \\label{eq:a} \\\\',
    'c &= d \\notag \\\\',
    'e &= f \\label{eq:b}',
    '\\end{align}',
    '$$',
    '',
    '$$',
    '\\begin{equation}',
    '  E = mc^2 \\label{eq:e}',
    '\\end{equation}',
    '$$',
    '',
    'Then \\eqref{eq:e} and $\\eqref{eq:a} + x$.',
  ].join('\n');

  it("gives rows MathJax's numbers as tags, in KaTeX's MathML too, with anchors and links", async () => {
    const root = parseHtml((await renderWithTheme(POST)).html);
    const [align, equation] = root.querySelectorAll('.katex-display');
    expect(align!.querySelector('annotation')!.text).toBe(
      '\\begin{align}\na &= b  \\tag{1} \\\\\nc &= d \\notag \\\\\ne &= f \n\\tag{2} \\end{align}',
    );
    expect(align!.querySelectorAll('mtd.mml-eqn-tag').map((cell) => cell.text)).toEqual(['(1)', '(2)']);
    expect(align!.querySelector('mtable')!.getAttribute('width')).toBe('100%');
    expect(equation!.querySelector('annotation')!.text).toBe('E = mc^2 \\tag{3}');
    expect(root.querySelectorAll('.eq-anchor').map((anchor) => anchor.id)).toEqual(['eq-eq-a', 'eq-eq-b', 'eq-eq-e']);
    expect(root.querySelectorAll('a[href^="#eq-"]').map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['#eq-eq-b', '(2)'],
      ['#eq-eq-a', '1'],
      ['#eq-eq-e', '(3)'],
    ]);
    expect(root.querySelectorAll('p .katex annotation').at(-1)!.text).toBe('\\text{(1)} + x');
  });

  it('loads no MathJax for a post without labels or numbered environments', () => {
    type Transform = ReturnType<typeof rehypeMathNumbering>;
    const tree: Parameters<Transform>[0] = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'code',
          properties: { className: ['language-math', 'math-inline'] },
          children: [{ type: 'text', value: '\\begin{aligned} a \\end{aligned} \\ref{x}' }],
        },
      ],
    };
    const file = {
      data: { astro: { frontmatter: { math: true } } },
      messages: [],
    } as unknown as Parameters<Transform>[1];
    expect(rehypeMathNumbering()(tree, file)).toBeUndefined();
  });
});

describe('a formula KaTeX rejects and MathJax draws', () => {
  it('is drawn by MathJax at build time, as SVG, with its TeX as the annotation', async () => {
    const { html, warnings } = await renderWithTheme(
      'Falling $x^\\underline{n}$ and $\\text{a_b}$.\n\n$$\n\\begin{multline}\na \\\\\nb\n\\end{multline}\n$$',
    );
    const root = parseHtml(html);
    const drawn = root.querySelectorAll('.katex.math-mathjax');
    expect(drawn.map((katex) => katex.querySelector('annotation')!.text)).toEqual([
      'x^\\underline{n}',
      '\\text{a_b}',
      '\\begin{multline}\na \\\\\nb\n\\tag{1} \\end{multline}',
    ]);
    for (const katex of drawn) {
      expect(katex.querySelector('.katex-html > svg')).not.toBeNull();
      expect(katex.querySelector('.katex-mathml math')).not.toBeNull();
    }
    expect(drawn[2]!.parentNode!.classList.contains('katex-display')).toBe(true);
    expect(drawn[2]!.querySelectorAll('mlabeledtr').length).toBe(1);
    expect(html).not.toContain('<script');
    expect(warnings).toEqual([]);
  });

  it('a command KaTeX does not know (`\\ce`, `\\bbox`) is drawn by MathJax; one MathJax does not know either stays', async () => {
    const root = parseHtml((await renderWithTheme('$\\ce{H2O}$ and $\\bbox[red]{x}$ and $\\foo y$.')).html);
    expect(root.querySelectorAll('.katex').map((katex) => katex.classList.contains('math-mathjax'))).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe("KaTeX's console warnings", () => {
  it('become one warning per post, naming the file and the count', async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
    const root = join(TESTS_DIR, '.tmp', 'theme-markdown-html');
    const plugins = chirpyMarkdownPlugins(
      parseChirpyConfig({ title: 'Test', math: { output: 'htmlAndMathml' } }),
      {
        root: pathToFileURL(`${root}/`),
        publicDir: pathToFileURL(`${root}/public/`),
        base: '/',
        markdown: {},
      } as AstroConfig,
      logger,
    );
    const processor = await createMarkdownProcessor({
      remarkPlugins: plugins.remarkPlugins as never,
      rehypePlugins: plugins.rehypePlugins as never,
      ...ASTRO_FEATURES_OFF,
      remarkRehype: KRAMDOWN_REMARK_REHYPE,
    });
    const printed: unknown[] = [];
    const saved = console.warn;
    console.warn = (...args: unknown[]) => printed.push(args);
    try {
      const result = await processor.render('Amharic: $\\text{ይህ ነው ሰላም}$ and $\\text{ሰላም}$.', {
        frontmatter: { math: true },
        fileURL: pathToFileURL(join(root, 'src/content/posts/2024-01-01-amharic.md')),
      });
      expect(result.code).toContain('class="katex"');
    } finally {
      console.warn = saved;
    }
    expect(printed).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^src\/content\/posts\/2024-01-01-amharic\.md: KaTeX warned 10 times /);
    expect(warnings[0]).toContain("No character metrics for 'ይ'");
  });
});
