/**
 * A vitest project in which the theme's modules run as they do inside an Astro build, without
 * one: `virtual:chirpy/*` comes from the theme's own Vite plugin with the options a test folder
 * gives, and `astro:content` from that folder's `content.ts` (its posts). Used by the
 * `tests/virtual/<name>/vitest.config.ts` files, which the root config lists as projects.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineProject } from 'vitest/config';
import { parseChirpyConfig, type ChirpyUserConfig } from '../../packages/theme/src/config.ts';
import { resolveFavicons } from '../../packages/theme/src/integration/favicons.ts';
import { vitePluginChirpy } from '../../packages/theme/src/integration/virtual-modules.ts';

export interface ChirpyProjectSpec {
  /** The theme's options, as `chirpy()` takes them. */
  options: ChirpyUserConfig;
  /** Astro's `base`. Default `/`. */
  base?: string;
}

/** The vitest project of the folder holding `configUrl` (pass `import.meta.url`). */
export function chirpyVitestProject(configUrl: string, spec: ChirpyProjectSpec) {
  const folder = dirname(fileURLToPath(configUrl));
  const name = folder.split(/[\\/]/).pop()!;
  const root = pathToFileURL(join(folder, '/'));
  const config = parseChirpyConfig(spec.options);
  const favicons = resolveFavicons(config.favicon, new URL('public/', root));
  const content = join(folder, 'content.ts');
  return defineProject({
    plugins: [
      vitePluginChirpy(config, root, 'build', spec.base ?? '/', favicons),
      {
        name: 'chirpy-test-content',
        resolveId(id: string) {
          if (id === 'astro:content') {
            if (!existsSync(content))
              throw new Error(`${folder}: astro:content is imported, but content.ts is missing.`);
            return content;
          }
          return undefined;
        },
      },
    ],
    test: { name: `virtual:${name}`, include: [join(folder, '*.test.ts')] },
  });
}
