/**
 * Sets up Markdown for Chirpy posts on Astro's unified processor (Astro 7's default,
 * Sätteri, does not run remark/rehype plugins). The plugins, and their order, are in
 * markdown/pipeline.ts.
 *
 * GFM is the theme's (markdown/kramdown/strikethrough/: double tildes only), so the processor's
 * own GFM is turned off (`ASTRO_GFM_OFF`), or single tildes would be struck; a site that turned
 * GFM off (`gfm: false` on its `unified()` processor, or the older `markdown.gfm`) gets none.
 */
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import type { ChirpyConfig } from '../config.ts';
import { chirpyMarkdownPipeline } from '../markdown/pipeline.ts';

type Plugin = [unknown, unknown?] | unknown;

/**
 * SmartyPants set to kramdown's typography, which Chirpy posts were written for: `--` is an en
 * dash and `---` an em dash, `...` (not `. . .`) an ellipsis, and backticks are no quotes (kramdown
 * leaves ``` `` ``` as typed and makes `''` two closing single quotes). Astro's default turns `--`
 * into an em dash and ``` ``…'' ``` into double quotes.
 */
export const KRAMDOWN_SMARTYPANTS = { dashes: 'oldschool', backticks: false, ellipses: 'unspaced' } as const;

/** Astro's own GFM, off on the processor the theme's plugins run in (see the header). */
export const ASTRO_GFM_OFF = { gfm: false } as const;

/** Whether the site keeps GFM on (its own setting, or Astro's default: on). */
function gfm(astroConfig: AstroConfig): boolean {
  const processor = astroConfig.markdown.processor as Parameters<typeof isUnifiedProcessor>[0] | undefined;
  const own = processor && isUnifiedProcessor(processor) ? processor.options.gfm : undefined;
  return (own ?? astroConfig.markdown.gfm) !== false;
}

/** Whether the site keeps smart punctuation on (its own setting, or the theme's default: on). */
function smartPunctuation(astroConfig: AstroConfig): boolean {
  const processor = astroConfig.markdown.processor as Parameters<typeof isUnifiedProcessor>[0] | undefined;
  const own = processor && isUnifiedProcessor(processor) ? processor.options.smartypants : undefined;
  return (own ?? astroConfig.markdown.smartypants) !== false;
}

export function chirpyMarkdownPlugins(
  config: ChirpyConfig,
  astroConfig: AstroConfig,
  logger: AstroIntegrationLogger,
): { remarkPlugins: Plugin[]; rehypePlugins: Plugin[] } {
  return chirpyMarkdownPipeline({
    cdn: config.cdn,
    locale: config.locale,
    mathOutput: config.math.output,
    base: astroConfig.base,
    root: fileURLToPath(astroConfig.root),
    publicDir: fileURLToPath(astroConfig.publicDir),
    smart: smartPunctuation(astroConfig),
    gfm: gfm(astroConfig),
    warn: (message: string) => logger.warn(message),
  });
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
  const plugins = chirpyMarkdownPlugins(config, astroConfig, logger);
  const processor = astroConfig.markdown.processor as Parameters<typeof isUnifiedProcessor>[0] | undefined;
  const shiki = astroConfig.markdown.shikiConfig;
  // Code colours that meet WCAG AA on the code background in both modes (github-dark's comments
  // are 3.8:1 there; github-dark-default's 5.9:1).
  const shikiThemes =
    Object.keys(shiki?.themes ?? {}).length === 0 && shiki?.theme === 'github-dark'
      ? {
          shikiConfig: {
            ...shiki,
            themes: { light: 'github-light-high-contrast', dark: 'github-dark-default' },
            defaultColor: false as const,
          },
        }
      : {};
  // The site's own typography setting, if it has one, wins.
  const typography = astroConfig.markdown.smartypants === undefined ? { smartypants: KRAMDOWN_SMARTYPANTS } : {};
  if (processor && isUnifiedProcessor(processor)) {
    // Astro's intended extension point: integrations add to the resolved processor's options.
    processor.options.remarkPlugins.push(...(plugins.remarkPlugins as never[]));
    processor.options.rehypePlugins.push(...(plugins.rehypePlugins as never[]));
    if (processor.options.smartypants === undefined) Object.assign(processor.options, typography);
    // The site's GFM setting was read above (chirpyMarkdownPlugins); MDX reads this option too.
    Object.assign(processor.options, ASTRO_GFM_OFF);
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
    processor: unified({ ...plugins, ...typography, ...ASTRO_GFM_OFF } as Parameters<
      typeof unified
    >[0]) as AstroConfig['markdown']['processor'],
  };
}
