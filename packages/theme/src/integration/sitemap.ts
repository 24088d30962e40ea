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

const REGISTRY = Symbol.for('astro-theme-chirpy/lastmod');
type Registry = Map<string, Date>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** Called by the post page: the absolute URL of a post and when it last changed. */
export function registerLastModified(url: string, date: Date): void {
  registry().set(url, date);
}

const REDIRECTS = Symbol.for('astro-theme-chirpy/redirect-urls');

function redirects(): Set<string> {
  const holder = globalThis as typeof globalThis & { [REDIRECTS]?: Set<string> };
  holder[REDIRECTS] ??= new Set();
  return holder[REDIRECTS];
}

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
        'astro:build:done': ({ dir }) => {
          const index = fileURLToPath(new URL('sitemap-index.xml', dir));
          if (existsSync(index)) copyFileSync(index, fileURLToPath(new URL('sitemap.xml', dir)));
        },
      },
    },
  ];
}
