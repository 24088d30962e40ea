/**
 * Renders Markdown through the theme's own pipeline without building a site: Astro's unified
 * processor (`createMarkdownProcessor`, the one a site's build uses) with the plugins the
 * integration installs. For tests that render hundreds of small documents.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { parseChirpyConfig } from 'astro-theme-chirpy/config';
import { chirpyMarkdownPlugins } from '../../packages/theme/src/integration/markdown.ts';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TESTS_DIR } from './site.ts';

export interface RenderedMarkdown {
  html: string;
  warnings: string[];
}

let renderer: Promise<{ render: MarkdownRenderer['render']; warnings: string[] }> | undefined;

function makeRenderer() {
  const root = join(TESTS_DIR, '.tmp', 'theme-markdown');
  mkdirSync(join(root, 'public'), { recursive: true });
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
  const astroConfig = {
    root: pathToFileURL(`${root}/`),
    publicDir: pathToFileURL(`${root}/public/`),
    base: '/',
  } as AstroConfig;
  const plugins = chirpyMarkdownPlugins(parseChirpyConfig({ title: 'Test' }), astroConfig, logger);
  return createMarkdownProcessor({
    remarkPlugins: plugins.remarkPlugins as never,
    rehypePlugins: plugins.rehypePlugins as never,
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
