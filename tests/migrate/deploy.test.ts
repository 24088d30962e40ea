/**
 * The first push deploys: `migrate` writes a `.gitignore`, and a workflow withastro/action can run
 * without a lockfile; no Jekyll workflow (any Chirpy version's, changed or not) stays active
 * beside it, and what an old one did beyond building is reported to merge by hand.
 *
 * withastro/action (action.yml, v5 and v6) picks the package manager from its `package-manager`
 * input, else from a lockfile at the project root (pnpm-lock.yaml, yarn.lock, package-lock.json,
 * bun.lock(b), deno.json/deno.lock), and stops with "No lockfile found" when it has neither. A
 * site `migrate` just wrote has no lockfile until `npm install` runs, so the workflow names npm.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatReport, migrate } from 'astro-theme-chirpy/migrate';
import { TESTS_DIR } from '../helpers/site.ts';

/** Chirpy 7's starter workflow (.github/workflows/pages-deploy.yml), as shipped. */
const CHIRPY7 = `name: "Build and Deploy"
on:
  push:
    branches:
      - main
      - master
    paths-ignore:
      - .gitignore
      - README.md
      - LICENSE
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: "pages"
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Checkout
        uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Setup Pages
        id: pages
        uses: actions/configure-pages@v4
      - name: Setup Ruby
        uses: ruby/setup-ruby@v1
        with:
          ruby-version: 3.3
          bundler-cache: true
      - name: Build site
        run: bundle exec jekyll b -d "_site\${{ steps.pages.outputs.base_path }}"
        env:
          JEKYLL_ENV: "production"
      - name: Test site
        run: |
          bundle exec htmlproofer _site \\
            \\-\\-disable-external \\
            \\-\\-ignore-urls "/^http:\\/\\/127.0.0.1/,/^http:\\/\\/0.0.0.0/,/^http:\\/\\/localhost/"
      - name: Upload site artifact
        uses: actions/upload-pages-artifact@v3
        with:
          path: "_site\${{ steps.pages.outputs.base_path }}"
  deploy:
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    runs-on: ubuntu-latest
    needs: build
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
`;

/** Chirpy 4's (pages-deploy.yml.hook, renamed): builds and pushes _site to gh-pages with tools/deploy.sh. */
const CHIRPY4 = `name: 'Automatic build'
on:
  push:
    branches:
      - main
    paths-ignore:
      - .gitignore
      - README.md
      - LICENSE
jobs:
  continuous-delivery:
    runs-on: ubuntu-latest
    steps:
      - name: Checkout
        uses: actions/checkout@v2
        with:
          fetch-depth: 0
      - name: Setup Ruby
        uses: ruby/setup-ruby@v1
        with:
          ruby-version: 2.7
          bundler-cache: true
      - name: Deploy
        run: bash tools/deploy.sh
`;

/** Chirpy 7's, with what owners add: a branch, a schedule, a notification with a secret. */
const CHANGED = CHIRPY7.replace('      - master\n', '      - master\n      - writing\n')
  .replace('  workflow_dispatch:\n', '  workflow_dispatch:\n  schedule:\n    - cron: "0 3 * * *"\n')
  .replace(
    '      - name: Upload site artifact\n',
    '      - name: Tell the chat\n        run: curl -X POST "$HOOK" -d built\n        env:\n          HOOK: ${{ secrets.CHAT_WEBHOOK }}\n      - name: Upload site artifact\n',
  );

/** Chirpy's own CI, which sites forked from the theme carry. */
const CHIRPY_CI = `name: 'Continuous Integration'
on:
  push:
    branches-ignore:
      - 'production'
  pull_request:
    paths:
      - '**'
jobs:
  ci:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v2
        with:
          fetch-depth: 0
      - uses: ruby/setup-ruby@v1
        with:
          ruby-version: 2.7
          bundler-cache: true
      - name: Build Site
        run: bundle exec jekyll b
      - name: Test Site
        run: bash tools/test.sh
`;

/** A workflow of the owner's that has nothing to do with Jekyll. */
const STALE = `name: Close stale issues
on:
  schedule:
    - cron: "30 1 * * *"
jobs:
  stale:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/stale@v9
`;

function moved(name: string, workflows: Record<string, string>, extra: Record<string, string> = {}) {
  const work = join(TESTS_DIR, '.tmp', `migrate-deploy-${name}`);
  rmSync(work, { recursive: true, force: true });
  const files = {
    '_config.yml': 'theme: jekyll-theme-chirpy\ntitle: Deploys\nurl: "https://deploys.example.com"\n',
    '_posts/2024-01-01-hello.md': '---\ntitle: Hello\n---\n\nHi.\n',
    ...Object.fromEntries(Object.entries(workflows).map(([file, text]) => [`.github/workflows/${file}`, text])),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(work, 'jekyll', path)), { recursive: true });
    writeFileSync(join(work, 'jekyll', path), text);
  }
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(work, 'astro', path)), { recursive: true });
    writeFileSync(join(work, 'astro', path), text);
  }
  const report = formatReport(migrate(join(work, 'jekyll'), join(work, 'astro')));
  const dir = join(work, 'astro', '.github/workflows');
  const files_ = existsSync(dir) ? readdirSync(dir).sort() : [];
  /** The workflows GitHub runs: `.yml` and `.yaml` files. */
  const active = files_.filter((file) => /\.ya?ml$/.test(file));
  return { report, root: join(work, 'astro'), dir, files: files_, active };
}

