/**
 * kramdown's syntax beyond the math, through the theme's whole Markdown pipeline (no build): header
 * ids, heading ids of headings with math, the inline table of contents, setext underlines inside a
 * `$$…$$` span, footnotes cited again, code fence languages as Rouge reads them; and the text of a
 * formula wherever a page shows text. The expected values are what Jekyll (kramdown 2.4,
 * kramdown-parser-gfm 1.1, rouge 3.30) makes of the same Markdown; the construct fixtures
 * (tests/kramdown/headings/, footnotes/, fences/, math/) hold the same cases with kramdown's own
 * HTML, checked against Jekyll itself by the differential.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { ROUGE_TO_SHIKI, shikiLanguage } from '../../packages/theme/src/markdown/html/code-labels.ts';
import { classesOf } from '../../packages/theme/src/markdown/html/hast.ts';
import { openDollarSpan } from '../../packages/theme/src/markdown/kramdown/math/syntax.ts';
import { FORMULA_COPIES, formulaText } from '../../packages/theme/src/markdown/readable-text.ts';
import { rehypeKatexSafe } from '../../packages/theme/src/markdown/mathjax/katex-safe.ts';
import { remarkKramdownMath } from '../../packages/theme/src/markdown/kramdown/math/index.ts';
import { remarkMathDialect } from '../../packages/theme/src/markdown/mathjax/delimiters.ts';
import { tocEntries } from '../../packages/theme/src/utils/toc.ts';
import { parseHtml, renderBare, renderWithTheme } from '../helpers/theme-markdown.ts';

const page = async (markdown: string) => parseHtml((await renderWithTheme(markdown, { math: true })).html);

/** A heading's text without the theme's `#` anchor. */
function textWithoutAnchor(heading: HTMLElement): string {
  const copy = parse(heading.outerHTML);
  copy.querySelector('a.anchor')?.remove();
  return copy.text;
}

const headings = async (markdown: string) =>
  (await page(markdown))
    .querySelectorAll('h1, h2, h3, h4, h5, h6')
    .filter((heading) => heading.id !== 'footnote-label')
    .map((heading) => [heading.id, textWithoutAnchor(heading)]);

type Element = Parameters<typeof formulaText>[0];
type Node = { type: string; children?: Node[] };

/** The first KaTeX formula of the hast KaTeX makes of `$$tex$$`. */
async function katexOf(tex: string): Promise<Element> {
  let found: Element | undefined;
  const search = (node: Node) => {
    if (found) return;
    if (node.type === 'element' && classesOf(node as Element).includes('katex')) found = node as Element;
    else node.children?.forEach(search);
  };
  const capture = () => (tree: Node) => search(tree);
  await renderBare(`Text $$${tex}$$.`, {
    remark: [remarkKramdownMath, remarkMathDialect],
    rehype: [rehypeKatexSafe, [capture]],
    frontmatter: { math: true },
  });
  return found!;
}

describe('header ids (`{#id}`)', () => {
  it('give an ATX or setext heading its id, and its text ends before it', async () => {
    expect(await headings('## Appendix {#appendix}\n\nA {#a}\n===\n\nB {#b}\n---\n\n## Tab\t{#tabbed}')).toEqual([
      ['appendix', 'Appendix'],
      ['a', 'A'],
      ['b', 'B'],
      ['tabbed', 'Tab'],
    ]);
  });

  it('need a space before them and an XML name', async () => {
    expect(
      await headings('## NoSpace{#nospace}\n\n## Bad {#1abc}\n\n## Good {#a:b.c-d_e}\n\n## 부록 {#부록-a}'),
    ).toEqual([
      ['nospacenospace', 'NoSpace{#nospace}'],
      ['bad-1abc', 'Bad {#1abc}'],
      ['a:b.c-d_e', 'Good'],
      ['부록-a', '부록'],
    ]);
  });

  it('come before the closing hashes of an ATX heading, and yield to an attribute list', async () => {
    expect(await headings('## Heading {#x} ##\n\n## Other ## {#y}\n\n## Both {#one}\n{: #two}')).toEqual([
      ['heading-x', 'Heading {#x}'],
      ['y', 'Other'],
      ['two', 'Both'],
    ]);
  });

  it('count for nothing in the numbering of repeats', async () => {
    expect((await headings('## A {#x}\n\n## A\n\n## A\n{: #y}\n\n## A')).map(([id]) => id)).toEqual([
      'x',
      'a',
      'y',
      'a-1',
    ]);
  });
});

