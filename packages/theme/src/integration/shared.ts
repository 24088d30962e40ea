/**
 * The one channel between the integration and the loader. The loader runs inside the user's
 * content config, which Astro loads in its own module graph (and it re-parses the integration
 * list, dropping extra keys), so the options `chirpy()` parsed in `astro.config` are kept here,
 * process-wide, keyed by the project root. The loader warns when it finds none (a site without
 * `chirpy()` in its integrations) and reads dates in UTC.
 */
import type { ChirpyConfig } from '../config.ts';
import type { PipelineOptions } from '../markdown/pipeline.ts';

export const INTEGRATION_NAME = 'astro-theme-chirpy';

/** A map kept on `globalThis` under `name`, so every module graph of the process sees the same one. */
function processWide<T>(name: string): Map<string, T> {
  const key = Symbol.for(`astro-theme-chirpy/${name}`);
  const holder = globalThis as typeof globalThis & { [key: symbol]: Map<string, T> | undefined };
  return (holder[key] ??= new Map());
}

const configs = processWide<ChirpyConfig>('configs');

export function registerThemeConfig(root: URL, config: ChirpyConfig): void {
  configs.set(root.href, config);
}

export function findThemeConfig(root: URL): ChirpyConfig | undefined {
  return configs.get(root.href);
}

/**
 * What `chirpy()` added to the site's Markdown processor (integration/markdown.ts), kept for the
 * loader's render pool (render-pool/): the pipeline's options (plain data a worker thread can
 * rebuild the plugins from), the plugin entries and remark-rehype options it added (to tell
 * them from a site's own, by identity), and the logger's `warn` the plugins report to.
 */
export interface MarkdownSetup {
  pipeline: Omit<PipelineOptions, 'warn'>;
  remarkPlugins: readonly unknown[];
  rehypePlugins: readonly unknown[];
  remarkRehype: Readonly<Record<string, unknown>>;
  warn: (message: string) => void;
}

const markdownSetups = processWide<MarkdownSetup>('markdown-setups');

export function registerMarkdownSetup(root: URL, setup: MarkdownSetup): void {
  markdownSetups.set(root.href, setup);
}

export function findMarkdownSetup(root: URL): MarkdownSetup | undefined {
  return markdownSetups.get(root.href);
}
