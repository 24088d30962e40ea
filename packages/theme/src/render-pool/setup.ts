/**
 * Whether a site's Markdown can be rendered in worker threads, and what a worker needs for it.
 *
 * A worker cannot receive functions, so it builds the processor again: Astro's unified
 * processor with the theme's plugins, made from markdown/pipeline.ts and the options `chirpy()`
 * recorded (integration/shared.ts `MarkdownSetup`). That gives the same output only when the
 * site's processor holds nothing else: plugins a site or another integration added, or
 * functions in the Markdown options (Shiki transformers, remark-rehype handlers), keep the
 * posts on one thread, and the reason is told.
 */
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { MarkdownSetup } from '../integration/shared.ts';

/** What a worker rebuilds the processor from: plain data only. */
export interface WorkerSetup {
  pipeline: MarkdownSetup['pipeline'];
  /** Astro's options for every renderer (astro/dist/vite-plugin-markdown/content-entry-type.js). */
  shared: {
    image: unknown;
    syntaxHighlight: unknown;
    shikiConfig: unknown;
    gfm: unknown;
    smartypants: unknown;
  };
  /** The unified processor's own options, the theme's functions left out (the worker adds its own). */
  processor: { remarkRehype: Record<string, unknown>; gfm: unknown; smartypants: unknown };
}

export type WorkerSetupResult = { setup: WorkerSetup; reason?: undefined } | { setup?: undefined; reason: string };

type MarkdownConfig = Pick<AstroConfig, 'markdown' | 'image'>;

function sameEntries(actual: readonly unknown[], theme: readonly unknown[]): boolean {
  return actual.length === theme.length && actual.every((entry, index) => entry === theme[index]);
}

/** Whether the value survives structured cloning (no functions, class instances with private state…). */
function clonable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

export function workerSetup(config: MarkdownConfig, theme: MarkdownSetup | undefined): WorkerSetupResult {
  if (!theme) return { reason: 'chirpy() did not set up the Markdown processor' };
  const processor = config.markdown.processor as Parameters<typeof isUnifiedProcessor>[0] | undefined;
  if (!processor || !isUnifiedProcessor(processor)) {
    return { reason: 'the Markdown processor is not the unified one chirpy() sets up' };
  }
  const options = processor.options;
  const extra =
    options.remarkPlugins.length -
    theme.remarkPlugins.length +
    options.rehypePlugins.length -
    theme.rehypePlugins.length;
  if (
    !sameEntries(options.remarkPlugins, theme.remarkPlugins) ||
    !sameEntries(options.rehypePlugins, theme.rehypePlugins)
  ) {
    return {
      reason:
        extra > 0
          ? `the site's Markdown processor runs ${extra} remark or rehype plugin${extra === 1 ? '' : 's'} of its own, which a worker thread cannot load`
          : "the Markdown processor's plugins are not the ones chirpy() added",
    };
  }
  const remarkRehype: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options.remarkRehype ?? {})) {
    if (typeof value === 'function' && value === theme.remarkRehype[key]) continue;
    remarkRehype[key] = value;
  }
  const setup: WorkerSetup = {
    pipeline: theme.pipeline,
    shared: {
      image: config.image,
      syntaxHighlight: config.markdown.syntaxHighlight,
      shikiConfig: config.markdown.shikiConfig,
      gfm: config.markdown.gfm,
      smartypants: config.markdown.smartypants,
    },
    processor: { remarkRehype, gfm: options.gfm, smartypants: options.smartypants },
  };
  if (!clonable(setup)) {
    return {
      reason:
        'the Markdown options hold functions (Shiki transformers, remark-rehype handlers), which a worker thread cannot receive',
    };
  }
  return { setup };
}
