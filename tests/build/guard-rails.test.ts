/**
 * A new site's mistakes stop the build with a message that names what and how to fix it
 * (integration/guard-rails.ts): no `site`, no content config or one without chirpyLoader(), a page
 * of the site at a URL the theme publishes. Option mistakes are in tests/unit/config.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFailure, buildSite, post } from '../helpers/site.ts';

const POSTS = { '2024-01-01-hello.md': post({ title: 'Hello' }) };

describe('guard rails', () => {
  it('a build without site stops, saying why and what to set', async () => {
    const message = await buildFailure('guard-no-site', { posts: POSTS, astro: { site: undefined } });
    expect(message).toContain('`site` is not set in astro.config');
    expect(message).toContain("defineConfig({ site: 'https://username.github.io'");
  });

  it("the template's index page does not silently replace the blog's home", async () => {
    const message = await buildFailure('guard-shadow', {
      posts: POSTS,
      files: { 'src/pages/index.astro': '<h1>Astro</h1>\n' },
    });
    expect(message).toContain(
      "src/pages/index.astro is at /, where the theme publishes its home page: the site's file would silently replace it.",
    );
    expect(message).toContain('chirpy({ routes: { home: false } })');
  });

  it('a page of its own is fine once the theme’s is turned off', async () => {
    const site = await buildSite('guard-shadow-off', {
      posts: POSTS,
      files: { 'src/pages/tags.astro': '<h1>My tags</h1>\n' },
      options: { routes: { tags: false } },
    });
    expect(site.html('/tags/').querySelector('h1')!.text).toBe('My tags');
  });

  it('no content config, or one without chirpyLoader, says what to write', async () => {
    const missing = await buildFailure('guard-no-collection', {
      posts: POSTS,
      beforeBuild: (root) => rmSync(join(root, 'src/content.config.ts')),
    });
    expect(missing).toContain('The posts collection is missing: there is no src/content.config.ts.');
    expect(missing).toContain("chirpyLoader } from 'astro-theme-chirpy/loaders'");
    const other = await buildFailure('guard-other-loader', {
      posts: POSTS,
      beforeBuild: (root) =>
        writeFileSync(
          join(root, 'src/content.config.ts'),
          "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
            "export const collections = { posts: defineCollection({ loader: glob({ pattern: '**/*.md', base: 'src/content/posts' }) }) };\n",
        ),
    });
    expect(other).toContain('src/content.config.ts does not use chirpyLoader()');
  });
});
