/**
 * The render pool's pure parts (packages/theme/src/render-pool/): how many threads, when a site's
 * Markdown can go to a worker and why not, and errors that cross from a worker as data.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { MarkdownSetup } from '../../packages/theme/src/integration/shared.ts';
import { AUTO_MIN_POSTS, poolThreads } from '../../packages/theme/src/render-pool/index.ts';
import { reviveError, serializeError } from '../../packages/theme/src/render-pool/errors.ts';
import { workerSetup } from '../../packages/theme/src/render-pool/setup.ts';

describe('poolThreads', () => {
  it("gives 'auto' a thread per core, for a sync of at least AUTO_MIN_POSTS posts", () => {
    expect(poolThreads('auto', AUTO_MIN_POSTS, 4)).toBe(4);
    expect(poolThreads('auto', AUTO_MIN_POSTS - 1, 4)).toBe(0);
    expect(poolThreads('auto', 5000, 1)).toBe(0);
  });

  it('takes a number as it is, whatever the number of posts; 0 is the main thread', () => {
    expect(poolThreads(2, 3, 8)).toBe(2);
    expect(poolThreads(0, 5000, 8)).toBe(0);
    expect(poolThreads(-1, 5000, 8)).toBe(0);
  });
});

describe('errors from a worker', () => {
  it("keep a VFileMessage's message, name, stack, file and position", () => {
    const original = new VFile({ path: '/site/src/content/posts/2024-01-01-x.md' }).message(
      'Unexpected end of formula',
      {
        place: { start: { line: 3, column: 5, offset: 20 }, end: { line: 3, column: 9, offset: 24 } },
        ruleId: 'formula',
        source: 'chirpy',
      },
    );
    const revived = reviveError(structuredClone(serializeError(original)));
    expect(revived.message).toBe(original.message);
    expect(revived.name).toBe(original.name);
    expect(revived.stack).toBe(original.stack);
    expect(revived).toMatchObject({
      line: 3,
      column: 5,
      ruleId: 'formula',
      source: 'chirpy',
      file: '/site/src/content/posts/2024-01-01-x.md',
      place: { start: { line: 3, column: 5 } },
    });
  });

  it('keep what is not an Error as its text', () => {
    expect(reviveError(serializeError('plain failure')).message).toBe('plain failure');
  });
});

describe('workerSetup', () => {
  const theme = (): MarkdownSetup => {
    const remarkPlugin = () => undefined;
    const rehypePlugin = () => undefined;
    const backContent = () => '↩';
    return {
      pipeline: {
        cdn: undefined,
        locale: 'en',
        mathOutput: 'mathml',
        base: '/',
        root: '/site',
        publicDir: '/site/public',
        smart: true,
        gfm: true,
      },
      remarkPlugins: [remarkPlugin],
      rehypePlugins: [[rehypePlugin, { option: 1 }]],
      remarkRehype: { footnoteBackContent: backContent },
      warn: () => undefined,
    };
  };
  const config = (setup: MarkdownSetup, extra: { remark?: unknown[]; shiki?: object; remarkRehype?: object } = {}) =>
    ({
      image: { domains: [], remotePatterns: [] },
      markdown: {
        syntaxHighlight: 'shiki',
        shikiConfig: { theme: 'github-dark', ...extra.shiki },
        gfm: true,
        smartypants: true,
        processor: unified({
          remarkPlugins: [...setup.remarkPlugins, ...(extra.remark ?? [])] as never[],
          rehypePlugins: [...setup.rehypePlugins] as never[],
          remarkRehype: { ...setup.remarkRehype, ...extra.remarkRehype },
          gfm: false,
          smartypants: false,
        }),
      },
    }) as unknown as Pick<AstroConfig, 'markdown' | 'image'>;

  it("sends plain data only: the pipeline's options, Astro's shared options, the processor's options without the theme's functions", () => {
    const setup = theme();
    const result = workerSetup(config(setup, { remarkRehype: { clobberPrefix: 'x-' } }), setup);
    expect(result.reason).toBeUndefined();
    expect(() => structuredClone(result.setup)).not.toThrow();
    expect(result.setup!.pipeline).toEqual(setup.pipeline);
    expect(result.setup!.processor).toEqual({ remarkRehype: { clobberPrefix: 'x-' }, gfm: false, smartypants: false });
  });

  it("refuses a site's own plugin, saying so", () => {
    const setup = theme();
    expect(workerSetup(config(setup, { remark: [() => undefined] }), setup).reason).toBe(
      "the site's Markdown processor runs 1 remark or rehype plugin of its own, which a worker thread cannot load",
    );
  });

  it('refuses functions in the options a worker would need (Shiki transformers, remark-rehype handlers)', () => {
    const setup = theme();
    expect(workerSetup(config(setup, { shiki: { transformers: [{ pre() {} }] } }), setup).reason).toMatch(
      /hold functions/,
    );
    expect(workerSetup(config(setup, { remarkRehype: { footnoteBackContent: () => 'x' } }), setup).reason).toMatch(
      /hold functions/,
    );
  });

  it('refuses a site without chirpy() (nothing recorded)', () => {
    expect(workerSetup(config(theme()), undefined).reason).toBe('chirpy() did not set up the Markdown processor');
  });
});
