/**
 * What a multilingual site needs beyond the routes (index.ts injects each page once per
 * language): the middleware that localises links on other languages' pages, and each
 * language's 404 page at `/<code>/404.html`, where jekyll-polyglot put it and hosts look for it.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteLanguages } from '../utils/languages.ts';

export function chirpyLanguages(languages: SiteLanguages): AstroIntegration {
  return {
    name: 'astro-theme-chirpy/languages',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./localize-links.ts', import.meta.url), order: 'post' });
      },
      'astro:build:done': ({ dir }) => {
        for (const language of languages.list.filter((candidate) => !candidate.isDefault)) {
          const folder = fileURLToPath(new URL(`${language.code}/404/`, dir));
          const page = `${folder}index.html`;
          if (!existsSync(page)) continue;
          renameSync(page, fileURLToPath(new URL(`${language.code}/404.html`, dir)));
          rmSync(folder, { recursive: true, force: true });
        }
      },
    },
  };
}