/** The steps of a workflow's jobs. */
function steps(text: string): { uses?: string; run?: string; with?: Record<string, unknown> }[] {
  const workflow = yaml.load(text) as { jobs: Record<string, { steps?: [] }> };
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

/** Whether any step still builds with Jekyll. */
const buildsWithJekyll = (text: string) =>
  steps(text).some(
    (step) => /ruby|jekyll/i.test(step.uses ?? '') || /jekyll|bundle|tools\/deploy/.test(step.run ?? ''),
  );

describe('the first push deploys', () => {
  it('with a workflow withastro/action runs without a lockfile: the package manager is named', () => {
    const { dir, active } = moved('none', {});
    expect(active).toEqual(['deploy.yml']);
    const action = steps(readFileSync(join(dir, 'deploy.yml'), 'utf8')).find((step) =>
      step.uses?.startsWith('withastro/action@'),
    )!;
    expect(action.with!['package-manager']).toBe('npm');
    expect(existsSync(join(dir, '..', '..', 'package-lock.json'))).toBe(false);
  });

  it('with a .gitignore, so `git add .` leaves out node_modules/, dist/ and .astro/; an existing one is added to', () => {
    const { root, report } = moved('gitignore', {});
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['node_modules/', 'dist/', '.astro/']),
    );
    expect(report).toMatch(/^Wrote \d+ file/);
    const again = moved('gitignore-kept', {}, { '.gitignore': '# mine\n/node_modules\n*.log\n' });
    expect(readFileSync(join(again.root, '.gitignore'), 'utf8')).toBe('# mine\n/node_modules\n*.log\ndist/\n.astro/\n');
  });

  it("replaces Chirpy 7's workflow in place: nothing to merge", () => {
    const { dir, files, report } = moved('chirpy7', { 'pages-deploy.yml': CHIRPY7 });
    expect(files).toEqual(['pages-deploy.yml']);
    expect(buildsWithJekyll(readFileSync(join(dir, 'pages-deploy.yml'), 'utf8'))).toBe(false);
    expect(report).toContain(
      ".github/workflows/pages-deploy.yml: the Astro workflow (withastro/action with npm, Node 24) builds the site and publishes it to GitHub Pages. It replaces Chirpy's Jekyll workflow of that name, which did nothing more.",
    );
  });

  it("replaces Chirpy 4's, which pushed to gh-pages, and says to switch Pages to GitHub Actions", () => {
    const { files, report } = moved('chirpy4', { 'pages-deploy.yml': CHIRPY4 });
    expect(files).toEqual(['pages-deploy.yml']);
    expect(report).toContain(
      'It published by pushing to a branch (gh-pages): set Settings > Pages > Source to "GitHub Actions".',
    );
  });

  it('never keeps a changed Jekyll workflow active: it is disabled, and what it did beyond the build is listed', () => {
    const { dir, files, active, report } = moved('changed', { 'pages-deploy.yml': CHANGED });
    expect(files).toEqual(['pages-deploy.yml', 'pages-deploy.yml.jekyll-disabled']);
    expect(active).toEqual(['pages-deploy.yml']);
    expect(readFileSync(join(dir, 'pages-deploy.yml.jekyll-disabled'), 'utf8')).toBe(CHANGED);
    expect(readFileSync(join(dir, 'pages-deploy.yml'), 'utf8')).toContain('withastro/action');
    expect(report).toContain(
      '.github/workflows/pages-deploy.yml: builds with Jekyll, so it must not run any more: kept as .github/workflows/pages-deploy.yml.jekyll-disabled, which GitHub does not run. ' +
        'Beyond the build it did: step "Tell the chat" (run: curl -X POST "$HOOK" -d built); the secret CHAT_WEBHOOK; ' +
        "runs on a push to writing; runs on a schedule (cron '0 3 * * *'); sets HOOK. " +
        'Merge what you still need into .github/workflows/pages-deploy.yml, then delete it.',
    );
  });

  it("with several: the Astro workflow takes the publishing one's name; Chirpy's CI is disabled; the owner's others are copied", () => {
    const { dir, files, active, report } = moved('several', {
      'ci.yml': CHIRPY_CI,
      'pages-deploy.yml': CHIRPY7,
      'stale.yml': STALE,
    });
    expect(files).toEqual(['ci.yml.jekyll-disabled', 'pages-deploy.yml', 'stale.yml']);
    for (const file of active) expect(buildsWithJekyll(readFileSync(join(dir, file), 'utf8')), file).toBe(false);
    expect(readFileSync(join(dir, 'stale.yml'), 'utf8')).toBe(STALE);
    expect(report).toContain('.github/workflows/stale.yml: does not build with Jekyll; copied as it is');
    expect(report).toContain('push filter branches-ignore: production; runs on pull_request');
  });

  it('keeps a deploy.yml of the owner’s that is not Jekyll’s, and writes the Astro one beside it', () => {
    const { files, active } = moved('named', { 'deploy.yml': STALE });
    expect(files).toEqual(['astro-deploy.yml', 'deploy.yml']);
    expect(active).toEqual(['astro-deploy.yml', 'deploy.yml']);
  });
});
