/**
 * A digest of the theme's own rendering code: its version and the text of every module of its
 * Markdown pipeline (src/markdown/). Astro keeps rendered posts in its content store from one
 * build to the next and renders a post again only when the digest of its inputs changes; the
 * loader mixes this one in, so a theme update (or a change to the theme's code in this
 * repository) renders every post again instead of publishing HTML the old code made.
 * Computed once per process: a few dozen small files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const THEME_DIR = fileURLToPath(new URL('../../', import.meta.url));

let digest: string | undefined;

/** The digest of this theme's code (once per process). */
export function themeCodeDigest(): string {
  digest ??= themeCodeDigestOf(THEME_DIR);
  return digest;
}

/** The digest of the theme at `themeDir` (its package.json and src/markdown/). */
export function themeCodeDigestOf(themeDir: string): string {
  const hash = createHash('sha256');
  try {
    hash.update(JSON.parse(readFileSync(join(themeDir, 'package.json'), 'utf8')).version ?? '');
  } catch {
    // No package.json beside the sources: the sources alone decide.
  }
  const markdown = join(themeDir, 'src', 'markdown');
  let files: string[] = [];
  try {
    files = (readdirSync(markdown, { recursive: true }) as string[])
      .filter((file) => /\.[cm]?[jt]s$/.test(file))
      .sort();
  } catch {
    // Bundled without its sources: the version alone decides.
  }
  for (const file of files) {
    hash.update(`\u0000${file}\u0000`);
    hash.update(readFileSync(join(markdown, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
