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

export type { ChirpyConfig, ChirpyUserConfig } from './config.ts';
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
        const markdown = setUpMarkdown(config, astroConfig, logger);
        const hasMdx = astroConfig.integrations.some((candidate) => candidate.name === '@astrojs/mdx');
        updateConfig({
          ...(markdown ? { markdown } : {}),
          ...(hasMdx ? {} : { integrations: [mdx()] }),
          vite: { plugins: [vitePluginChirpy(config, astroConfig.root, command)] },
        });
      },
    },
  };
}
