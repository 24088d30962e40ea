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
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type * from './types.ts';
export { chirpyLoader } from './loaders.ts';
export { chirpySchema } from './schema.ts';

export default function chirpy(options: ChirpyUserConfig): AstroIntegration {
  const config = parseChirpyConfig(options);
  return {
    name: INTEGRATION_NAME,
    hooks: {
      'astro:config:setup': ({ config: astroConfig, command, updateConfig, injectRoute, logger }) => {
        registerThemeConfig(astroConfig.root, config);
        for (const route of enabledRoutes(config)) {
          injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
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
        const has = (name: string) => astroConfig.integrations.some((candidate) => candidate.name === name);
        const integrations = [
          ...(has('@astrojs/mdx') ? [] : [mdx()]),
          // The sitemap needs absolute URLs, so it comes with `site`.
          ...(config.routes.seo && astroConfig.site && !has('@astrojs/sitemap') ? chirpySitemap() : []),
          ...(config.routes.search ? [chirpySearch(config.locale.split('-')[0]!)] : []),
          ...(config.routes.posts ? [chirpyNfdUrls()] : []),
        ];
        updateConfig({
          ...(markdown ? { markdown } : {}),
          ...(integrations.length > 0 ? { integrations } : {}),
          vite: {
            plugins: [vitePluginChirpy(config, astroConfig.root, command, astroConfig.base, favicons)],
          },
        });
      },
    },
  };
}
