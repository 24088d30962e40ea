/**
 * Sets up Markdown for Chirpy posts on Astro's unified processor (Astro 7's default,
 * Sätteri, does not run remark/rehype plugins): math, media paths, and Chirpy's HTML.
 * The order of the list matters; each plugin's file says what it does.
 */
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { rehypeKatexSafe } from '../markdown/mathjax/katex-safe.ts';
import type { ChirpyConfig } from '../config.ts';
import { rehypeCodeBlocks } from '../markdown/html/code-blocks.ts';
import { rehypeFootnoteBackrefs } from '../markdown/kramdown/footnotes/backrefs.ts';
import { rehypeFootnoteIds } from '../markdown/kramdown/footnotes/ids.ts';
import { rehypeHeadingAnchors } from '../markdown/html/heading-anchors.ts';
import { rehypeHeadingLevels } from '../markdown/html/heading-levels.ts';
import { rehypeImages } from '../markdown/html/images.ts';
import { rehypeRenderInfo } from '../markdown/html/render-info.ts';
import { rehypeTables } from '../markdown/html/tables.ts';
import { remarkDeflist } from '../markdown/kramdown/definition-lists/index.ts';
import { remarkIal } from '../markdown/kramdown/ial/index.ts';
import { remarkKramdownCodeSpans } from '../markdown/kramdown/code-spans/index.ts';
import { remarkKramdownEmphasis } from '../markdown/kramdown/emphasis/index.ts';
import { remarkKramdownStrikethrough } from '../markdown/kramdown/strikethrough/index.ts';
import { remarkKramdownTypography } from '../markdown/kramdown/typography/index.ts';
import { remarkKramdownFences } from '../markdown/kramdown/fences/index.ts';
import { remarkKramdownHtml } from '../markdown/kramdown/html-blocks/index.ts';
import { remarkKramdownHeadings } from '../markdown/kramdown/headings/index.ts';
import { rehypeBareParagraphs, remarkKramdownLists } from '../markdown/kramdown/list-paragraphs/index.ts';
import { remarkKramdownMath } from '../markdown/kramdown/math/index.ts';
import { rehypeMathErrors } from '../markdown/mathjax/errors.ts';
import { rehypeMathNumbering } from '../markdown/mathjax/numbering.ts';
import { rehypeMathOutput } from '../markdown/mathjax/output.ts';
import { remarkMathDialect } from '../markdown/mathjax/delimiters.ts';
import { remarkMathGate } from '../markdown/kramdown/math/gate.ts';
import { remarkMedia } from '../markdown/html/media-paths.ts';

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
