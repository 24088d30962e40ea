/**
 * Everything Jekyll publishes keeps its URL: a Chirpy 3.0 site (forked from the theme, as 3.x
 * sites were) and a Chirpy 7 site with `collections_dir`, each built by Debian's Jekyll (its reader
 * decides what is published: `include`, `exclude` with Jekyll's defaults and Chirpy's list, dot,
 * underscore, `#` and `~` names, backups, front matter or not), then moved by `migrate`. Every file
 * Jekyll copied is in `public/` byte for byte, or reported as replaced by the theme; every page
 * Jekyll rendered is carried or reported; nothing it did not publish is copied. The Chirpy 3.0
 * site is built by the theme too: its old /tabs/<name>/ addresses send readers to /<name>/.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, REPO_DIR, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const run = promisify(execFile);
const BIN = join(REPO_DIR, 'packages/theme/bin/astro-theme-chirpy.mjs');

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const BOM = '\uFEFF';

/** A Chirpy 3.0 site: its `_config.yml` (3.0's exclude list, tabs without a permalink), forked files and additions. */
const CHIRPY3: Record<string, string | Buffer> = {
  '_config.yml': [
    'title: Chirpy Three',
    'url: "https://three.example.com"',
    'timezone: UTC',
    'permalink: /posts/:title/',
    'collections:',
    '  tabs:',
    '    output: true',
    '    sort_by: order',
    'defaults:',
    '  - scope: { path: "", type: posts }',
    '    values: { layout: post, comments: true, toc: true }',
    '  - scope: { path: _drafts }',
    '    values: { comments: false }',
    '  - scope: { path: "", type: tabs }',
    '    values: { layout: page, dynamic_title: true }',
    'include: [_redirects, .well-known]',
    'exclude:',
    '  - vendor',
    '  - Gemfile.lock',
    '  - Gemfile',
    '  - tools',
    '  - docs',
    '  - README.md',
    '  - LICENSE',
    '  - gulpfile.js',
    '  - node_modules',
    '  - package.json',
    '  - package-lock.json',
    '',
  ].join('\n'),
  // A path written relative to the post file, and an empty `image:`, as Chirpy accepts it.
  '_posts/2020-01-01-hello.md':
    '---\ntitle: Hello\ncategories: [Blog]\ntags: [first]\nimage:\n---\n\nA picture: ![Relative](../../assets/img/x.png)\n',
  '_posts/2020-02-02-second.md': '---\ntitle: Second\ncategories: [Blog]\n---\n\nMore.\n',
  '_tabs/about.md': '---\ntitle: About\nicon: fas fa-info\norder: 4\n---\n\nAbout this blog.\n',
  '_tabs/archives.md': '---\ntitle: Archives\nlayout: archives\norder: 3\n---\n',
  '_tabs/categories.md': '---\ntitle: Categories\nlayout: categories\norder: 1\n---\n',
  '_tabs/tags.md': '---\ntitle: Tags\nlayout: tags\norder: 2\n---\n',
  '_drafts/idea.md': '---\ntitle: Idea\n---\n\nLater.\n',
  '_includes/widget.html': '<div class="widget">{{ include.text }}</div>\n',
  '_data/settings.yml': 'a: 1\n',
  '_scripts/build.sh': 'echo\n',
  // Pages Jekyll renders.
  'index.html': '---\nlayout: home\n---\n',
  '404.html': '---\nlayout: page\ntitle: Not found\npermalink: /404.html\n---\n\nNothing here.\n',
  'feed.xml': '---\nlayout: compress\npermalink: /feed.xml\n---\n<feed></feed>\n',
  'robots.txt': '---\npermalink: /robots.txt\n---\nUser-agent: *\n',
  'sw.js': '---\nlayout: compress\npermalink: /sw.js\n---\nconst cache = 1;\n',
  'app.js': '---\nlayout: compress\npermalink: /app.js\n---\nconst app = 1;\n',
  'assets/js/data/search.json': '---\nlayout: compress\n---\n[]\n',
  'assets/css/style.scss': '---\n---\nbody { color: red; }\n',
  'about-me.md': '---\ntitle: About me\n---\n\nA page of its own.\n',
  'projects/index.md': '---\ntitle: Projects\n---\n\nThings I made.\n',
  // Files Jekyll copies as they are.
  'assets/img/x.png': PNG,
  'assets/img/favicons/favicon.ico': 'ICO',
  'assets/lib/fonts/font.woff2': 'FONT',
  'image/photo.jpg': 'JPEG',
  'imgs/sub/diagram.png': PNG,
  'google1a2b3c4d5e6f7a8b.html': 'google-site-verification: google1a2b3c4d5e6f7a8b.html',
  'naver0123456789abcdef.html': 'naver-site-verification: naver0123456789abcdef.html',
  'ads.txt': 'google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0\n',
  CNAME: 'three.example.com\n',
  'sitemap.xml': '<?xml version="1.0"?><urlset></urlset>\n',
  '.htaccess': 'ErrorDocument 404 /404.html\n',
  '.well-known/security.txt': 'Contact: mailto:me@example.com\n',
  _redirects: '/old /posts/hello/ 301\n',
  'nested/ok.txt': 'ok\n',
  // A byte order mark before `---`: Jekyll sees no front matter and copies the file.
  'bom.md': `${BOM}---\ntitle: BOM\n---\nraw\n`,
  // What Jekyll's reader leaves out.
  '.hidden.txt': 'hidden\n',
  '#scratch.txt': 'scratch\n',
  'notes.txt~': 'backup\n',
  'nested/_private/x.txt': 'private\n',
  'nested/.cache/x.txt': 'cache\n',
  'docs/index.md': '# docs\n',
  // `exclude: [docs]` is a prefix for Jekyll: docs-old/ is left out too.
  'docs-old/old.txt': 'old docs\n',
  'tools/deploy.sh': 'bundle exec jekyll b\n',
  'gulpfile.js': '// gulp\n',
  'package.json': '{"name":"chirpy"}\n',
  Gemfile: 'source "https://rubygems.org"\n',
  README: 'A readme without extension: published.\n',
  'README.md': '# Chirpy\n',
  LICENSE: 'MIT\n',
  'vendor/bundle/ruby/x.rb': '# gem\n',
  'node_modules/pkg/index.js': '// dependency\n',
  '.github/workflows/pages-deploy.yml': [
    "name: 'Automatic build'",
    'on:',
    '  push:',
    '    branches: [master]',
    '    paths-ignore: [.gitignore, README.md, LICENSE]',
    'jobs:',
    '  continuous-delivery:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v2',
    '        with: { fetch-depth: 0 }',
    '      - uses: ruby/setup-ruby@v1',
    '        with: { ruby-version: 2.7, bundler-cache: true }',
    '      - name: Deploy',
    '        run: bash tools/deploy.sh',
    '',
  ].join('\n'),
};

