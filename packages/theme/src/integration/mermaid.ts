/**
 * Mermaid is optional: the site installs `mermaid` to get diagrams. When it is there, its
 * single-file build is served from the site itself (no third-party request), loaded only on
 * posts with `mermaid: true` that have a diagram, and written into the build only when such a
 * post exists: a build-time route (routes/mermaid-used.json.ts) tells, from the posts'
 * render facts, whether one does; the file is copied after the build if so.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { basePrefix } from '../utils/urls.ts';

/** The path of mermaid's browser bundle, resolved from the site, or undefined when not installed. */
export function findMermaid(root: URL): string | undefined {
  try {
    return createRequire(fileURLToPath(new URL('package.json', root))).resolve('mermaid/dist/mermaid.min.js');
  } catch {
    return undefined;
  }
}

/** Where the bundle goes in the build: named by mermaid's version, so a new one is fetched anew. */
function builtName(bundle: string): string {
  let version = 'unknown';
  try {
    const manifest = JSON.parse(readFileSync(join(dirname(bundle), '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    version = manifest.version ?? version;
  } catch {
    // keep "unknown"
  }
  return `_chirpy/mermaid-${version}.min.js`;
}

/** The file the route writes into the output folder: whether any post draws a diagram. */
export const MERMAID_USED_FILE = '_chirpy-mermaid-used.json';

/**
 * The `virtual:chirpy/mermaid` module: the bundle's URL, or `undefined`. In `astro dev` the
 * dev server serves the file where it is; in a build it is the copy made after the build.
 */
export function mermaidModule(root: URL, command: string, base: string): string {
  const bundle = findMermaid(root);
  if (!bundle) return 'export default undefined;';
  if (command !== 'build') return `export { default } from ${JSON.stringify(`${bundle}?url`)};`;
  return `export default ${JSON.stringify(`${basePrefix(base)}/${builtName(bundle)}`)};`;
}

/** Copies the bundle into the build when a post uses it. Undefined when mermaid is not installed. */
export function chirpyMermaid(root: URL): AstroIntegration | undefined {
  const bundle = findMermaid(root);
  if (!bundle) return undefined;
  return {
    name: 'astro-theme-chirpy/mermaid',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'build') return;
        injectRoute({
          pattern: `/${MERMAID_USED_FILE}`,
          entrypoint: new URL('../routes/mermaid-used.json.ts', import.meta.url),
          prerender: true,
        });
      },
      'astro:build:done': ({ dir }) => {
        const facts = fileURLToPath(new URL(MERMAID_USED_FILE, dir));
        if (!existsSync(facts)) return;
        const { used } = JSON.parse(readFileSync(facts, 'utf8')) as { used: boolean };
        rmSync(facts, { force: true });
        if (!used) return;
        const target = fileURLToPath(new URL(builtName(bundle), dir));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(bundle, target);
      },
    },
  };
}
