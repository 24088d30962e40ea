/**
 * The passes behind the real-content fixes, alone (no site build): KaTeX's MathML made drawable by
 * MathML Core (markdown/mathjax/output.ts), the KaTeX font faces a post preloads in KaTeX's
 * HTML output, headings that skip a level read at their outline level (markdown/html/heading-levels.ts),
 * and images sized from their files (markdown/html/images.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import rehypeKatex from 'rehype-katex';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingLevels } from '../../packages/theme/src/markdown/html/heading-levels.ts';
import { rehypeImages } from '../../packages/theme/src/markdown/html/images.ts';
import { mathLetter, rehypeMathOutput } from '../../packages/theme/src/markdown/mathjax/output.ts';
import { remarkIal } from '../../packages/theme/src/markdown/kramdown/ial/index.ts';
import { parseHtml, PUBLIC_DIR, renderBare, renderWithTheme } from '../helpers/theme-markdown.ts';

/** A PNG of `width` × `height` (one grey row repeated: small, and a real image). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let crc = ~0;
    for (const byte of body) {
      crc ^= byte;
      for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(~crc >>> 0);
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.alloc(width + 1, 0x80)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('MathML for MathML Core (math.output: mathml, the default)', () => {
  it('maps mathvariant letters to Unicode’s mathematical letters, with the letters Unicode had before', () => {
    expect(['R', 'C', 'x'].map((c) => mathLetter(c, 'double-struck'))).toEqual(['ℝ', 'ℂ', '𝕩']);
    expect(['L', 'H', 'a'].map((c) => mathLetter(c, 'script'))).toEqual(['ℒ', 'ℋ', '𝒶']);
    expect(['F', 'α', '∇', 'ϕ', '1'].map((c) => mathLetter(c, 'bold'))).toEqual(['𝐅', '𝛂', '𝛁', '𝛟', '𝟏']);
    expect(mathLetter('h', 'italic')).toBe('ℎ');
    expect(mathLetter('g', 'fraktur')).toBe('𝔤');
    expect(mathLetter('α', 'double-struck')).toBeUndefined();
  });

  it('writes \\mathbf, \\mathbb and \\boldsymbol as those letters, which Chromium draws', async () => {
    const { html } = await renderWithTheme(
      '$$\n\\mathbf{F} = m\\ddot{\\mathbf{r}}, \\; x \\in \\mathbb{R}, \\; \\boldsymbol{\\omega}\n$$\n',
    );
    expect(html).toContain('<mi>𝐅</mi>');
    expect(html).toContain('<mi>ℝ</mi>');
    expect(html).toContain('<mi>𝝎</mi>');
    expect(html).not.toMatch(/mathvariant="(bold|double-struck|bold-italic)"/);
    // The TeX stays, for copying and for the word count.
    expect(html).toContain('\\mathbf{F} = m\\ddot{\\mathbf{r}}');
  });

  it('wraps display formulas in katex-display, and aligns, lines and numbers their tables', async () => {
    const { html } = await renderWithTheme(
      [
        '$$',
        '\\begin{aligned} a &= b + c \\\\ d &= e \\end{aligned}',
        '$$',
        '',
        '$$',
        '\\begin{array}{c|c} 1 & 2 \\\\ \\hline 3 & 4 \\end{array}',
        '$$',
        '',
        '$$',
        'E = mc^2 \\tag{2.1}',
        '$$',
        '',
      ].join('\n'),
    );
    const page = parseHtml(html);
    const displays = page.querySelectorAll('.katex-display');
    expect(displays).toHaveLength(3);
    const aligned = displays[0]!.querySelectorAll('mtd');
    expect(aligned.map((cell) => cell.getAttribute('class'))).toEqual([
      'mtd-right',
      'mtd-left',
      'mtd-right',
      'mtd-left',
    ]);
    const array = displays[1]!.querySelectorAll('mtd').map((cell) => cell.getAttribute('class') ?? '');
    expect(array).toEqual(['mtd-line-solid mtd-below-solid', 'mtd-below-solid', 'mtd-line-solid', '']);
    // The number leaves the MathML (Chromium draws KaTeX's full-width table as wide as the formula).
    expect(displays[2]!.classList.contains('katex-tagged')).toBe(true);
    expect(displays[2]!.querySelector('.katex-tag')!.text).toBe('(2.1)');
    expect(displays[2]!.querySelector('mtable')).toBeNull();
    expect(displays[2]!.querySelector('annotation')!.text).toContain('\\tag{2.1}');
  });

  it('spaces as TeX does: after a function name, not in scripts, not around a sign', async () => {
    const { html } = await renderWithTheme('$$\n\\cos\\theta + \\sin(x) = \\sum_{j=1}^{n} a_j = -x\n$$\n');
    expect(html).toMatch(/<mi>cos<\/mi><mo>⁡<\/mo><mspace width="0.1667em"><\/mspace><mi>θ<\/mi>/);
    expect(html).toMatch(/<mi>sin<\/mi><mo>⁡<\/mo><mo/);
    expect(html).toMatch(/<mi>j<\/mi><mo lspace="0em" rspace="0em">=<\/mo><mn>1<\/mn>/);
    expect(html).toMatch(/<mo>=<\/mo><mo lspace="0em" rspace="0em">−<\/mo><mi>x<\/mi>/);
  });
});

describe('KaTeX’s HTML (math.output: htmlAndMathml)', () => {
  /** Inline code becomes an inline formula, as remark-math's would (`` `x` `` → `$x$`). */
  type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };
  const inlineMath = () => (tree: Node) => {
    const walk = (node: Node): void => {
      if (node.tagName === 'code' && node.properties && !node.properties.className) {
        node.properties.className = ['math-inline'];
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };

  it('leaves KaTeX’s output as it is and lists the font faces its inline formulas draw with', async () => {
    const { html, info } = await renderBare(
      'Text `\\mathbb{R} \\mathcal{L} x` and\n\n```math\n\\sum_{n} \\mathfrak{g}\n```\n',
      {
        rehype: [
          [inlineMath],
          [rehypeKatex, { output: 'htmlAndMathml' }],
          [rehypeMathOutput, { output: 'htmlAndMathml' }],
        ],
      },
    );
    expect(html).toContain('class="katex-html"');
    expect(html).toContain('mathvariant="double-struck"');
    // The display formula's faces (Size2 for the sum, Fraktur) cannot move other text.
    expect(info.mathFonts).toEqual(['AMS-Regular', 'Caligraphic-Regular', 'Main-Regular', 'Math-Italic']);
  });
});

