/**
 * Sets up Markdown for Chirpy posts on Astro's unified processor (Astro 7's default,
 * Sätteri, does not run remark/rehype plugins). The plugins, and their order, are in
 * markdown/pipeline.ts.
 *
 * Typography and GFM are the theme's, read by the parser as kramdown reads them
 * (markdown/kramdown/typography/, markdown/kramdown/strikethrough/), so the processor's own
 * SmartyPants and GFM are turned off (`ASTRO_FEATURES_OFF`), or quotes would be curled twice and
 * single tildes struck. What the site chose still counts:
 * - `smartypants: false` (on its `unified()` processor, or the older `markdown.smartypants`):
 *   no curly quotes, dashes or ellipses; `<<` and `>>` stay as typed (and are no HTML tags);
 * - `smartypants` set to SmartyPants options: kramdown's typography all the same, which is what
 *   Chirpy posts were written for (the options name SmartyPants' own spellings, which kramdown
 *   does not have);
 * - `gfm: false`: no GFM from the theme either.
 */
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import type { ChirpyConfig } from '../config.ts';
import { kramdownFootnoteBackContent } from '../markdown/kramdown/footnotes/back-content.ts';
import type { ShikiKey } from '../markdown/html/embedded-languages.ts';
import { chirpyMarkdownPipeline, type PipelineOptions } from '../markdown/pipeline.ts';
import { registerMarkdownSetup } from './shared.ts';

type Plugin = [unknown, unknown?] | unknown;

/** Astro's own GFM and SmartyPants, off on the processor the theme's plugins run in (see the header). */
export const ASTRO_FEATURES_OFF = { gfm: false, smartypants: false } as const;

/**
 * remark-rehype's options for Chirpy posts (a site's own win): footnote back-links hold Chirpy's
 * arrow (markdown/kramdown/footnotes/back-content.ts).
 */
export const KRAMDOWN_REMARK_REHYPE = { footnoteBackContent: kramdownFootnoteBackContent } as const;

type UnifiedOptions = { gfm?: boolean; smartypants?: unknown };

/** The site's own processor options, if it set up a unified() processor. */
function unifiedOptions(astroConfig: AstroConfig): UnifiedOptions | undefined {
  const processor = astroConfig.markdown.processor as Parameters<typeof isUnifiedProcessor>[0] | undefined;
  return processor && isUnifiedProcessor(processor) ? processor.options : undefined;
}

/** Whether the site keeps smart punctuation on (its own setting, or the theme's default: on). */
function smartPunctuation(astroConfig: AstroConfig): boolean {
  return (unifiedOptions(astroConfig)?.smartypants ?? astroConfig.markdown.smartypants) !== false;
}

/** Whether the site keeps GFM on (its own setting, or Astro's default: on). */
function gfm(astroConfig: AstroConfig): boolean {
  return (unifiedOptions(astroConfig)?.gfm ?? astroConfig.markdown.gfm) !== false;
}

export function chirpyMarkdownPlugins(
  config: ChirpyConfig,
  astroConfig: AstroConfig,
  logger: AstroIntegrationLogger,
): { remarkPlugins: Plugin[]; rehypePlugins: Plugin[] } {
  return chirpyMarkdownPipeline(pipelineOptions(config, astroConfig, logger));
}

/**
 * Code colours that meet WCAG AA on the code background in both modes (github-dark's comments
 * are 3.8:1 there; github-dark-default's 5.9:1), unless the site chose its own themes.
 */
function siteShikiThemes(astroConfig: AstroConfig): { shikiConfig?: AstroConfig['markdown']['shikiConfig'] } {
  const shiki = astroConfig.markdown.shikiConfig;
  return Object.keys(shiki?.themes ?? {}).length === 0 && shiki?.theme === 'github-dark'
    ? {
        shikiConfig: {
          ...shiki,
          themes: { light: 'github-light-high-contrast', dark: 'github-dark-default' },
          defaultColor: false as const,
        },
      }
    : {};
}

/** What Astro keys its Shiki highlighter by, as the config will be; none when Shiki does not highlight. */
function shikiKey(astroConfig: AstroConfig): ShikiKey | undefined {
  const highlight = astroConfig.markdown.syntaxHighlight;
  const type = typeof highlight === 'object' && highlight ? highlight.type : highlight;
  if (type !== 'shiki') return undefined;
  const { theme, themes, langAlias } = siteShikiThemes(astroConfig).shikiConfig ?? astroConfig.markdown.shikiConfig;
  return { theme, themes, langAlias };
}

function pipelineOptions(
  config: ChirpyConfig,
  astroConfig: AstroConfig,
  logger: AstroIntegrationLogger,
): PipelineOptions {
  return {
    cdn: config.cdn,
    locale: config.locale,
    mathOutput: config.math.output,
    base: astroConfig.base,
    root: fileURLToPath(astroConfig.root),
    publicDir: fileURLToPath(astroConfig.publicDir),
    smart: smartPunctuation(astroConfig),
    gfm: gfm(astroConfig),
    shiki: shikiKey(astroConfig),
    warn: (message: string) => logger.warn(message),
  };
}

/**
 * Adds the plugins to the user's unified processor, or replaces another processor with a
 * unified one. Returns the `markdown` part of the config update, if one is needed.
 */
export function setUpMarkdown(
  config: ChirpyConfig,
  astroConfig: AstroConfig,
  logger: AstroIntegrationLogger,
): Partial<AstroConfig['markdown']> | undefined {
  const { warn, ...pipeline } = pipelineOptions(config, astroConfig, logger);
  const plugins = chirpyMarkdownPipeline({ ...pipeline, warn });
  // Kept for the loader's render pool (render-pool/), which rebuilds these plugins in worker threads.
  registerMarkdownSetup(astroConfig.root, { pipeline, ...plugins, remarkRehype: KRAMDOWN_REMARK_REHYPE, warn });
  const processor = astroConfig.markdown.processor as Parameters<typeof isUnifiedProcessor>[0] | undefined;
  const shikiThemes = siteShikiThemes(astroConfig);
  if (processor && isUnifiedProcessor(processor)) {
    // Astro's intended extension point: integrations add to the resolved processor's options.
    // The site's settings were read above (pipelineOptions); MDX reads these options too.
    processor.options.remarkPlugins.push(...(plugins.remarkPlugins as never[]));
    processor.options.rehypePlugins.push(...(plugins.rehypePlugins as never[]));
    Object.assign(processor.options, ASTRO_FEATURES_OFF);
    processor.options.remarkRehype = { ...KRAMDOWN_REMARK_REHYPE, ...processor.options.remarkRehype };
    return Object.keys(shikiThemes).length ? shikiThemes : undefined;
  }
  if (processor) {
    const options = (processor as { options?: Record<string, unknown> }).options ?? {};
    const ownPlugins = Object.entries(options).some(
      ([key, value]) => /plugins$/i.test(key) && Array.isArray(value) && value.length > 0,
    );
    const message = `Using the unified Markdown processor instead of "${processor.name}": Chirpy posts need its remark and rehype plugins (math, KaTeX).`;
    if (ownPlugins) logger.warn(`${message} The plugins configured on "${processor.name}" do not run.`);
    else logger.debug(message);
  }
  return {
    ...shikiThemes,
    processor: unified({
      ...plugins,
      ...ASTRO_FEATURES_OFF,
      remarkRehype: { ...KRAMDOWN_REMARK_REHYPE, ...astroConfig.markdown.remarkRehype },
    } as Parameters<typeof unified>[0]) as AstroConfig['markdown']['processor'],
  };
}
