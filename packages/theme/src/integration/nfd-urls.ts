/**
 * Post URLs in decomposed Unicode (NFD), as Jekyll published them for files named that way.
 * The theme's URL is the NFC form; the old one gets a redirect page. Astro normalises page paths
 * to NFC (the redirect would land on the post itself), so redirect.ts builds it under an ASCII
 * stand-in, `_chirpy-nfd/<hex of the slug>/`, and this moves it to `posts/<slug>/` once the
 * build is done. Where the file system does not tell NFD from NFC (macOS), the target already
 * exists and nothing is moved.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { POSTS_DIR, postPath } from '../utils/urls.ts';

const STAND_IN = '_chirpy-nfd';

/** Where redirect.ts builds the page for the post slug `slug` (as written, NFD). */
export function nfdStandIn(slug: string): string {
  return `${STAND_IN}/${Buffer.from(slug, 'utf8').toString('hex')}/index.html`;
}

export function chirpyNfdUrls(): AstroIntegration {
  return {
    name: 'astro-theme-chirpy/nfd-urls',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const standIns = join(outDir, STAND_IN);
        if (!existsSync(standIns)) return;
        for (const hex of readdirSync(standIns)) {
          const slug = Buffer.from(hex, 'hex').toString('utf8');
          const target = join(outDir, POSTS_DIR, slug);
          if (existsSync(target)) {
            logger.warn(
              `${postPath(slug)} (the NFD form of a post URL) cannot be kept: this file system treats it as the NFC form.`,
            );
            continue;
          }
          mkdirSync(target, { recursive: true });
          renameSync(join(standIns, hex, 'index.html'), join(target, 'index.html'));
        }
        rmSync(standIns, { recursive: true, force: true });
      },
    },
  };
}
