/**
 * `/sitemap.xml` through @astrojs/sitemap: every page, with `lastmod` for posts (their
 * `last_modified_at`, else their date). Post pages register their dates while they are
 * built; the sitemap, written after the pages, reads them. Chirpy's sitemap lived at
 * `/sitemap.xml`, so the index is written there too.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { processWide } from './shared.ts';

const registry = () => processWide('lastmod', () => new Map<string, Date>());

/** Called by the post page: the absolute URL of a post and when it last changed. */
export function registerLastModified(url: string, date: Date): void {
  registry().set(url, date);
}

const redirects = () => processWide('redirect-urls', () => new Set<string>());

/** Called by redirect pages: old URLs stay out of the sitemap, as jekyll-redirect-from kept them out. */
export function registerRedirect(url: string): void {
  redirects().add(url);
}

export function chirpySitemap(): AstroIntegration[] {
  return [
    sitemap({
      serialize(item) {
        if (redirects().has(item.url)) return undefined;
        const lastmod = registry().get(item.url);
        return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
      },
    }),
    {
      name: 'astro-theme-chirpy/sitemap-alias',
      hooks: {
        // A new build starts with empty registries (several builds can share one process).
        'astro:build:start': () => {
          registry().clear();
          redirects().clear();
        },
        'astro:build:done': ({ dir }) => {
          const index = fileURLToPath(new URL('sitemap-index.xml', dir));
          if (existsSync(index)) copyFileSync(index, fileURLToPath(new URL('sitemap.xml', dir)));
        },
      },
    },
  ];
}
