/**
 * Renders Markdown through the theme's own pipeline without building a site: Astro's unified
 * processor (`createMarkdownProcessor`, the one a site's build uses) with the plugins the
 * integration installs. For tests that render hundreds of small documents.
 *
 * `renderBare` runs chosen plugins of the same list on a bare unified processor instead, to
 * test one plugin alone.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { parse, type HTMLElement } from 'node-html-parser';
import { parseChirpyConfig } from 'astro-theme-chirpy/config';
import {
  ASTRO_FEATURES_OFF,
  chirpyMarkdownPlugins,
  KRAMDOWN_REMARK_REHYPE,
} from '../../packages/theme/src/integration/markdown.ts';
import { remarkKramdownGfm } from '../../packages/theme/src/markdown/kramdown/strikethrough/index.ts';
import { renderInfo, type ChirpyRenderInfo } from '../../packages/theme/src/markdown/frontmatter.ts';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TESTS_DIR } from './site.ts';

export interface RenderedMarkdown {
  html: string;
  warnings: string[];
}

const ROOT = join(TESTS_DIR, '.tmp', 'theme-markdown');
/** The test site's `public/` folder, where the theme looks for root-relative images. */
export const PUBLIC_DIR = join(ROOT, 'public');

let theme: { plugins: ReturnType<typeof chirpyMarkdownPlugins>; warnings: string[] } | undefined;

/** The integration's plugin list for a test site (English, base `/`), and the warnings it logs. */
function themeSetup() {
  if (theme) return theme;
  mkdirSync(PUBLIC_DIR, { recursive: true });
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
  const astroConfig = {
    root: pathToFileURL(`${ROOT}/`),
    publicDir: pathToFileURL(`${PUBLIC_DIR}/`),
    base: '/',
    markdown: {},
  } as AstroConfig;
  theme = { plugins: chirpyMarkdownPlugins(parseChirpyConfig({ title: 'Test' }), astroConfig, logger), warnings };
  return theme;
}

let renderer: Promise<{ render: MarkdownRenderer['render']; warnings: string[] }> | undefined;

function makeRenderer() {
  const { plugins, warnings } = themeSetup();
  return createMarkdownProcessor({
    remarkPlugins: plugins.remarkPlugins as never,
    rehypePlugins: plugins.rehypePlugins as never,
    ...ASTRO_FEATURES_OFF,
    remarkRehype: KRAMDOWN_REMARK_REHYPE,
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: false },
  }).then((processor) => ({ render: processor.render.bind(processor), warnings }));
}

/** The HTML the theme makes of a post body, and the warnings it logged. */
export async function renderWithTheme(
  body: string,
  frontmatter: Record<string, unknown> = { math: true },
  path = 'post.md',
): Promise<RenderedMarkdown> {
  renderer ??= makeRenderer();
  const { render, warnings } = await renderer;
  const start = warnings.length;
  const result = await render(body, {
    frontmatter: { ...frontmatter },
    fileURL: pathToFileURL(join(TESTS_DIR, '.tmp', 'theme-markdown', path)),
  });
  return { html: result.code, warnings: warnings.slice(start) };
}

type PluginFunction = (...args: never[]) => unknown;

/** A plugin as the integration lists it: alone, or with the options it gives the plugin. */
export function themePlugin(plugin: PluginFunction): Pluggable {
  const { remarkPlugins, rehypePlugins } = themeSetup().plugins;
  const entry = [...remarkPlugins, ...rehypePlugins].find(
    (candidate) => (Array.isArray(candidate) ? candidate[0] : candidate) === plugin,
  );
  if (entry === undefined) throw new Error(`The integration does not list ${plugin.name}.`);
  return entry as Pluggable;
}

export interface BareOptions {
  /** Theme remark plugins, in order; each runs with the options the integration gives it. */
  remark?: PluginFunction[];
  /**
   * Rehype plugins, in order: theme plugins (with the integration's options), or an entry given
   * as is (another processor's step, such as Astro's Shiki highlighting).
   */
  rehype?: (PluginFunction | [PluginFunction, ...unknown[]])[];
  /** The post's front matter, as Astro hands it to the plugins. */
  frontmatter?: Record<string, unknown>;
  /** The post's file, under the test site. */
  path?: string;
}

export interface BareRender extends RenderedMarkdown {
  /** What the plugins noted about the post (`remarkPluginFrontmatter.chirpy`). */
  info: ChirpyRenderInfo;
}

/**
 * Markdown through a bare unified processor: remark-parse and GFM (as the theme's kramdown preset
 * registers it on Astro's processor), the remark plugins given, remark-rehype, the rehype plugins given, and
 * rehype-stringify. Raw HTML stays as written, as it does until Astro's last step.
 */
export async function renderBare(markdown: string, options: BareOptions = {}): Promise<BareRender> {
  const { warnings } = themeSetup();
  const start = warnings.length;
  const processor = unified()
    .use(remarkParse)
    .use(remarkKramdownGfm)
    .use((options.remark ?? []).map(themePlugin))
    .use(remarkRehype, { allowDangerousHtml: true, ...KRAMDOWN_REMARK_REHYPE })
    .use((options.rehype ?? []).map((entry) => (Array.isArray(entry) ? (entry as Pluggable) : themePlugin(entry))))
    .use(rehypeStringify, { allowDangerousHtml: true });
  const file = await processor.process({
    value: markdown,
    path: join(ROOT, options.path ?? 'post.md'),
    data: { astro: { frontmatter: { ...options.frontmatter } } },
  });
  return { html: String(file), info: renderInfo(file), warnings: warnings.slice(start) };
}

/** Parses rendered HTML for queries, with the content of `pre` as elements (code blocks' spans). */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { blockTextElements: { script: true, noscript: true, style: true } });
}
