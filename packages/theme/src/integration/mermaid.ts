/**
 * Mermaid is optional: the site installs `mermaid` to get diagrams. When it is there, its
 * single-file build is served from the site itself (no third-party request) and loaded only
 * on posts with `mermaid: true` that have a diagram.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The path of mermaid's browser bundle, resolved from the site, or undefined when not installed. */
export function findMermaid(root: URL): string | undefined {
  try {
    return createRequire(fileURLToPath(new URL('package.json', root))).resolve('mermaid/dist/mermaid.min.js');
  } catch {
    return undefined;
  }
}

/** The `virtual:chirpy/mermaid` module: the bundle's URL, or `undefined`. */
export function mermaidModule(root: URL): string {
  const path = findMermaid(root);
  return path ? `export { default } from ${JSON.stringify(`${path}?url`)};` : 'export default undefined;';
}