/** A Chirpy 7 site that keeps its collections in `collections/` (`collections_dir`). */
const COLLECTIONS: Record<string, string | Buffer> = {
  '_config.yml': [
    'theme: jekyll-theme-chirpy',
    'title: Collected',
    'url: "https://collected.example.com"',
    'timezone: UTC',
    'collections_dir: collections',
    'collections:',
    '  tabs:',
    '    output: true',
    '    sort_by: order',
    'defaults:',
    '  - scope: { path: "", type: posts }',
    '    values: { layout: post, comments: true, toc: true, permalink: /posts/:title/ }',
    '  - scope: { path: "", type: tabs }',
    '    values: { layout: page, permalink: /:title/ }',
    'exclude: ["*.gem", "*.gemspec", docs, tools, README.md, LICENSE, "*.config.js", "package*.json"]',
    '',
  ].join('\n'),
  'collections/_posts/2024-01-01-one.md': '---\ntitle: One\n---\n\nFirst.\n',
  'collections/_posts/notes/2024-01-02-two.md': '---\ntitle: Two\n---\n\nSecond.\n',
  'collections/_posts/2024-01-02-picture.png': PNG,
  'collections/_drafts/later.md': '---\ntitle: Later\n---\n\nNot yet.\n',
  'collections/_tabs/about.md': '---\ntitle: About\norder: 4\n---\n\nAbout.\n',
  'collections/notes.txt': 'Published at /collections/notes.txt\n',
  'assets/img/y.png': PNG,
  'rollup.config.js': '// excluded\n',
  'package-lock.json': '{}\n',
};

