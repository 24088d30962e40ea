/**
 * What a site serves apart from the theme's dynamic pages: every route without parameters (the
 * site's own pages, the theme's fixed pages and endpoints, Astro's `redirects`), read from
 * `astro:routes:resolved`, and every file in `public/`. A post's `redirect_from` may land on none
 * of them (data/redirects.ts); the pages reach this list through `virtual:chirpy/served`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IntegrationResolvedRoute } from 'astro';

export interface ServedRoute {
  /** The route's URL path (`/`, `/tags`, `/feed.xml`, `/about`). */
  path: string;
  /** `page` (written as `<path>/index.html`, or `404.html`) or `endpoint` (written as `<path>`). */
  kind: 'page' | 'endpoint';
  /** Where it comes from: the site's own `src/pages`, or an integration (the theme). */
  origin: 'project' | 'integration';
}

/** The fixed routes of the last `astro:routes:resolved`, for the Vite plugin to read when asked. */
export class ServedPaths {
  routes: ServedRoute[] = [];

  private readonly publicDir: URL;

  constructor(publicDir: URL) {
    this.publicDir = publicDir;
  }

  /** Keeps the routes Astro writes files for: prerendered and without parameters. */
  update(routes: IntegrationResolvedRoute[]): void {
    this.routes = routes
      .filter((route) => route.isPrerendered && route.params.length === 0 && route.origin !== 'internal')
      .map((route) => ({
        path: route.pattern,
        kind: route.type === 'endpoint' ? 'endpoint' : 'page',
        origin: route.origin === 'project' ? 'project' : 'integration',
      }));
  }

  /** The files in `public/`, relative to it, with `/` separators. */
  publicFiles(): string[] {
    try {
      const dir = fileURLToPath(this.publicDir);
      return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((entry) => entry.isFile() || entry.isSymbolicLink())
        .map((entry) => `${entry.parentPath.slice(dir.length).replace(/^[\\/]+/, '')}/${entry.name}`)
        .map((path) => path.split('\\').join('/').replace(/^\//, ''));
    } catch {
      return [];
    }
  }

  /** The module `virtual:chirpy/served`. */
  module(): string {
    return [
      `export const routes = ${JSON.stringify(this.routes)};`,
      `export const publicFiles = ${JSON.stringify(this.publicFiles())};`,
    ].join('\n');
  }
}
