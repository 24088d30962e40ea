/**
 * The whole site moves, judged by Jekyll's own build of it: each fixture Jekyll site (under
 * tests/fixtures/jekyll-sites/) is built by Debian's Jekyll with Chirpy's plugins
 * (tests/helpers/jekyll-site.ts), then moved by `astro-theme-chirpy migrate` and built by the
 * theme. Every static file Jekyll published is published byte for byte, and every HTML URL is a
 * page or a redirect, except what REPLACED lists, with what takes its place.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJekyllSite, isStaticSource, listFiles, type JekyllSiteBuild } from '../helpers/jekyll-site.ts';
import { buildProject, REPO_DIR, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const BIN = join(REPO_DIR, 'packages/theme/bin/astro-theme-chirpy.mjs');
const FIXTURES = join(TESTS_DIR, 'fixtures/jekyll-sites');

/**
 * Files Jekyll's plugins generate that the theme replaces, each with the theme's file that takes
 * its place (checked to exist) and why.
 */
const REPLACED: Record<string, { by: RegExp; why: string }> = {
  'sitemap.xml': { by: /^sitemap-index\.xml$/, why: "jekyll-sitemap's sitemap; @astrojs/sitemap's index and pages" },
  'robots.txt': { by: /^robots\.txt$/, why: "jekyll-sitemap's robots.txt; the theme's names the theme's sitemap" },
  'redirects.json': {
    by: /^posts\/[^/]+\/index\.html$/,
    why: "jekyll-redirect-from's list of redirects for its JavaScript; the theme writes each redirect page",
  },
  'assets/style.css': { by: /^_astro\/.+\.css$/, why: "Chirpy's Sass, compiled by Jekyll; the theme's stylesheet" },
  'assets/style.css.map': { by: /^_astro\/.+\.css$/, why: 'the source map of that Sass' },
};

describe.each(['starter', 'chirpy3-collections'])('the %s site, moved', (name) => {
  const work = join(TESTS_DIR, '.tmp', `whole-site-${name}`);
  let jekyll: JekyllSiteBuild;
  let site: BuiltSite;
  let report: string;
  beforeAll(async () => {
    jekyll = await buildJekyllSite(join(FIXTURES, name), join(work, 'jekyll'));
    const astro = join(work, 'astro');
    report = execFileSync('node', [BIN, 'migrate', join(work, 'jekyll', 'site'), astro], { encoding: 'utf8' });
    site = await buildProject(astro);
  });

  it('publishes every static file Jekyll published, byte for byte', () => {
    const source = join(work, 'jekyll', 'site');
    const statics = jekyll.files.filter((file) => isStaticSource(join(source, file)));
    expect(statics.length).toBeGreaterThan(0);
    const built = new Set(listFiles(site.dist));
    const missing = statics.filter((file) => !built.has(file));
    expect(missing, 'static files Jekyll published that the theme does not').toEqual([]);
    for (const file of statics) {
      expect(readFileSync(join(site.dist, file)).equals(readFileSync(join(jekyll.out, file))), file).toBe(true);
    }
  });

  it('keeps every HTML URL as a page or a redirect', () => {
    const source = join(work, 'jekyll', 'site');
    const pages = jekyll.files.filter((file) => /\.html$/.test(file) && !isStaticSource(join(source, file)));
    expect(pages.length).toBeGreaterThan(10);
    const built = new Set(listFiles(site.dist));
    expect(
      pages.filter((file) => !built.has(file)),
      'HTML URLs Jekyll published that the moved site lacks',
    ).toEqual([]);
  });

  it('replaces what Jekyll generated with the theme’s own, and reports the rest', () => {
    const source = join(work, 'jekyll', 'site');
    const generated = jekyll.files.filter((file) => !/\.html$/.test(file) && !isStaticSource(join(source, file)));
    const built = listFiles(site.dist);
    for (const file of generated) {
      const replacement = REPLACED[file];
      if (replacement) {
        expect(
          built.some((path) => replacement.by.test(path)),
          `${file} → ${replacement.by}`,
        ).toBe(true);
      } else {
        // A page Jekyll rendered that the theme does not make: the report names it.
        expect(report, `${file} is neither replaced nor reported`).toContain(file);
      }
    }
  });

  it('says what it did not carry', () => {
    expect(report).not.toContain('Error');
  });
});
