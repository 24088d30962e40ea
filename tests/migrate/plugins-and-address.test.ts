/**
 * What a moved blog's Liquid reads comes along, and so does its address: `_data/` (site.data),
 * jekyll-scholar's `.bib` files (with `scholar:` settings the theme cannot follow reported), the
 * posts' plugin tags the theme does not have (listed per post, before the build stops on them),
 * and `site` when Chirpy's `url` was empty (GitHub Pages filled it: a CNAME, else the repository).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, migrate } from 'astro-theme-chirpy/migrate';
import { buildProject, TESTS_DIR } from '../helpers/site.ts';

const WORK = join(TESTS_DIR, '.tmp/migrate-plugins');

function jekyllSite(name: string, files: Record<string, string>): string {
  const root = join(WORK, name, 'jekyll');
  rmSync(join(WORK, name), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BIB =
  "@book{ruby,\n  title = {The Ruby Programming Language},\n  author = {Flanagan, David and Matsumoto, Yukihiro},\n  year = {2008},\n  publisher = {O'Reilly Media}\n}\n";

describe('migrate carries what Liquid reads, and the address', () => {
  it('copies _data and _bibliography, reports scholar settings and plugin tags per post, and the moved site builds', async () => {
    const source = jekyllSite('scholar', {
      '_config.yml':
        'title: Scholar Blog\nurl: "https://scholar.example.org"\nscholar:\n  style: ieee\n  source: ./_bibliography\n  details_layout: bibtex.html\n',
      '_data/info.yml': 'motto: Read more\n',
      '_bibliography/references.bib': BIB,
      '_posts/2024-01-01-paper.md':
        '---\ntitle: Paper\n---\n\n{{ site.data.info.motto }}: {% cite ruby %}.\n\n{% bibliography --cited %}\n',
      '_posts/2024-01-02-gist.md':
        '---\ntitle: Gist\n---\n\n{% gist 12345 %}\n\n{% raw %}{% not_a_tag %}{% endraw %}\n',
    });
    const target = join(WORK, 'scholar', 'astro');
    const report = formatReport(migrate(source, target));
    expect(readFileSync(join(target, 'src/data/info.yml'), 'utf8')).toBe('motto: Read more\n');
    expect(readFileSync(join(target, 'src/bibliography/references.bib'), 'utf8')).toBe(BIB);
    expect(report).toContain('_bibliography/ to src/bibliography/: 1 file(s)');
    expect(report).toContain(
      "scholar: not carried: style: ieee (the theme renders APA, jekyll-scholar's default), details_layout.",
    );
    expect(report).toContain(
      '_posts/2024-01-02-gist.md: Liquid {% gist %} is a tag of a plugin the theme does not have',
    );
    expect(report).not.toContain('not_a_tag');
    expect(report).not.toContain('2024-01-01-paper.md: Liquid');

    // The post with the plugin tag stops the build, as the report says; without it the site builds.
    rmSync(join(target, 'src/content/posts/2024-01-02-gist.md'));
    const site = await buildProject(target);
    const content = site.html('/posts/paper/').querySelector('.content')!;
    expect(content.querySelector('p')!.text).toContain('Read more: (Flanagan & Matsumoto, 2008)');
    expect(content.querySelector('ol.bibliography span#ruby')).not.toBeNull();
  });

  it.each([
    ['a CNAME file', { CNAME: 'blog.example.net\n' }, undefined, '"site": "https://blog.example.net"', undefined],
    [
      'a user site repository',
      {},
      'git@github.com:Alice/alice.github.io.git',
      '"site": "https://alice.github.io"',
      undefined,
    ],
    [
      'a project site repository',
      {},
      'https://github.com/alice/notes.git',
      '"site": "https://alice.github.io"',
      '"base": "/notes"',
    ],
  ])('takes site from %s when url is empty', (_, extra, remote, site, base) => {
    const source = jekyllSite(`address-${remote ? remote.length : 0}`, {
      '_config.yml': 'title: Blog\nurl: ""\n',
      '_posts/2024-01-01-a.md': '---\ntitle: A\n---\n\nText.\n',
      ...extra,
    });
    if (remote) {
      execFileSync('git', ['init', '-q', source]);
      execFileSync('git', ['-C', source, 'remote', 'add', 'origin', remote]);
    }
    const target = join(WORK, `address-${remote ? remote.length : 0}`, 'astro');
    const report = formatReport(migrate(source, target));
    const config = readFileSync(join(target, 'astro.config.mjs'), 'utf8');
    expect(config).toContain(site);
    if (base) expect(config).toContain(base);
    else expect(config).not.toContain('"base"');
    expect(report).toContain('where GitHub Pages served the blog');
  });

  it('says so when nothing tells the address', () => {
    const source = jekyllSite('address-none', {
      '_config.yml': 'title: Blog\n',
      '_posts/2024-01-01-a.md': '---\ntitle: A\n---\n\nText.\n',
    });
    const report = formatReport(migrate(source, join(WORK, 'address-none', 'astro')));
    expect(report).toContain('url: not set, and no CNAME or GitHub remote says where the blog is served');
  });
});

describe('pages Jekyll published that are not posts', () => {
  it('keeps a redirect_to page a redirect, reports a tab and a page at one URL, and a data file with a merge leftover builds', async () => {
    const source = jekyllSite('pages', {
      '_config.yml': 'title: Pages\nurl: "https://pages.example.org"\ncollections:\n  tabs:\n    output: true\n',
      '_posts/2024-01-01-target.md': '---\ntitle: Target\n---\n\n{{ site.data.assets.css | join: "," }}\n',
      'redirects/old.md': '---\npermalink: /posts/old/\nredirect_to: /posts/target/\n---\n',
      'redirects/legacy.md': '---\npermalink: /legacy.html\nredirect_to: https://elsewhere.example.com/\n---\n',
      '_tabs/about.md': '---\ntitle: About\norder: 1\n---\n\nThe tab.\n',
      'about.md': '---\ntitle: About me\npermalink: /about/\n---\n\nMy own page.\n',
      '_data/assets.yml': 'css:\n  - /a.css\n...\n+  - /b.css\n',
    });
    const target = join(WORK, 'pages', 'astro');
    const report = formatReport(migrate(source, target));
    expect(report).toContain('/posts/old/ → /posts/target/ (redirects/old.md: redirect_to)');
    expect(report).toContain('about.md (/about/): a tab page is at the same URL (src/pages/about.md)');
    expect(report).not.toContain('Kept (changed in the Astro site)');
    const site = await buildProject(target);
    expect(site.read('/posts/old/')).toContain('<meta http-equiv="refresh" content="0; url=/posts/target/">');
    expect(site.read('/legacy.html')).toContain('url=https://elsewhere.example.com/');
    expect(site.html('/about/').querySelector('.content, main')!.text).toContain('The tab.');
    expect(site.html('/posts/target/').querySelector('.content p')!.text).toBe('/a.css');
  });
});
