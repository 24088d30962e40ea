/**
 * A formula that overflows the stack while its KaTeX HTML becomes a tree (deep macro expansion,
 * which the depth check on the TeX as written cannot see) fails alone: the other formulas of the
 * post render, and this one is reported and shown as TeX (markdown/mathjax/katex-safe.ts).
 */
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeKatexSafe, type Transform } from '../../packages/theme/src/markdown/mathjax/katex-safe.ts';
import { rehypeMathErrors } from '../../packages/theme/src/markdown/mathjax/errors.ts';

describe('a formula that overflows the stack in KaTeX', () => {
  it('fails alone: the others render, it is reported and shown as TeX', async () => {
    const real = rehypeKatex({ strict: false }) as Transform;
    // Stands in for the overflow, which depends on the stack size: any tree holding `\boom` overflows.
    const overflowing: Transform = (tree, file) => {
      if (JSON.stringify(tree).includes('\\\\boom')) throw new RangeError('Maximum call stack size exceeded');
      real(tree, file);
    };
    const warnings: string[] = [];
    const file = await unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(() => rehypeKatexSafe({}, overflowing))
      .use(rehypeMathErrors, { warn: (message: string) => warnings.push(message) })
      .use(rehypeStringify)
      .process('First $a^2$.\n\n$$\n\\boom{x}\n$$\n\nLast $b_1$.\n');
    const html = String(file);
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html).toContain('\\boom{x}');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/KaTeX cannot render "\\\\boom\{x\}" \(the formula expands too deep for KaTeX\)/);
  });

  it('does nothing different when no formula overflows', async () => {
    const render = (plugin: () => Transform) =>
      unified()
        .use(remarkParse)
        .use(remarkMath)
        .use(remarkRehype)
        .use(plugin)
        .use(rehypeStringify)
        .process('$x$ and $$y$$');
    const safe = String(await render(() => rehypeKatexSafe({ strict: false })));
    const plain = String(await render(() => rehypeKatex({ strict: false }) as Transform));
    expect(safe).toBe(plain);
  });
});
