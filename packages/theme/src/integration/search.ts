/**
 * Search with Pagefind: once the site is built, every post (the element marked
 * `data-pagefind-body`) is indexed into `dist/pagefind/`, which the search page loads in
 * small pieces on demand. All pages go into one index in the site's language, so a Korean
 * post on an English site is found from the one search page.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createIndex, close } from 'pagefind';
import { FORMULA_COPIES } from '../markdown/readable-text.ts';
import { POSTS_DIR } from '../utils/urls.ts';

/**
 * `language` puts every page into one index in that language (a one-language site); without
 * it, Pagefind makes one index per `<html lang>` and each language's search page reads its own.
 */
export function chirpySearch(language: string | undefined): AstroIntegration {
  return {
    name: 'astro-theme-chirpy/search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({
          ...(language ? { forceLanguage: language } : {}),
          // Each formula once, not as KaTeX's HTML, its MathML and its TeX.
          excludeSelectors: [...FORMULA_COPIES],
        });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          // Only post pages carry `data-pagefind-body`: reading the rest would find nothing to index.
          const added = await index.addDirectory({
            path: site,
            glob: language ? `${POSTS_DIR}/**/*.html` : `{${POSTS_DIR},*/${POSTS_DIR}}/**/*.html`,
          });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          if (written.errors.length > 0)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Search: index written to pagefind/ (${added.page_count} post pages read).`);
        } finally {
          // Pagefind runs as a child process: stop it whether or not indexing worked.
          await close();
        }
      },
    },
  };
}
