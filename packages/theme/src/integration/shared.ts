/**
 * The one channel between the integration and the loader. The loader runs inside the user's
 * content config, which Astro loads in its own module graph (and it re-parses the integration
 * list, dropping extra keys), so the options `chirpy()` parsed in `astro.config` are kept here,
 * process-wide, keyed by the project root. The loader warns when it finds none (a site without
 * `chirpy()` in its integrations) and reads dates in UTC.
 */
import type { ChirpyConfig } from '../config.ts';

export const INTEGRATION_NAME = 'astro-theme-chirpy';

const KEY = Symbol.for('astro-theme-chirpy/configs');

function registry(): Map<string, ChirpyConfig> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, ChirpyConfig> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function registerThemeConfig(root: URL, config: ChirpyConfig): void {
  registry().set(root.href, config);
}

export function findThemeConfig(root: URL): ChirpyConfig | undefined {
  return registry().get(root.href);
}
