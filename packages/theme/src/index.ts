/// <reference path="./virtual.d.ts" />
/// <reference path="./window.d.ts" />
/**
 * `chirpy()`: the one integration a site adds to get a Chirpy blog.
 *
 * ```js
 * integrations: [chirpy({ title: 'My Blog', timezone: 'Asia/Seoul' })]
 * ```
 */
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { parseChirpyConfig, type ChirpyUserConfig } from './config.ts';
import { setUpMarkdown } from './integration/markdown.ts';
import { enabledRoutes } from './integration/routes.ts';
import { INTEGRATION_NAME, registerThemeConfig } from './integration/shared.ts';
import { vitePluginChirpy } from './integration/virtual-modules.ts';
import { chirpySitemap } from './integration/sitemap.ts';
import { resolveFavicons } from './integration/favicons.ts';
import { chirpyNfdUrls } from './integration/nfd-urls.ts';
import { chirpySearch } from './integration/search.ts';
import { chirpyLanguages } from './integration/languages.ts';
import { chirpyMermaid } from './integration/mermaid.ts';
import { resolveLanguages } from './utils/languages.ts';
import { ServedPaths } from './integration/served-paths.ts';
import { checkSiteSetup, shadowedThemeRoutes } from './integration/guard-rails.ts';
import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type * from './types.ts';
export { chirpyLoader } from './loaders.ts';
export { chirpySchema } from './schema.ts';

/**
 * Bundling MDX posts warns about "module level directives" no site can act on: the empty `''`
 * statements MDX's compiler packages carry, and Astro's own `"use astro:head-inject"` marker in
 * each MDX post. Those are dropped; every other warning is passed on.
 */
function quietDirectives(warning: { code?: string; id?: string; message: string }, warn: (warning: never) => void) {
  if (
    warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
    (/[\\/]node_modules[\\/]/.test(warning.id ?? '') || /\.mdx\?astroPropagatedAssets$/.test(warning.id ?? ''))
  ) {
    return;
  }
  warn(warning as never);
}

/**
 * How many pages Astro's static build generates at a time (its `build.concurrency`, 1 by default).
 * A blog's pages are quick to render and many: with one at a time, the page generation of the
 * benchmark's 5000-post site took between 9 and 17 s from one build to the next, with four at a
 * time 9 to 11 s, the output byte for byte the same (BENCHMARKS.md, "Pages four at a time").
 */
const PAGE_CONCURRENCY = 4;

export default function chirpy(options: ChirpyUserConfig): AstroIntegration {
  const config = parseChirpyConfig(options);
  let served: ServedPaths | undefined;
  let isBuild = false;
  return {
    name: INTEGRATION_NAME,
    hooks: {
      'astro:config:setup': ({ config: astroConfig, command, updateConfig, injectRoute, logger }) => {
        registerThemeConfig(astroConfig.root, config);
        isBuild = command === 'build';
        checkSiteSetup(astroConfig, command, logger);
        served = new ServedPaths(astroConfig.publicDir);
        const languages = resolveLanguages(config);
        for (const route of enabledRoutes(config)) {
          injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
          // Each other language gets the page again under its prefix (the route tells the page its language).
          if (!languages || !route.perLanguage) continue;
          for (const language of languages.list.filter((candidate) => !candidate.isDefault)) {
            const pattern = route.pattern === '/' ? language.prefix : `${language.prefix}${route.pattern}`;
            injectRoute({ pattern, entrypoint: route.entrypoint, prerender: true });
          }
        }
        // The offline mode's service worker, at the site root so it can serve every page.
        if (config.pwa) {
          injectRoute({
            pattern: '/sw.js',
            entrypoint: new URL('./routes/sw.js.ts', import.meta.url),
            prerender: true,
          });
        }
        // A default favicon, unless the site has its own file there.
        if (
          config.favicon === '/favicon.svg' &&
          !existsSync(fileURLToPath(new URL('favicon.svg', astroConfig.publicDir)))
        ) {
          injectRoute({
            pattern: '/favicon.svg',
            entrypoint: new URL('./routes/favicon.svg.ts', import.meta.url),
            prerender: true,
          });
        }
        const favicons = resolveFavicons(config.favicon, astroConfig.publicDir);
        if (favicons.empty) {
          logger.warn(
            `favicon: public${config.favicon} holds none of Chirpy's favicon files (favicon.ico, favicon-32x32.png…).`,
          );
        }
        const markdown = setUpMarkdown(config, astroConfig, logger);
        const mermaid = chirpyMermaid(astroConfig.root);
        const has = (name: string) => astroConfig.integrations.some((candidate) => candidate.name === name);
        const integrations = [
          ...(has('@astrojs/mdx') || !config.mdx ? [] : [mdx()]),
          // The sitemap needs absolute URLs, so it comes with `site`.
          ...(config.routes.seo && astroConfig.site && !has('@astrojs/sitemap') ? chirpySitemap() : []),
          // One index per language on a multilingual site (Pagefind reads each page's <html lang>).
          ...(config.routes.search ? [chirpySearch(languages ? undefined : config.locale.split('-')[0]!)] : []),
          ...(config.routes.posts ? [chirpyNfdUrls()] : []),
          ...(languages ? [chirpyLanguages(languages)] : []),
          ...(mermaid ? [mermaid] : []),
        ];
        updateConfig({
          ...(markdown ? { markdown } : {}),
          ...(integrations.length > 0 ? { integrations } : {}),
          // Pages generated PAGE_CONCURRENCY at a time, unless the site chose a number of its own.
          ...(astroConfig.build.concurrency === 1 ? { build: { concurrency: PAGE_CONCURRENCY } } : {}),
          vite: {
            plugins: [vitePluginChirpy(config, astroConfig.root, command, astroConfig.base, favicons, served)],
            build: { rollupOptions: { onwarn: quietDirectives } },
          },
        });
      },
      'astro:routes:resolved': ({ routes, logger }) => {
        served?.update(routes);
        const shadowed = shadowedThemeRoutes(routes, config);
        if (shadowed.length === 0) return;
        const message = shadowed.map((route) => route.message).join('\n');
        const hint = shadowed.map((route) => route.hint).join('\n');
        // A dev server keeps running (the file may be on its way out); a build stops.
        if (!isBuild) logger.error(`${message}\n${hint}`);
        else throw new AstroError(message, hint);
      },
    },
  };
}
