/**
 * The Vite plugin behind `virtual:chirpy/*`: the parsed options, and one module per
 * overridable component that re-exports either the site's own file or the theme's.
 */
import { fileURLToPath } from 'node:url';
import type { ChirpyConfig } from '../config.ts';
import { OVERRIDABLE_COMPONENTS } from '../config.ts';
import type { Favicons } from './favicons.ts';
import { mermaidModule } from './mermaid.ts';
import type { ServedPaths } from './served-paths.ts';
import { basePrefix } from '../utils/urls.ts';

const PREFIX = 'virtual:chirpy/';

export function componentModules(config: ChirpyConfig, root: URL): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const name of OVERRIDABLE_COMPONENTS) {
    const override = config.components[name];
    const path = override
      ? fileURLToPath(new URL(override, root))
      : fileURLToPath(new URL(`../components/${name}.astro`, import.meta.url));
    modules[`components/${name}`] = `export { default } from ${JSON.stringify(path)};`;
  }
  return modules;
}

export function vitePluginChirpy(
  config: ChirpyConfig,
  root: URL,
  command: string,
  base: string,
  favicons: Favicons,
  served?: ServedPaths,
) {
  // The site's `base`, always ending in a slash. (`import.meta.env.BASE_URL` reads `/` in the
  // theme's modules when they are rendered at build time, so the theme does not rely on it.)
  const siteBase = `${basePrefix(base)}/`;
  const modules: Record<string, string> = {
    config: [
      `export default ${JSON.stringify(config)};`,
      `export const isBuild = ${JSON.stringify(command === 'build')};`,
      `export const base = ${JSON.stringify(siteBase)};`,
      `export const favicons = ${JSON.stringify(favicons)};`,
    ].join('\n'),
    mermaid: mermaidModule(root, command, base),
    ...componentModules(config, root),
  };
  /** Modules made when first asked for: what they hold is known only once routes are resolved. */
  const lateModules: Record<string, () => string> = {
    served: () => served?.module() ?? 'export const routes = [];\nexport const publicFiles = [];',
  };
  return {
    name: 'vite-plugin-astro-theme-chirpy',
    resolveId(id: string) {
      const name = id.slice(PREFIX.length);
      if (id.startsWith(PREFIX) && (name in modules || name in lateModules)) return `\0${id}`;
      return undefined;
    },
    load(id: string) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const name = id.slice(PREFIX.length + 1);
      return modules[name] ?? lateModules[name]?.();
    },
  };
}
