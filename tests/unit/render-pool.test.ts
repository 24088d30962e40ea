/**
 * The render pool's pure parts (packages/theme/src/render-pool/): how many threads, when a site's
 * Markdown can go to a worker and why not, and errors that cross from a worker as data.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { MarkdownSetup } from '../../packages/theme/src/integration/shared.ts';
import { AUTO_MAX_THREADS, AUTO_MIN_POSTS, poolPlan } from '../../packages/theme/src/render-pool/index.ts';
import { reviveError, serializeError } from '../../packages/theme/src/render-pool/errors.ts';
import { workerSetup } from '../../packages/theme/src/render-pool/setup.ts';

describe('poolPlan', () => {
  it("gives 'auto' a thread per core, for a sync of at least AUTO_MIN_POSTS posts, from the first post", () => {
    expect(poolPlan('auto', { posts: AUTO_MIN_POSTS, stored: 0, cores: 4 })).toEqual({ threads: 4, startAfter: 0 });
    expect(poolPlan('auto', { posts: AUTO_MIN_POSTS - 1, stored: 0, cores: 4 }).threads).toBe(0);
    expect(poolPlan('auto', { posts: 5000, stored: 0, cores: 1 }).threads).toBe(0);
    expect(poolPlan('auto', { posts: 5000, stored: 0, cores: 32 }).threads).toBe(AUTO_MAX_THREADS);
  });

  it("starts 'auto''s pool only once AUTO_MIN_POSTS posts asked to be rendered when the store holds most posts", () => {
    expect(poolPlan('auto', { posts: 5000, stored: 5000, cores: 2 })).toEqual({
      threads: 2,
      startAfter: AUTO_MIN_POSTS,
    });
    expect(poolPlan('auto', { posts: 5000, stored: 4901, cores: 2 }).startAfter).toBe(AUTO_MIN_POSTS);
    expect(poolPlan('auto', { posts: 5000, stored: 4900, cores: 2 }).startAfter).toBe(0);
  });

  it('takes a number as it is, whatever the posts and the store; 0 is the main thread', () => {
    expect(poolPlan(2, { posts: 3, stored: 3, cores: 8 })).toEqual({ threads: 2, startAfter: 0 });
    expect(poolPlan(0, { posts: 5000, stored: 0, cores: 8 }).threads).toBe(0);
    expect(poolPlan(-1, { posts: 5000, stored: 0, cores: 8 }).threads).toBe(0);
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
