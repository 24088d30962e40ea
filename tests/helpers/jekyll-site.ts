/**
 * A whole Jekyll site built by Debian's Jekyll, as its owner's CI built it, with Chirpy's gem
 * (not in Debian) replaced by stub layouts: the gem adds layouts and its own assets, never a file
 * of the site, so the list of the site's files Jekyll publishes is the real one. Chirpy's plugins
 * that Debian has run for real (jekyll-paginate, jekyll-archives, jekyll-redirect-from,
 * jekyll-sitemap, jekyll-seo-tag, jekyll-polyglot when the site lists it).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The plugins Chirpy's gem brings in (its gemspec), which a site without the gem must list. */
const CHIRPY_PLUGINS = [
  'jekyll-paginate',
  'jekyll-archives',
  'jekyll-redirect-from',
  'jekyll-sitemap',
  'jekyll-seo-tag',
];
/** Chirpy's layouts, as stubs that only show the content. */
const CHIRPY_LAYOUTS = ['default', 'home', 'post', 'page', 'categories', 'tags', 'archives', 'category', 'tag'];

export interface JekyllSiteBuild {
  /** Every file Jekyll published, relative to `_site`, with `/` separators, sorted. */
  files: string[];
  /** `_site`. */
  out: string;
}

/** Builds the Jekyll site in `source` (left untouched) into `work`/_site. */
export async function buildJekyllSite(source: string, work: string): Promise<JekyllSiteBuild> {
  const site = join(work, 'site');
  const out = join(work, '_site');
  rmSync(work, { recursive: true, force: true });
  cpSync(source, site, { recursive: true });
  const configPath = join(site, '_config.yml');
  const config = readFileSync(configPath, 'utf8');
  const plugins = [...CHIRPY_PLUGINS, ...(/jekyll-polyglot/.test(config) ? ['jekyll-polyglot'] : [])];
  // No theme gem (`theme:` or `remote_theme:`, which a later config file cannot unset), and the
  // plugins in a second config file read after the site's, whatever form its own `plugins:` has.
  writeFileSync(configPath, config.replace(/^(?:remote_)?theme:.*$/gm, ''));
  const overrides = join(work, '_config.test.yml');
  writeFileSync(overrides, `plugins: ${JSON.stringify(plugins)}\n`);
  mkdirSync(join(site, '_layouts'), { recursive: true });
  for (const layout of CHIRPY_LAYOUTS) {
    const path = join(site, '_layouts', `${layout}.html`);
    if (!existsSync(path)) writeFileSync(path, '{{ content }}\n');
  }
  const configs = `${join(site, '_config.yml')},${overrides}`;
  await run('jekyll', ['build', '--quiet', '--source', site, '--destination', out, '--config', configs], {
    cwd: work,
    maxBuffer: 64 * 1024 * 1024,
    // The site's Gemfile names Chirpy's gem, which is not here: Jekyll must not load it through Bundler.
    env: { ...process.env, JEKYLL_ENV: 'production', LANG: 'C.UTF-8', JEKYLL_NO_BUNDLER_REQUIRE: 'true' },
  });
  return { out, files: listFiles(out) };
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Whether a source file is one Jekyll copies as it is (no front matter), not one it renders. */
export function isStaticSource(path: string): boolean {
  if (!existsSync(path)) return false;
  const head = readFileSync(path)
    .subarray(0, 8)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return !/^---[ \t]*\r?\n/.test(head);
}
