/**
 * How the loader (running inside the user's content config) finds the options `chirpy()`
 * parsed in `astro.config`. Astro re-parses the integration list (dropping extra keys) and
 * loads the two config files in separate module graphs, so the options are registered
 * process-wide, keyed by the project root.
 */
import type { ChirpyConfig } from '../config.ts';

export const INTEGRATION_NAME = 'astro-theme-chirpy';

/** A value shared by every module graph in this process, made on first use. */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`astro-theme-chirpy/${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  holder[key] ??= create();
  return holder[key];
}

const registry = () => processWide('configs', () => new Map<string, ChirpyConfig>());

export function registerThemeConfig(root: URL, config: ChirpyConfig): void {
  registry().set(root.href, config);
}

export function findThemeConfig(root: URL): ChirpyConfig | undefined {
  return registry().get(root.href);
}
