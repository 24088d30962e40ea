/**
 * A Jekyll Chirpy site (written here) moved with `astro-theme-chirpy migrate` and built:
 * every URL Chirpy published for it exists, with the same encoding, and old URLs redirect.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, REPO_DIR, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const BIN = join(REPO_DIR, 'packages/theme/bin/astro-theme-chirpy.mjs');
const WORK = join(TESTS_DIR, '.tmp/migrate');
const JEKYLL = join(WORK, 'jekyll-site');
const ASTRO = join(WORK, 'astro-site');

const JEKYLL_FILES: Record<string, string> = {
  '_config.yml': [
    'theme: jekyll-theme-chirpy',
    'lang: ko-KR',
    'timezone: Asia/Seoul',
    'title: 구국의 블로그',
    'tagline: 데이터와 글쓰기',
    'description: A migrated blog',
    'url: "https://gguguk.example.io"',
    'github:',
    '  username: gguguk',
    'twitter:',
    '  username: gguguk_tw',
    'social:',
    '  name: Gukwon Koo',
    '  email: koo@example.com',
    '  links:',
    '    - https://github.com/gguguk',
    '    - https://www.linkedin.com/in/gguguk',
    'avatar: /assets/img/avatar.png',
    'theme_mode: dark',
    'cdn:',
    'comments:',
    '  provider: giscus',
    '  giscus:',
    '    repo: gguguk/gguguk.github.io',
    '    repo_id: R_kgDOxyz',
    '    category: Comments',
    '    category_id: DIC_kwDOxyz',
    '    mapping: pathname',
    'analytics:',
    '  google:',
    '    id: G-XXXXXXX',
    'paginate: 5',
    'toc: true',
    'reading_list: [a, b]',
    'kramdown:',
    '  syntax_highlighter: rouge',
    '',
  ].join('\n'),
  '_posts/2021-04-28-retrospective.md':
    '---\ntitle: 글또 5기 회고글\ncategories: [ETC, Retrospective]\ntags: [retrospective]\ndate: 2021-04-30 17:31:00 +0900\nredirect_from:\n  - /2021/04/30/retrospective.html\n---\n\n회고입니다. ![로고](/assets/img/logo.png)\n',
  '_posts/dev/2026-03-11-[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1.md':
    '---\ntitle: "[Effective C++] 1"\ncategories: [Programming, C++]\ntags: [C++, 책]\n---\n\n본문.\n',
  '_posts/2023-05-05-모델 설정.markdown':
    '---\ntitle: 모델 설정\ncategories: Machine Learning\ntag: 머신러닝\n---\n\n$x$\n',
  '_posts/2022-02-02-Spring-Boot.md':
    '---\ntitle: Spring Boot\ndate: 2022-02-02\ncategories: [Programming, Java]\n---\n\nCase kept.\n',
  '_posts/2020-01-01-draft.md': '---\ntitle: Draft\npublished: false\n---\n\nNot published.\n',
  '_tabs/about.md':
    '---\n# the default layout is page\nicon: fas fa-info-circle\norder: 4\n---\n\n안녕하세요. About me.\n',
  '_tabs/archives.md': '---\nlayout: archives\nicon: fas fa-archive\norder: 3\n---\n',
  'assets/img/logo.png': 'PNG',
  'assets/img/avatar.png': 'PNG',
  // Chirpy's favicon set, and a favicon.ico at the site root.
  'assets/img/favicons/favicon.ico': 'ICO',
  'assets/img/favicons/favicon-16x16.png': 'PNG',
  'assets/img/favicons/favicon-32x32.png': 'PNG',
  'assets/img/favicons/apple-touch-icon.png': 'PNG',
  'assets/img/favicons/android-chrome-192x192.png': 'PNG',
  'favicon.ico': 'ICO',
  'assets/lib/should-not-copy.js': '// theme asset',
  // Templates Jekyll renders (they start with front matter): never published as files.
  'assets/404.html': '---\nlayout: page\npermalink: /404.html\n---\n\n{% include lang.html %}\n',
  'assets/feed.xml': '---\nlayout: compress\npermalink: /feed.xml\n---\n\n{% capture source %}{% endcapture %}\n',
  'assets/robots.txt': '---\npermalink: /robots.txt\n---\n\nUser-agent: *\n',
  'assets/js/data/search.json':
    '---\nlayout: compress\nswcache: true\n---\n\n[{% for post in site.posts %}{% endfor %}]\n',
  'assets/js/pwa/sw.js':
    '---\npermalink: /sw.min.js\n---\n\nself.importScripts(\'{{ "/assets/js/data/swconf.js" | relative_url }}\');\n',
  'assets/files/notes.txt': 'A plain file: copied.\n',
  // The Pages workflow as Chirpy's starter ships it (its structure; action versions vary by release).
  '.github/workflows/pages-deploy.yml': [
    'name: "Build and Deploy"',
    'on:',
    '  push:',
    '    branches: [main, master]',
    '  workflow_dispatch:',
    'permissions: { contents: read, pages: write, id-token: write }',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with: { fetch-depth: 0 }',
    '      - id: pages',
    '        uses: actions/configure-pages@v4',
    '      - uses: ruby/setup-ruby@v1',
    '        with: { ruby-version: 3.3, bundler-cache: true }',
    '      - run: bundle exec jekyll b -d "_site${{ steps.pages.outputs.base_path }}"',
    '        env: { JEKYLL_ENV: production }',
    '      - uses: actions/upload-pages-artifact@v3',
    '        with: { path: "_site${{ steps.pages.outputs.base_path }}" }',
    '  deploy:',
    '    needs: build',
    '    runs-on: ubuntu-latest',
    '    environment: { name: github-pages }',
    '    steps:',
    '      - id: deployment',
    '        uses: actions/deploy-pages@v4',
    '',
  ].join('\n'),
};

function tree(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (
      statSync(path).isFile() &&
      !entry.includes('node_modules') &&
      !entry.startsWith('dist') &&
      !entry.startsWith('.astro')
    ) {
      result[entry] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  }
  return result;
}

const migrateCommand = () => execFileSync('node', [BIN, 'migrate', JEKYLL, ASTRO], { encoding: 'utf8' });

describe('astro-theme-chirpy migrate', () => {
  let firstReport: string;
  let secondReport: string;
  let sourceBefore: Record<string, string>;
  let targetAfterFirst: Record<string, string>;
  let site: BuiltSite;

  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    for (const [path, content] of Object.entries(JEKYLL_FILES)) {
      mkdirSync(dirname(join(JEKYLL, path)), { recursive: true });
      writeFileSync(join(JEKYLL, path), content);
    }
    sourceBefore = tree(JEKYLL);
    firstReport = migrateCommand();
    targetAfterFirst = tree(ASTRO);
    secondReport = migrateCommand();
    site = await buildProject(ASTRO);
  });

  it('never changes the Jekyll site', () => {
    expect(tree(JEKYLL)).toEqual(sourceBefore);
  });

  it('is safe to run twice: the second run changes nothing', () => {
    expect(tree(ASTRO)).toEqual(targetAfterFirst);
    expect(secondReport).toMatch(/^Wrote 0 file\(s\)/);
  });

  it('maps _config.yml to the theme options', () => {
    const config = readFileSync(join(ASTRO, 'astro.config.mjs'), 'utf8');
    expect(config).toContain('"site": "https://gguguk.example.io"');
    for (const expected of [
      '"title": "구국의 블로그"',
      '"tagline": "데이터와 글쓰기"',
      '"timezone": "Asia/Seoul"',
      '"locale": "ko-KR"',
      '"paginate": 5',
      '"themeMode": "dark"',
      '"author": "Gukwon Koo"',
      '"repoId": "R_kgDOxyz"',
      '"url": "https://github.com/gguguk"',
      '"url": "https://twitter.com/gguguk_tw"',
      '"url": "https://www.linkedin.com/in/gguguk"',
      '"url": "mailto:koo@example.com"',
      '"href": "/about/"',
      '"google": {',
      '"id": "G-XXXXXXX"',
    ]) {
      expect(config, expected).toContain(expected);
    }
  });

  it('reports what it could not map', () => {
    expect(firstReport).toContain('reading_list: not mapped');
    expect(firstReport).not.toContain('toc');
    expect(firstReport).not.toContain('analytics');
    expect(firstReport).not.toContain('kramdown');
  });

  it('copies posts, assets and tab pages, but not the theme assets', () => {
    expect(Object.keys(targetAfterFirst)).toEqual(
      expect.arrayContaining([
        'src/content/posts/2021-04-28-retrospective.md',
        'src/content/posts/dev/2026-03-11-[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1.md',
        'public/assets/img/logo.png',
        'src/pages/about.md',
        'package.json',
        'src/content.config.ts',
      ]),
    );
    expect(Object.keys(targetAfterFirst).some((file) => file.includes('should-not-copy'))).toBe(false);
    expect(readFileSync(join(ASTRO, 'src/content/posts/2021-04-28-retrospective.md'), 'utf8')).toBe(
      JEKYLL_FILES['_posts/2021-04-28-retrospective.md'],
    );
  });

  it('builds every URL Chirpy published for the site, with the same encoding', () => {
    const expected = [
      '/posts/retrospective/',
      '/posts/Effective-C++-1.-C++%EC%97%90-%EC%99%94%EC%9C%BC%EB%A9%B4-C++%EC%9D%98-%EB%B2%95%EC%9D%84-%EB%94%B0%EB%A6%85%EC%8B%9C%EB%8B%A4-1/',
      '/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/',
      '/posts/Spring-Boot/',
    ];
    const archive = site
      .html('/archives/')
      .querySelectorAll('#archives a')
      .map((a) => a.getAttribute('href'));
    expect([...archive].sort()).toEqual([...expected].sort());
    for (const url of expected) expect(site.exists(url), url).toBe(true);
    for (const path of [
      '/',
      '/categories/etc/',
      '/categories/retrospective/',
      '/categories/programming/',
      '/categories/c/',
      '/categories/java/',
      '/categories/machine/',
      '/categories/learning/',
      '/tags/retrospective/',
      '/tags/c/',
      '/tags/책/',
      '/tags/머신러닝/',
      '/archives/',
      '/feed.xml',
      '/404.html',
      '/about/',
    ]) {
      expect(site.exists(path), path).toBe(true);
    }
    expect(site.exists('/posts/draft/')).toBe(false);
  });

  it('keeps old URLs working through redirect_from', () => {
    const page = site.html('/2021/04/30/retrospective.html');
    expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(
      '0; url=https://gguguk.example.io/posts/retrospective/',
    );
  });

  it('keeps comment threads keyed on the path, and the feed where subscribers are', () => {
    const script = site.html('/posts/retrospective/').querySelector('#comments script')!;
    // The widget's attributes, which the page's script gives giscus's.
    expect(JSON.parse(script.getAttribute('data-attributes')!)['data-mapping']).toBe('pathname');
    expect(site.read('/feed.xml')).toContain(
      '<guid isPermaLink="true">https://gguguk.example.io/posts/retrospective/</guid>',
    );
  });

  it('copies static assets only: Jekyll templates are reported with what replaces them', () => {
    expect(readFileSync(join(ASTRO, 'public/assets/files/notes.txt'), 'utf8')).toBe('A plain file: copied.\n');
    for (const [template, url] of [
      ['404.html', '/404.html'],
      ['feed.xml', '/feed.xml'],
      ['robots.txt', '/robots.txt'],
      ['js/data/search.json', '/assets/js/data/search.json'],
      ['js/pwa/sw.js', '/sw.min.js'],
    ]) {
      expect(existsSync(join(ASTRO, 'public/assets', template!)), template).toBe(false);
      expect(firstReport, template).toContain(`  - assets/${template} (${url}): `);
    }
    expect(firstReport).toContain(
      "assets/feed.xml (/feed.xml): the theme's feed (/feed.xml), at the same URL as Chirpy's",
    );
    expect(firstReport).toContain(
      "assets/js/pwa/sw.js (/sw.min.js): the theme's offline mode: set pwa in astro.config",
    );
    expect(site.exists('/assets/404.html')).toBe(false);
    expect(site.exists('/assets/feed.xml')).toBe(false);
    expect(site.read('/404.html')).not.toContain('{%');
  });

  it("replaces Chirpy's Pages workflow with Astro's, which caches the content store and uploads dist/", () => {
    const text = readFileSync(join(ASTRO, '.github/workflows/pages-deploy.yml'), 'utf8');
    const workflow = yaml.load(text) as {
      permissions: Record<string, string>;
      jobs: {
        build: { steps: { uses?: string; with?: Record<string, unknown> }[] };
        deploy: { needs: string; steps: { uses?: string }[] };
      };
    };
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const steps = workflow.jobs.build.steps;
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
    expect(cache.with!.path).toBe('node_modules/.astro');
    const build = steps.findIndex((step) => step.uses?.startsWith('withastro/action@'));
    expect(build).toBeGreaterThan(steps.indexOf(cache));
    // The action builds the project at the repository root and uploads its dist/, where Astro writes.
    expect(steps[build]!.with?.path ?? '.').toBe('.');
    expect(Number(steps[build]!.with!['node-version'])).toBeGreaterThanOrEqual(24);
    expect(readFileSync(join(ASTRO, 'astro.config.mjs'), 'utf8')).not.toMatch(/outDir/);
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps.map((step) => step.uses)).toEqual(['actions/deploy-pages@v4']);
    expect(text).not.toMatch(/jekyll/i);
  });

  it("links the site's own favicon set, as Chirpy did, and keeps /favicon.ico", () => {
    expect(readFileSync(join(ASTRO, 'astro.config.mjs'), 'utf8')).toContain('"favicon": "/assets/img/favicons/"');
    const icons = site
      .html('/posts/retrospective/')
      .querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"]')
      .map((link) => [link.getAttribute('rel'), link.getAttribute('href'), link.getAttribute('sizes') ?? '']);
    expect(icons).toEqual([
      ['apple-touch-icon', '/assets/img/favicons/apple-touch-icon.png', '180x180'],
      ['icon', '/assets/img/favicons/favicon-32x32.png', '32x32'],
      ['icon', '/assets/img/favicons/favicon-16x16.png', '16x16'],
      ['icon', '/assets/img/favicons/favicon.ico', 'any'],
    ]);
    for (const [, href] of icons) expect(site.exists(href!), href).toBe(true);
    expect(site.exists('/favicon.ico')).toBe(true);
    expect(site.exists('/favicon.svg')).toBe(false);
    const manifest = JSON.parse(site.read('/site.webmanifest')) as { icons: { src: string }[] };
    expect(manifest.icons.map((icon) => icon.src)).toEqual(['/assets/img/favicons/android-chrome-192x192.png']);
  });

  it('shows the tab page in the sidebar, in Korean', () => {
    const home = site.html('/');
    expect(home.querySelector('html')!.getAttribute('lang')).toBe('ko-KR');
    expect(home.querySelectorAll('.tabs a').map((a) => [a.text, a.getAttribute('href')])).toContainEqual([
      'About',
      '/about/',
    ]);
    expect(site.html('/about/').querySelector('.content')!.text).toContain('안녕하세요. About me.');
  });
});

describe('astro-theme-chirpy migrate into a folder that does not exist', () => {
  it("works with a Chirpy starter's own tab pages only", () => {
    const work = join(TESTS_DIR, '.tmp/migrate-new-folder');
    const source = join(work, 'starter');
    const target = join(work, 'not', 'yet', 'there');
    rmSync(work, { recursive: true, force: true });
    const files: Record<string, string> = {
      '_config.yml': 'theme: jekyll-theme-chirpy\ntitle: Starter\nurl: "https://starter.example"\n',
      '_posts/2024-01-01-hello.md': '---\ntitle: Hello\n---\n\nHi.\n',
      '_tabs/archives.md': '---\nlayout: archives\nicon: fas fa-archive\norder: 3\n---\n',
      '_tabs/categories.md': '---\nlayout: categories\nicon: fas fa-stream\norder: 1\n---\n',
      '_tabs/tags.md': '---\nlayout: tags\nicon: fas fa-tags\norder: 2\n---\n',
      // A workflow the owner changed (an extra step): Astro's takes its name, it is kept disabled.
      '.github/workflows/pages-deploy.yml':
        'name: Build\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bundle exec jekyll b\n      - run: ./notify-my-server.sh\n',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(source, path)), { recursive: true });
      writeFileSync(join(source, path), content);
    }
    const report = execFileSync('node', [BIN, 'migrate', source, target], { encoding: 'utf8' });
    expect(report).toMatch(/^Wrote \d+ file\(s\)/);
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toHaveProperty('astro-theme-chirpy');
    // The range the package test builds with, and the Node the newest Astro 7 in it needs.
    expect(manifest.dependencies.astro).toBe(
      JSON.parse(readFileSync(join(REPO_DIR, 'packages/theme/package.json'), 'utf8')).peerDependencies.astro,
    );
    expect(manifest.engines).toEqual({ node: '>=22.23.4' });
    expect(existsSync(join(target, 'src/content/posts/2024-01-01-hello.md'))).toBe(true);
    expect(readFileSync(join(target, '.github/workflows/pages-deploy.yml'), 'utf8')).toContain('withastro/action');
    expect(readFileSync(join(target, '.github/workflows/pages-deploy.yml.jekyll-disabled'), 'utf8')).toContain(
      'notify-my-server',
    );
    expect(report).toContain('Beyond the build it did: step run: ./notify-my-server.sh.');
  });
});
