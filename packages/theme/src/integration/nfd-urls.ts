/**
 * Post URLs in decomposed Unicode (NFD), as Jekyll published them for files named that way
 * (under each language's prefix on a multilingual site). The theme's URL is the NFC form; the old
 * one gets a redirect page. Astro normalises page paths to NFC (the redirect would land on the
 * post itself), so redirect.ts builds it under an ASCII stand-in, `_chirpy-nfd/<hex of the path>/`,
 * and this moves it to the path (`posts/<slug>/`, `ko/posts/<slug>/`) once the build is done. Where the file system does not tell NFD from NFC (macOS), the target already
 * exists and nothing is moved.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const STAND_IN = '_chirpy-nfd';

/** Where redirect.ts builds the page for `path` (`posts/<slug>` or `ko/posts/<slug>`, the slug as written, NFD). */
export function nfdStandIn(path: string): string {
  return `${STAND_IN}/${Buffer.from(path, 'utf8').toString('hex')}/index.html`;
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
          const path = Buffer.from(hex, 'hex').toString('utf8');
          const target = join(outDir, path);
          if (existsSync(target)) {
            logger.warn(
              `/${path}/ (the NFD form of a post URL) cannot be kept: this file system treats it as the NFC form.`,
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