describe('heading ids of headings with math (kramdown’s raw text)', () => {
  it('take a single-dollar formula as text, dollars and spaces included', async () => {
    const ids = (await headings('## Quadratic Function in $ \\mathbb{R}^n $\n\n## Case $ x $\n\n## Case $ x $')).map(
      ([id]) => id,
    );
    expect(ids).toEqual(['quadratic-function-in--mathbbrn-', 'case--x-', 'case--x--1']);
  });

  it('take a `$$` formula and a code span by value, and kramdown’s typography as no word', async () => {
    const ids = (
      await headings('## With $$x^2$$ math\n\n## The `x` and $$y^2$$ and $z$\n\n## Dashes $a--b$ and $x...y$ -- "q"')
    ).map(([id]) => id);
    expect(ids).toEqual(['with-x2-math', 'the-x-and-y2-and-z', 'dashes-ab-and-xy--q']);
  });
});

describe('the inline table of contents (`{:toc}`)', () => {
  it('lists the headings, nested by level, with links to their ids', async () => {
    const html = await page('* TOC\n{:toc}\n\n## A\n\n### B\n\n## C');
    const toc = html.querySelector('ul#markdown-toc')!;
    expect(toc.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.id, a.text])).toEqual([
      ['#a', 'markdown-toc-a', 'A'],
      ['#b', 'markdown-toc-b', 'B'],
      ['#c', 'markdown-toc-c', 'C'],
    ]);
    expect(toc.querySelector('li > ul > li > a')!.text).toBe('B');
  });

  it('leaves out `no_toc` headings, footnote marks and links, keeps the list kind and IAL id', async () => {
    const html = await page(
      '# Title\n{:.no_toc}\n\n1. TOC\n{:toc #contents}\n\n## First [link](https://example.com/) `code`[^1]\n\n[^1]: Note.',
    );
    const toc = html.querySelector('ol#contents')!;
    expect(toc.querySelectorAll('li').length).toBe(1);
    const entry = toc.querySelector('a')!;
    expect(entry.id).toBe('contents-first-link-code');
    expect(entry.innerHTML).toBe('First link <code>code</code>');
  });

  it('only the first list named `toc` is one; a `toc` class is none; nothing to list, no list', async () => {
    const html = await page('Text.\n\n- x\n{:.toc}\n\n* TOC\n{:toc}');
    expect(html.querySelector('#markdown-toc')).toBeNull();
    expect(html.querySelectorAll('li').map((li) => li.text)).toEqual(['x']);
    const twice = await page('* TOC\n{:toc}\n\n## A\n\n* TOC\n{:toc}');
    expect(twice.querySelectorAll('#markdown-toc').length).toBe(1);
    expect(twice.querySelectorAll('ul > li').at(-1)!.text).toBe('TOC');
  });
});

describe('setext underlines inside a `$$…$$` span', () => {
  it('are part of the formula, as in kramdown', async () => {
    const html = await page('The loss is\n$$\nf\n=\n\\frac{1}{2}\\epsilon^2\n$$');
    expect(html.querySelectorAll('h1, h2')).toEqual([]);
    expect(html.querySelectorAll('p').length).toBe(1);
    expect(html.querySelector('annotation')!.text.replace(/\s+/g, ' ')).toBe('f = \\frac{1}{2}\\epsilon^2');
    const rule = await page('Then\n$$\na\n---\nb\n$$');
    expect(rule.querySelectorAll('hr, h2')).toEqual([]);
  });

  it('still underline a heading after a closed span or a code span', async () => {
    expect((await headings('Text $$x$$\n---\n\nWrite `$$` here\n===')).map(([id]) => id)).toEqual([
      'text-x',
      'write--here',
    ]);
  });

  it('`openDollarSpan` pairs `$$` outside code spans', () => {
    expect(openDollarSpan('a $$ b')).toBe(true);
    expect(openDollarSpan('a $$b$$ c')).toBe(false);
    expect(openDollarSpan('write `$$` here')).toBe(false);
    expect(openDollarSpan('$$ `a` and')).toBe(true);
  });
});

