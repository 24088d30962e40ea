/** rehype-render-info alone: the word count and the excerpt, read from the post's finished HTML. */
import { rehypeKatexSafe } from '../../packages/theme/src/markdown/mathjax/katex-safe.ts';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingAnchors } from '../../packages/theme/src/markdown/html/heading-anchors.ts';
import { rehypeRenderInfo } from '../../packages/theme/src/markdown/html/render-info.ts';
import { remarkKramdownMath } from '../../packages/theme/src/markdown/kramdown/math/index.ts';
import { remarkMathDialect } from '../../packages/theme/src/markdown/mathjax/delimiters.ts';
import { renderBare } from '../helpers/theme-markdown.ts';

const info = async (markdown: string, before: Parameters<typeof renderBare>[1] = {}) =>
  (await renderBare(markdown, { ...before, rehype: [...(before.rehype ?? []), rehypeRenderInfo] })).info;

describe('the word count', () => {
  it('counts words, and each CJK character as one', async () => {
    expect((await info('Hello *big* world.\n\n글또 회고')).words).toBe(7);
  });

  it('keeps words in neighbouring blocks apart', async () => {
    const { words, excerpt } = await info('- one\n- two\n\n| a | b |\n|---|---|\n| c | d |');
    expect(words).toBe(6);
    expect(excerpt).toBe('one two a b c d');
  });

  it('leaves out footnotes and footnote marks', async () => {
    expect((await info('One two[^1] three.\n\n[^1]: Four five six seven.')).words).toBe(3);
  });

  it('leaves out the heading anchors', async () => {
    const { words, excerpt } = await info('## Heading here\n\nBody.', { rehype: [rehypeHeadingAnchors] });
    expect(words).toBe(3);
    expect(excerpt).toBe('Heading here Body.');
  });

  it('counts a formula as its TeX; the excerpt shows it as text', async () => {
    const { words, excerpt } = await info('Area $$\\pi r^2$$ here.', {
      remark: [remarkKramdownMath, remarkMathDialect],
      rehype: [rehypeKatexSafe as never],
      frontmatter: { math: true },
    });
    expect(words).toBe(4);
    expect(excerpt).toBe('Area πr² here.');
  });
});

describe('the excerpt', () => {
  it('is the text without code blocks, whose words still count', async () => {
    const { words, excerpt } = await info('Before.\n\n```\nthe code\n```\n\nAfter.');
    expect(excerpt).toBe('Before. After.');
    expect(words).toBe(4);
  });

  it('is cut at 200 characters', async () => {
    const { excerpt } = await info('word '.repeat(100));
    expect(excerpt).toHaveLength(200);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
