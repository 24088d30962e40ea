// @ts-check
/**
 * The GitHub Pages workflow a moved site deploys with: Astro's official action
 * (withastro/action, as Astro's deployment guide sets it up), with the content store
 * (`node_modules/.astro`) kept between runs so a rebuild only renders what changed.
 * And whether a Jekyll site's own workflow is still the one Chirpy's starter ships.
 */
import yaml from 'js-yaml';

/** Node for the build: Astro 7.4 and later need 22.23.4 or newer, which only Node 24 has on every runner. */
export const WORKFLOW_NODE = '24';

/** The workflow's text. */
export function astroPagesWorkflow() {
  return `# Builds the site with Astro and publishes dist/ to GitHub Pages (written by astro-theme-chirpy migrate).
# Settings > Pages > Build and deployment > Source must be "GitHub Actions".
name: Deploy to GitHub Pages

on:
  push:
    branches: [main, master]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: true

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Check out the repository
        uses: actions/checkout@v5
        with:
          # The whole history, so post dates from git stay right.
          fetch-depth: 0
      - name: Keep the content store between runs (only changed posts are rendered again)
        uses: actions/cache@v4
        with:
          path: node_modules/.astro
          key: astro-content-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: astro-content-\${{ runner.os }}-
      - name: Install, build and upload dist/
        uses: withastro/action@v5
        with:
          node-version: ${WORKFLOW_NODE}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
`;
}

/** The actions Chirpy's starter workflow uses, in any of its versions. */
const STARTER_ACTIONS = [
  'actions/checkout',
  'actions/configure-pages',
  'ruby/setup-ruby',
  'actions/upload-pages-artifact',
  'actions/deploy-pages',
];

/**
 * Whether `text` is Chirpy's starter workflow as shipped (any version): only the starter's
 * actions, and no command but the Jekyll build (and the starter's html-proofer test). Anything
 * the owner added makes it theirs.
 * @param {string} text
 */
export function isStarterWorkflow(text) {
  /** @type {any} */
  let workflow;
  try {
    workflow = yaml.load(text);
  } catch {
    return false;
  }
  const jobs = workflow && typeof workflow === 'object' ? Object.values(workflow.jobs ?? {}) : [];
  if (jobs.length === 0) return false;
  let builds = false;
  for (const job of jobs) {
    for (const step of /** @type {any} */ (job).steps ?? []) {
      if (typeof step.uses === 'string') {
        if (!STARTER_ACTIONS.includes(step.uses.split('@')[0])) return false;
      } else if (typeof step.run === 'string') {
        const command = step.run.trim();
        if (/^bundle exec jekyll (?:b|build)\b/.test(command)) builds = true;
        else if (!/^bundle exec htmlproofer\b/.test(command)) return false;
      }
    }
  }
  return builds;
}