/** The stub layouts Chirpy's gem would bring: they change what a page says, never which files are published. */
const LAYOUTS = ['default', 'home', 'post', 'page', 'compress', 'archives', 'categories', 'tags', 'category', 'tag'];

function writeSite(root: string, files: Record<string, string | Buffer>): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/**
 * Builds a copy of the site with Debian's Jekyll: no theme gem and no plugins (the gem adds
 * layouts and its own assets, plugins add generated pages; neither changes which of the site's
 * files are published), stub layouts. Returns `_site`.
 */
async function jekyllBuild(source: string, work: string): Promise<string> {
  const site = join(work, 'jekyll-copy');
  const out = join(work, '_site');
  rmSync(site, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  execFileSync('cp', ['-a', source, site]);
  const config = readFileSync(join(site, '_config.yml'), 'utf8').replace(/^theme:.*$/m, '');
  writeFileSync(join(site, '_config.yml'), `${config}\nplugins: []\n`);
  mkdirSync(join(site, '_layouts'), { recursive: true });
  for (const layout of LAYOUTS) writeFileSync(join(site, '_layouts', `${layout}.html`), '{{ content }}\n');
  await run('jekyll', ['build', '--quiet', '--source', site, '--destination', out], {
    cwd: work,
    env: { ...process.env, JEKYLL_ENV: 'production', LANG: 'C.UTF-8', JEKYLL_NO_BUNDLER_REQUIRE: 'true' },
  });
  return out;
}

/** Files of `_site` that Jekyll copied from the site as they are (same path, same bytes). */
function copiedByJekyll(source: string, out: string): string[] {
  return listFiles(out).filter((file) => {
    const from = join(source, file);
    return existsSync(from) && readFileSync(from).equals(readFileSync(join(out, file)));
  });
}

const migrate = (source: string, target: string) =>
  execFileSync('node', [BIN, 'migrate', source, target], { encoding: 'utf8' });

describe('a Chirpy 3.0 site, moved whole', () => {
  const work = join(TESTS_DIR, '.tmp/migrate-site-files-chirpy3');
  const source = join(work, 'jekyll-site');
  const target = join(work, 'astro-site');
  let out: string;
  let report: string;
  let second: string;
  let site: BuiltSite;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    writeSite(source, CHIRPY3);
    out = await jekyllBuild(source, work);
    report = migrate(source, target);
    second = migrate(source, target);
    site = await buildProject(target);
  });

  it('copies every file Jekyll copied, byte for byte, at the same path; the theme replaces the rest, and says so', () => {
    const copied = copiedByJekyll(source, out);
    // Jekyll's reader at work: these are published, the rest of the list above is not.
    expect(copied).toEqual(
      expect.arrayContaining([
        '.well-known/security.txt',
        '_redirects',
        'CNAME',
        'README',
        'ads.txt',
        'assets/img/x.png',
        'bom.md',
        'google1a2b3c4d5e6f7a8b.html',
        'image/photo.jpg',
        'imgs/sub/diagram.png',
        'naver0123456789abcdef.html',
        'nested/ok.txt',
        'sitemap.xml',
      ]),
    );
    const publicDir = join(target, 'public');
    for (const file of copied) {
      if (existsSync(join(publicDir, file))) {
        expect(readFileSync(join(publicDir, file)).equals(readFileSync(join(out, file))), file).toBe(true);
      } else {
        // Only what the theme makes itself at that path, or Chirpy's bundled libraries.
        expect(report, file).toMatch(new RegExp(`- ${file.split('/')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(['sitemap.xml', 'assets/lib/fonts/font.woff2']).toContain(file);
      }
    }
    expect(report).toContain(
      "sitemap.xml: the theme's /sitemap.xml; yours was not copied (put it in public/sitemap.xml to serve it instead).",
    );
    expect(report).toContain("assets/lib/ (1 file(s)): Chirpy's self-hosted libraries");
  });

  it('copies nothing Jekyll did not publish', () => {
    const published = new Set(listFiles(out));
    expect(listFiles(join(target, 'public')).filter((file) => !published.has(file))).toEqual([]);
    // The site's `include` replaces Jekyll's default one, `.htaccess`, so .htaccess is left out too.
    for (const left of [
      'docs-old/old.txt',
      'README.md',
      'Gemfile',
      'package.json',
      'gulpfile.js',
      '.hidden.txt',
      '.htaccess',
      '#scratch.txt',
      'notes.txt~',
      'nested/_private/x.txt',
      'nested/.cache/x.txt',
      'vendor/bundle/ruby/x.rb',
      'node_modules/pkg/index.js',
    ]) {
      expect(published.has(left), left).toBe(false);
    }
  });

  it('reports each page Jekyll rendered: what the theme makes in its place, or that it is not carried', () => {
    for (const line of [
      "index.html (/): the theme's home page (/)",
      "404.html (/404.html): the theme's own 404 page (/404.html)",
      "feed.xml (/feed.xml): the theme's feed (/feed.xml)",
      "robots.txt (/robots.txt): the theme's /robots.txt",
      "sw.js (/sw.js): the theme's offline mode: set pwa in astro.config",
      "app.js (/app.js): the theme's offline mode: set pwa in astro.config",
      "assets/js/data/search.json (/assets/js/data/search.json): the theme's search (Pagefind, /search/)",
      "assets/css/style.scss (/assets/css/style.css): the theme's own styles",
      // The site's own Markdown pages are carried, at the URLs Jekyll gave them.
      'about-me.md: the page /about-me/ (src/pages/about-me.md)',
      'projects/index.md: the page /projects/ (src/pages/projects.md)',
    ]) {
      expect(report).toContain(line);
    }
    // The pages Jekyll wrote for them, at those URLs.
    for (const page of ['about-me/index.html', 'projects/index.html', 'assets/css/style.css', 'sw.js', '404.html']) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    expect(report).not.toMatch(/nothing yet|no offline mode/);
  });

  it('builds the site’s own pages where Jekyll published them', () => {
    expect(site.html('/about-me/').querySelector('.content')!.text).toContain('A page of its own.');
    expect(site.html('/projects/').querySelector('.content')!.text).toContain('Things I made.');
    expect(report).not.toContain('Pages not carried');
  });

  it('copies the site’s _includes/ to src/includes/ and says so', () => {
    expect(readFileSync(join(target, 'src/includes/widget.html'), 'utf8')).toBe(CHIRPY3['_includes/widget.html']);
    expect(report).toContain('_includes/ to src/includes/: 1 file(s)');
  });

  it('sends the old /tabs/<name>/ addresses to the theme’s pages', () => {
    for (const tab of ['about', 'archives', 'categories', 'tags']) {
      expect(existsSync(join(out, 'tabs', tab, 'index.html')), `Jekyll: /tabs/${tab}/`).toBe(true);
      expect(report).toContain(`/tabs/${tab}/ → /${tab}/`);
      const page = site.html(`/tabs/${tab}/`);
      expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0;url=/${tab}/`);
      expect(site.exists(`/${tab}/`), `/${tab}/`).toBe(true);
    }
    expect(site.html('/about/').querySelector('.content')!.text).toContain('About this blog.');
  });

  it('builds: the relative image is the file Jekyll published, and an empty image: is no image', () => {
    const img = site.html('/posts/hello/').querySelector('.content img')!;
    expect(img.getAttribute('src')).toBe('/assets/img/x.png');
    expect(site.exists('/assets/img/x.png')).toBe(true);
    expect(site.logs).not.toMatch(/does not exist/);
    expect(site.html('/posts/hello/').querySelector('.preview-img')).toBeNull();
  });

  it('replaces Chirpy 3’s workflow, which pushed to gh-pages, and says where Pages must now come from', () => {
    expect(readFileSync(join(target, '.github/workflows/pages-deploy.yml'), 'utf8')).toContain('withastro/action');
    expect(existsSync(join(target, '.github/workflows/pages-deploy.yml.jekyll-disabled'))).toBe(false);
    expect(report).toMatch(
      /It replaces Chirpy's Jekyll workflow of that name, which did nothing more\..*gh-pages.*"GitHub Actions"/,
    );
  });

  it('is safe to run again', () => {
    expect(second).toMatch(/^Wrote 0 file\(s\)/);
  });
});

describe('a Chirpy 7 site with collections_dir, moved', () => {
  const work = join(TESTS_DIR, '.tmp/migrate-site-files-collections');
  const source = join(work, 'jekyll-site');
  const target = join(work, 'astro-site');
  let out: string;
  let report: string;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    writeSite(source, COLLECTIONS);
    out = await jekyllBuild(source, work);
    report = migrate(source, target);
  });

  it('finds the posts in collections/_posts, as Jekyll did', () => {
    expect(existsSync(join(out, 'posts/one/index.html'))).toBe(true);
    expect(existsSync(join(out, 'posts/two/index.html'))).toBe(true);
    expect(listFiles(join(target, 'src/content/posts'))).toEqual([
      '2024-01-01-one.md',
      '2024-01-02-picture.png',
      'notes/2024-01-02-two.md',
    ]);
    expect(report).toContain('collections/_drafts: 1 draft(s) not copied');
    expect(report).not.toContain('collections_dir');
    expect(report).not.toContain('Fix these posts first');
  });

  it('takes the tabs from collections/_tabs, at the URL Jekyll gave them (no redirect needed)', () => {
    expect(existsSync(join(out, 'about/index.html'))).toBe(true);
    expect(readFileSync(join(target, 'src/pages/about.md'), 'utf8')).toContain('About.');
    expect(readFileSync(join(target, 'astro.config.mjs'), 'utf8')).not.toContain('redirects');
  });

  it('copies the static files of the collections folder and the rest, as Jekyll published them', () => {
    const copied = copiedByJekyll(source, out);
    expect(copied).toEqual(['assets/img/y.png', 'collections/notes.txt']);
    expect(listFiles(join(target, 'public'))).toEqual(copied);
  });
});