describe('headings that skip a level', () => {
  it('keep their element and read at the outline’s level', async () => {
    const { html } = await renderBare('## A\n\n#### B\n\n#### C\n\n### D\n\n##### E\n\n## F\n\n### G\n', {
      rehype: [rehypeHeadingLevels],
    });
    const levels = parseHtml(html)
      .querySelectorAll('h2, h3, h4, h5')
      .map((heading) => `${heading.tagName.toLowerCase()} ${heading.getAttribute('aria-level') ?? '-'}`);
    expect(levels).toEqual(['h2 -', 'h4 3', 'h4 3', 'h3 -', 'h5 4', 'h2 -', 'h3 -']);
  });

  it('start at level 2 under the post’s title', async () => {
    const { html } = await renderBare('### A\n\n#### B\n', { rehype: [rehypeHeadingLevels] });
    expect(
      parseHtml(html)
        .querySelectorAll('h3, h4')
        .map((h) => h.getAttribute('aria-level')),
    ).toEqual(['2', '3']);
  });
});

describe('image sizes from the files in public/', () => {
  mkdirSync(join(PUBLIC_DIR, 'sized'), { recursive: true });
  writeFileSync(join(PUBLIC_DIR, 'sized/wide.png'), png(1228, 700));
  writeFileSync(
    join(PUBLIC_DIR, 'sized/figure.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 500"><rect width="900" height="500"/></svg>\n',
  );
  const sizes = async (markdown: string) => {
    const { html, warnings } = await renderBare(markdown, { remark: [remarkIal], rehype: [rehypeImages] });
    return {
      html,
      warnings,
      images: parseHtml(html)
        .querySelectorAll('img')
        .map((img) => `${img.getAttribute('width') ?? '-'}×${img.getAttribute('height') ?? '-'}`),
    };
  };

  it('keep the author’s width or height and scale the other side', async () => {
    const { images } = await sizes(
      [
        '![a](/sized/wide.png){: width="650" }',
        '![b](/sized/wide.png){: height="350" }',
        '![c](/sized/wide.png){: w="614" h="100" }',
        '![d](/sized/wide.png)',
        '![e](/sized/figure.svg){: width="520px" }',
        '![f](/sized/wide.png){: width="50%" }',
      ].join('\n\n'),
    );
    expect(images).toEqual(['650×371', '614×350', '614×100', '1228×700', '520×289', '50%×-']);
  });

  it('size an <img> the post writes as HTML, and leave the rest of the tag as written', async () => {
    const { html } = await sizes(
      '<img src="/sized/wide.png" width="480" alt="x">\n\n<p><img src=/sized/figure.svg alt=y /></p>\n',
    );
    expect(html).toContain('<img src="/sized/wide.png" width="480" alt="x" height="274">');
    expect(html).toContain('<img src=/sized/figure.svg alt=y width="900" height="500"/>');
  });

  it('leave images elsewhere, and missing ones, as written (a missing one is still reported)', async () => {
    const { images, warnings } = await sizes(
      '![a](https://example.org/a.png){: width="650" }\n\n![b](/sized/none.png){: width="650" }\n',
    );
    expect(images).toEqual(['650×-', '650×-']);
    expect(warnings.some((warning) => warning.includes('/sized/none.png'))).toBe(true);
  });
});
