/**
 * `/sitemap.xml` through @astrojs/sitemap: every page, with `lastmod` for posts (their
 * `last_modified_at`, else their date), without redirect pages (jekyll-redirect-from kept them
 * out). Those facts come from the posts themselves: a build-time route
 * (routes/sitemap-data.json.ts) writes them to a file, which the sitemap reads once the pages
 * are built and which is then removed. Chirpy's sitemap lived at `/sitemap.xml`, so the index
 * is written there too.
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The file routes/sitemap-data.json.ts writes into the output folder. */
export const SITEMAP_DATA_FILE = '_chirpy-sitemap-data.json';

export interface SitemapData {
  /** Absolute post URL → ISO date of its last change. */
  lastmod: Record<string, string>;
  /** Absolute URLs of redirect pages. */
  redirects: string[];
  /** On a multilingual site: a post page's translations (and `x-default`), by its absolute URL. */
  alternates?: Record<string, { lang: string; url: string }[]>;
}

/** One spelling for a URL, however its path is percent-encoded. */
function sameUrl(href: string): string {
  const parsed = new URL(href);
  try {
    return `${parsed.origin}${decodeURI(parsed.pathname)}`;
  } catch {
    return `${parsed.origin}${parsed.pathname}`;
  }
}

export function chirpySitemap(): AstroIntegration[] {
  let outDir: URL | undefined;
  let facts:
    | { lastmod: Map<string, string>; redirects: Set<string>; alternates: Map<string, { lang: string; url: string }[]> }
    | undefined;
  const dataFile = () => (outDir ? fileURLToPath(new URL(SITEMAP_DATA_FILE, outDir)) : undefined);
  const read = () => {
    if (facts) return facts;
    const file = dataFile();
    if (!file || !existsSync(file)) throw new Error(`The sitemap's post data (${SITEMAP_DATA_FILE}) was not built.`);
    const data = JSON.parse(readFileSync(file, 'utf8')) as SitemapData;
    facts = {
      lastmod: new Map(Object.entries(data.lastmod).map(([url, date]) => [sameUrl(url), date])),
      redirects: new Set(data.redirects.map(sameUrl)),
      alternates: new Map(Object.entries(data.alternates ?? {}).map(([url, links]) => [sameUrl(url), links])),
    };
    return facts;
  };
  return [
    {
      name: 'astro-theme-chirpy/sitemap-data',
      hooks: {
        'astro:config:setup': ({ injectRoute }) => {
          injectRoute({
            pattern: `/${SITEMAP_DATA_FILE}`,
            entrypoint: new URL('../routes/sitemap-data.json.ts', import.meta.url),
            prerender: true,
          });
        },
        'astro:config:done': ({ config }) => {
          outDir = config.outDir;
        },
        // A new build reads its own data (several builds can share one process).
        'astro:build:start': () => {
          facts = undefined;
        },
      },
    },
    sitemap({
      serialize(item) {
        const { lastmod, redirects, alternates } = read();
        const key = sameUrl(item.url);
        if (redirects.has(key)) return undefined;
        const date = lastmod.get(key);
        const links = alternates.get(key);
        return { ...item, ...(date ? { lastmod: date } : {}), ...(links ? { links } : {}) };
      },
    }),
    {
      name: 'astro-theme-chirpy/sitemap-alias',
      hooks: {
        'astro:build:done': ({ dir }) => {
          const data = fileURLToPath(new URL(SITEMAP_DATA_FILE, dir));
          rmSync(data, { force: true });
          const index = fileURLToPath(new URL('sitemap-index.xml', dir));
          if (existsSync(index)) copyFileSync(index, fileURLToPath(new URL('sitemap.xml', dir)));
        },
      },
    },
  ];
}