describe('a Chirpy 7 site’s own Markdown page, published by Jekyll as /<name>.html', () => {
  const work = join(TESTS_DIR, '.tmp/migrate-site-files-pages');
  const source = join(work, 'jekyll-site');
  const target = join(work, 'astro-site');

  it('is the page /<name>/, and /<name>.html sends readers there; a page with Liquid is carried and flagged', async () => {
    rmSync(work, { recursive: true, force: true });
    writeSite(source, {
      '_config.yml':
        'theme: jekyll-theme-chirpy\ntitle: Pages\nurl: "https://pages.example.com"\ntimezone: UTC\nbaseurl: /blog\n',
      '_posts/2024-01-01-one.md': '---\ntitle: One\n---\n\nFirst.\n',
      'reading-list.md': '---\ntitle: Reading list\n---\n\nBooks I liked.\n',
      'now.md': '---\ntitle: Now\n---\n\nUpdated {{ site.time | date: "%Y" }}.\n',
      'guestbook.html': '---\ntitle: Guestbook\n---\n<div id="guestbook"></div>\n',
    });
    const out = await jekyllBuild(source, work);
    for (const page of ['reading-list.html', 'now.html', 'guestbook.html']) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    const report = migrate(source, target);
    expect(report).toContain('/reading-list.html → /reading-list/');
    expect(report).toContain('now.md: carried to src/pages/now.md, but it uses Liquid');
    expect(report).toContain('guestbook.html (/guestbook.html): a page Jekyll rendered; not carried');
    const site = await buildProject(target);
    expect(site.html('/reading-list/').querySelector('.content')!.text).toContain('Books I liked.');
    const redirect = site.html('/reading-list.html');
    expect(redirect.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(
      '0; url=/blog/reading-list/',
    );
    expect(site.files()).toContain('reading-list.html');
  });
});
