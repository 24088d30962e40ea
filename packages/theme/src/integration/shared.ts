/**
 * How the loader (running inside the user's content config) finds the options `chirpy()`
 * parsed in `astro.config`. Astro re-parses the integration list (dropping extra keys) and
 * loads the two config files in separate module graphs, so the options are registered
 * process-wide, keyed by the project root.
 */
import type { ChirpyConfig } from '../config.ts';

export const INTEGRATION_NAME = 'astro-theme-chirpy';

const REGISTRY = Symbol.for('astro-theme-chirpy/configs');
type Registry = Map<string, ChirpyConfig>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

export function registerThemeConfig(root: URL, config: ChirpyConfig): void {
  registry().set(root.href, config);
}

export function findThemeConfig(root: URL): ChirpyConfig | undefined {
  return registry().get(root.href);
}