describe('footnotes cited again', () => {
  it('get kramdown’s ids `fnref:a`, `fnref:a:1`…, and the back-links follow', async () => {
    const html = await page('Claim[^a] and again[^a] and third[^a].\n\n[^a]: The note.');
    expect(html.querySelectorAll('a[data-footnote-ref]').map((a) => a.id)).toEqual([
      'fnref:a',
      'fnref:a:1',
      'fnref:a:2',
    ]);
    expect(html.querySelectorAll('a[data-footnote-backref]').map((a) => a.getAttribute('href'))).toEqual([
      '#fnref:a',
      '#fnref:a:1',
      '#fnref:a:2',
    ]);
  });
});

describe('code fence languages', () => {
  it('are read as Rouge reads them, and shown as written', async () => {
    const html = await page(
      '```R\nx <- 1\n```\n\n```Dockerfile\nFROM x\n```\n\n```terminal\n$ ls\n```\n\n```YAML\na: 1\n```',
    );
    const blocks = html
      .querySelectorAll('div.code-block')
      .map((block) => [
        block.querySelector('pre')!.getAttribute('data-language'),
        block.querySelector('.code-label')!.text,
        block.classList.contains(`language-${block.querySelector('.code-label')!.text}`),
      ]);
    expect(blocks).toEqual([
      ['r', 'R', true],
      ['docker', 'Dockerfile', true],
      ['shellsession', 'Terminal', false],
      ['yaml', 'YAML', true],
    ]);
    expect(html.querySelectorAll('pre span[style]').length).toBeGreaterThan(0);
  });

  it('keep an IAL’s file name', async () => {
    const html = await page('```R\nx <- 1\n```\n{: file="model.R" }');
    const block = html.querySelector('div.code-block')!;
    expect(block.querySelector('pre')!.getAttribute('data-language')).toBe('r');
    expect(block.querySelector('.code-label')!.text).toBe('model.R');
    expect(block.getAttribute('data-file')).toBe('model.R');
  });

  it('map Rouge names to Shiki languages', () => {
    expect(shikiLanguage('R')).toBe('r');
    expect(shikiLanguage('golang')).toBe('go');
    expect(shikiLanguage('ps')).toBe('plaintext');
    expect(shikiLanguage('js')).toBe('js');
    expect(shikiLanguage('Python')).toBe('python');
    expect(ROUGE_TO_SHIKI.get('shell-session')).toBe('shellsession');
  });
});

describe('a formula as text', () => {
  const formula = async (tex: string) => formulaText(await katexOf(tex));

  it('is its MathML written out, with Unicode where Unicode has the sign', async () => {
    expect(await formula('\\mathbb{R}^n')).toBe('ℝⁿ');
    expect(await formula('e^{i\\pi}')).toBe('e^(iπ)');
    expect(await formula('x_i^2 + y_{ij} - z_{\\alpha b}')).toBe('xᵢ² + yᵢⱼ − z_(αb)');
    expect(await formula('\\frac{a+b}{2} = \\sqrt{x}')).toBe('(a + b)/2 = √x');
    expect(await formula("f'(x) = -1")).toBe('f′(x) = −1');
  });

  it('shows in the table of contents and the anchor’s name, without footnote marks', async () => {
    const html = await renderWithTheme('## Quadratic Function in $ \\mathbb{R}^n $[^1]\n\n[^1]: Note.', { math: true });
    const heading = parse(html.html).querySelector('h2')!;
    expect(heading.querySelector('a.anchor')!.getAttribute('aria-label')).toBe('Quadratic Function in ℝⁿ (link)');
  });

  it('is the text the table of contents shows for each heading', () => {
    const entries = tocEntries([{ depth: 2, slug: 'q', text: 'Quadratic Function in Rn\\mathbb{R}^nRn12#' }], [], {
      q: 'Quadratic Function in ℝⁿ',
    });
    expect(entries).toEqual([{ depth: 2, slug: 'q', text: 'Quadratic Function in ℝⁿ' }]);
  });

  it('is indexed once by search', async () => {
    const html = parse((await renderWithTheme('Area $$\\pi r^2$$ here.', { math: true })).html);
    for (const selector of FORMULA_COPIES) for (const copy of html.querySelectorAll(selector)) copy.remove();
    expect(html.text.replace(/\s+/g, ' ').trim()).toBe('Area πr2 here.');
  });
});
