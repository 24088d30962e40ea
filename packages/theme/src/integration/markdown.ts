/**
 * Sets up Markdown for Chirpy posts on Astro's unified processor (Astro 7's default,
 * Sätteri, does not run remark/rehype plugins): math, media paths, and Chirpy's HTML.
 * The order of the list matters; each plugin's file says what it does.
 */
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { rehypeKatexSafe } from '../markdown/rehype-katex-safe.ts';
import type { ChirpyConfig } from '../config.ts';
import { rehypeCodeBlocks } from '../markdown/rehype-code-blocks.ts';
import { rehypeFootnoteBackrefs } from '../markdown/rehype-footnote-backrefs.ts';
import { rehypeFootnoteIds } from '../markdown/rehype-footnote-ids.ts';
import { rehypeHeadingAnchors } from '../markdown/rehype-heading-anchors.ts';
import { rehypeHeadingLevels } from '../markdown/rehype-heading-levels.ts';
import { rehypeImages } from '../markdown/rehype-images.ts';
import { rehypeRenderInfo } from '../markdown/rehype-render-info.ts';
import { rehypeTables } from '../markdown/rehype-tables.ts';
import { remarkDeflist } from '../markdown/remark-deflist.ts';
import { remarkIal } from '../markdown/remark-ial.ts';
import { remarkKramdownCodeSpans } from '../markdown/remark-kramdown-code-spans.ts';
import { remarkKramdownEmphasis } from '../markdown/remark-kramdown-emphasis.ts';
import { remarkKramdownStrikethrough } from '../markdown/remark-kramdown-strikethrough.ts';
import { remarkKramdownTypography } from '../markdown/remark-kramdown-typography.ts';
import { remarkKramdownFences } from '../markdown/remark-kramdown-fences.ts';
import { remarkKramdownHtml } from '../markdown/remark-kramdown-html.ts';
import { remarkKramdownHeadings } from '../markdown/remark-kramdown-headings.ts';
import { rehypeBareParagraphs, remarkKramdownLists } from '../markdown/remark-kramdown-lists.ts';
import { remarkKramdownMath } from '../markdown/remark-kramdown-math.ts';
import { rehypeMathErrors } from '../markdown/rehype-math-errors.ts';
import { rehypeMathNumbering } from '../markdown/math-numbering.ts';
import { rehypeMathOutput } from '../markdown/rehype-math-output.ts';
import { remarkMathDialect } from '../markdown/remark-math-dialect.ts';
import { remarkMathGate } from '../markdown/remark-math-gate.ts';
import { remarkMedia } from '../markdown/remark-media.ts';

type Plugin = [unknown, unknown?] | unknown;

/**
 * SmartyPants set to kramdown's typography, which Chirpy posts were written for: `--` is an en
 * dash and `---` an em dash, `...` (not `. . .`) an ellipsis, and backticks are no quotes (kramdown
 * leaves ``` `` ``` as typed and makes `''` two closing single quotes). Astro's default turns `--`
 * into an em dash and ``` ``…'' ``` into double quotes.
 */
export const KRAMDOWN_SMARTYPANTS = { dashes: 'oldschool', backticks: false, ellipses: 'unspaced' } as const;

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
  const root = fileURLToPath(astroConfig.root);
  const warn = (message: string) => logger.warn(message);
  return {
    remarkPlugins: [
      // First: its transform runs right after SmartyPants.
      [remarkKramdownTypography, { smart: smartPunctuation(astroConfig) }],
      remarkKramdownFences,
      remarkKramdownCodeSpans,
      remarkKramdownEmphasis,
      remarkKramdownStrikethrough,
      remarkKramdownHtml,
      remarkKramdownMath,
      remarkDeflist,
      remarkMathGate,
      remarkMathDialect,
      remarkIal,
      remarkKramdownLists,
      remarkKramdownHeadings,
      [remarkMedia, { cdn: config.cdn, base: astroConfig.base }],
    ],
    rehypePlugins: [
      rehypeMathNumbering,
      [rehypeKatexSafe, { throwOnError: false, strict: false, output: config.math.output }],
      [rehypeMathErrors, { warn, root }],
      [rehypeMathOutput, { output: config.math.output }],
      rehypeBareParagraphs,
      rehypeFootnoteBackrefs,
      // Chirpy's HTML. Code blocks come first: the passes after them see the finished blocks and
      // leave code alone. Footnote ids change before heading ids and image links are made, so
      // those keep their values as made. The word count reads the finished page.
      rehypeCodeBlocks,
      rehypeFootnoteIds,
      rehypeTables,
      rehypeHeadingAnchors,
      rehypeHeadingLevels,
      [
        rehypeImages,
        {
          publicDir: fileURLToPath(astroConfig.publicDir),
          root,
          base: astroConfig.base,
          warn,
          locale: config.locale,
        },
      ],
      rehypeRenderInfo,
    ],
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
    processor: unified({ ...plugins, ...typography } as Parameters<
      typeof unified
    >[0]) as AstroConfig['markdown']['processor'],
  };
}
