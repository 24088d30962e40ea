/**
 * Mistakes a new site makes, each stopped with a message that says what and how to fix it:
 * a build without `site` (the feed's links and guids, the sitemap, canonical links and `og:url`
 * are absolute; setting `site` later would change every guid, and feed readers would show every
 * post again), no `src/content.config.*` or one without `chirpyLoader()`, and a page of the site
 * at a URL the theme publishes (Astro lets the site's page win and only warns).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger, IntegrationResolvedRoute } from 'astro';
import { AstroError } from 'astro/errors';
import type { ChirpyConfig } from '../config.ts';
import { resolveLanguages } from '../utils/languages.ts';
import { THEME_ROUTES } from './routes.ts';

const CONTENT_CONFIG_NAMES = ['content.config.ts', 'content.config.mts', 'content.config.js', 'content.config.mjs'];

const CONTENT_CONFIG = [
  "import { defineCollection } from 'astro:content';",
  "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
  '',
  'export const collections = { posts: defineCollection({ loader: chirpyLoader() }) };',
].join('\n');

export function checkSiteSetup(
  astroConfig: Pick<AstroConfig, 'site' | 'srcDir' | 'root'>,
  command: string,
  logger: AstroIntegrationLogger,
): void {
  if (!astroConfig.site) {
    const message =
      "`site` is not set in astro.config: the feed's links and guids, the sitemap, canonical links and og:url need the blog's address.";
    const hint =
      "Set it to the address the blog is served from, as Chirpy's `url`: defineConfig({ site: 'https://username.github.io', … }). Keep it as Chirpy had it, so feed readers see the same posts.";
    if (command === 'build') throw new AstroError(message, hint);
    if (command === 'dev') logger.info(`${message} ${hint}`);
  }
  const srcDir = fileURLToPath(astroConfig.srcDir);
  const file = CONTENT_CONFIG_NAMES.map((name) => `${srcDir}/${name}`.replace(/\/+/g, '/')).find(existsSync);
  const where = relative(fileURLToPath(astroConfig.root), `${srcDir}/content.config.ts`) || 'src/content.config.ts';
  if (!file) {
    throw new AstroError(
      `The posts collection is missing: there is no ${where}.`,
      `Create ${where} with:\n\n${CONTENT_CONFIG}\n`,
    );
  }
  if (!/\bchirpyLoader\b/.test(readFileSync(file, 'utf8'))) {
    throw new AstroError(
      `${relative(fileURLToPath(astroConfig.root), file)} does not use chirpyLoader(): the theme reads posts from a collection named posts loaded by it (Chirpy's file names, dates, URLs and Liquid).`,
      `Define the collection as:\n\n${CONTENT_CONFIG}\n`,
    );
  }
}

/** Pages of the site's own at a URL one of the theme's enabled routes publishes. */
export function shadowedThemeRoutes(
  routes: readonly IntegrationResolvedRoute[],
  config: ChirpyConfig,
): { message: string; hint: string }[] {
  const theme = new Map<string, string>();
  const prefixes = (resolveLanguages(config)?.list ?? []).filter((language) => !language.isDefault);
  for (const route of THEME_ROUTES.filter((candidate) => config.routes[candidate.switch])) {
    theme.set(route.pattern, route.switch);
    if (!route.perLanguage) continue;
    for (const { prefix } of prefixes)
      theme.set(route.pattern === '/' ? prefix : `${prefix}${route.pattern}`, route.switch);
  }
  const shadowed: { message: string; hint: string }[] = [];
  for (const route of routes) {
    if (route.origin !== 'project') continue;
    const key = theme.get(route.pattern);
    if (!key || route.pattern === '/[...redirect]') continue;
    const file = route.entrypoint;
    shadowed.push({
      message: `${file} is at ${route.pattern}, where the theme publishes its ${key === 'home' ? 'home page' : `${key} page`}: the site's file would silently replace it.`,
      hint: `Delete or move ${file}, or turn the theme's page off to use your own: chirpy({ routes: { ${key}: false } }).`,
    });
  }
  return shadowed;
}
