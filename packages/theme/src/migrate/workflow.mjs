// @ts-check
/**
 * The GitHub Pages workflow a moved site deploys with: Astro's official action
 * (withastro/action, as Astro's deployment guide sets it up), with the content store
 * (`node_modules/.astro`) kept between runs so a rebuild only renders what changed.
 * And a Jekyll site's own workflows: which build with Jekyll, and what they do beyond the
 * build that Chirpy's workflows (any version) do, for the owner to merge by hand.
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
          # Named, so the action needs no lockfile to tell which one (it stops with "No lockfile
          # found" otherwise). Commit package-lock.json once \`npm install\` has made it.
          package-manager: npm

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

/**
 * The actions Chirpy's workflows use, in any version: the starter's Pages workflow (2.x–7.x),
 * the 2.x bundle cache, and the theme repository's own CI that sites forked from it carry.
 */
const CHIRPY_ACTIONS = [
  'actions/checkout',
  'actions/configure-pages',
  'ruby/setup-ruby',
  'actions/setup-ruby',
  'actions/cache',
  'actions/upload-pages-artifact',
  'actions/deploy-pages',
];

/**
 * The commands of Chirpy's workflows, line by line: the Jekyll build, html-proofer, Bundler, the
 * `tools/` scripts (2.x–5.x deploy to the `gh-pages` branch with `tools/deploy.sh`), and 2.x's
 * baseurl check.
 */
const CHIRPY_COMMANDS = [
  /^bundle exec jekyll (?:b|build)\b/,
  /^(?:JEKYLL_ENV=\S+ )?bundle exec jekyll (?:b|build)\b/,
  /^bundle exec htmlproofer\b/,
  /^bundle (?:install|config)\b/,
  /^(?:bash )?(?:\.\/)?tools\/(?:deploy|test|build)(?:\.sh)?\b/,
  // 2.x–4.x: the baseurl and spec-test dance around the build.
  /^baseurl=/,
  /^if \[\[ -n \$(?:baseurl|SPEC_TEST|BASE_URL) \]\]; then$/,
  /^echo "(?:BASE_URL|SPEC_TEST)=/,
  /^mv _site\S* _site\S*$/,
  /^rm -rf _site$/,
  /^else$/,
  /^fi$/,
  /^sudo (?:apt-key adv |add-apt-repository ppa:rmescandon\/yq$|apt update$|apt install yq\b)/,
];

/** Environment variables Chirpy's workflows set. */
const CHIRPY_ENV = new Set(['JEKYLL_ENV', 'GEMS_PATH', 'BASE_URL']);

/** Actions that build or publish a Jekyll site (besides running `jekyll` in a step). */
const JEKYLL_ACTIONS =
  /^(?:actions\/jekyll-build-pages|helaili\/jekyll-action|limjh16\/jekyll-action-ts|jeffreytse\/jekyll-deploy-action|ruby\/setup-ruby|actions\/setup-ruby)$/i;

/** @param {string} text @returns {any} */
function readWorkflow(text) {
  try {
    const workflow = yaml.load(text);
    return workflow && typeof workflow === 'object' ? workflow : undefined;
  } catch {
    return undefined;
  }
}

/** @param {any} workflow @returns {any[]} */
const stepsOf = (workflow) =>
  Object.values(workflow?.jobs ?? {}).flatMap((job) =>
    Array.isArray(/** @type {any} */ (job)?.steps) ? /** @type {any} */ (job).steps : [],
  );

/**
 * Whether a workflow builds the site with Jekyll: a step runs `jekyll`, Bundler or Chirpy's
 * `tools/` scripts, or uses a Ruby or Jekyll action. After the move, such a workflow fails (the
 * site has no Gemfile) or publishes nothing.
 * @param {string} text
 */
export function isJekyllWorkflow(text) {
  const workflow = readWorkflow(text);
  if (!workflow) return /\bjekyll\b/i.test(text);
  return stepsOf(workflow).some((step) => {
    if (typeof step?.uses === 'string') return JEKYLL_ACTIONS.test(step.uses.split('@')[0] ?? '');
    return (
      typeof step?.run === 'string' && /\bjekyll\b|\bbundle (?:exec|install)\b|tools\/(?:deploy|test)\b/.test(step.run)
    );
  });
}

/**
 * What a Jekyll workflow does beyond what Chirpy's own workflows do: its other steps, the
 * secrets it reads, the triggers and branches it runs on, its environment; each as a phrase.
 * An empty list: the workflow is Chirpy's, changed or not only in versions and names.
 * @param {string} text
 */
export function workflowExtras(text) {
  const workflow = readWorkflow(text);
  if (!workflow) return ['it is not YAML this migration can read: compare it with the Astro workflow by hand'];
  /** @type {string[]} */
  const extras = [];
  for (const step of stepsOf(workflow)) {
    const label = (/** @type {string} */ what) => (step?.name ? `step "${step.name}" (${what})` : `step ${what}`);
    if (typeof step?.uses === 'string') {
      const action = step.uses.split('@')[0] ?? '';
      if (!CHIRPY_ACTIONS.includes(action)) extras.push(label(`uses: ${step.uses}`));
    } else if (typeof step?.run === 'string') {
      // One command per line, a line ending in `\` continued on the next.
      const lines = /** @type {string} */ (step.run)
        .replace(/\\\r?\n/g, ' ')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'));
      const own = lines.filter((line) => !CHIRPY_COMMANDS.some((pattern) => pattern.test(line)));
      if (own.length > 0) extras.push(label(`run: ${own.join('; ')}`));
    }
  }
  const secrets = [
    ...new Set([...text.matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1])),
  ].filter((name) => name !== 'GITHUB_TOKEN');
  if (secrets.length > 0) extras.push(`the secret${secrets.length > 1 ? 's' : ''} ${secrets.join(', ')}`);
  // `on` is read by js-yaml as the key "on" (YAML 1.2); YAML 1.1 readers make it `true`.
  const on = workflow.on ?? workflow[/** @type {any} */ ('true')];
  const triggers =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((event) => [event, null]))
        : (on ?? {});
  for (const [event, settings] of Object.entries(triggers)) {
    if (event === 'workflow_dispatch') continue;
    if (event === 'push') {
      /** @type {string[]} */
      const branches = Array.isArray(settings?.branches) ? settings.branches.map(String) : [];
      const other = branches.filter((branch) => branch !== 'main' && branch !== 'master');
      if (other.length > 0) extras.push(`runs on a push to ${other.join(', ')}`);
      for (const key of ['branches-ignore', 'tags', 'tags-ignore', 'paths']) {
        if (settings?.[key] !== undefined) extras.push(`push filter ${key}: ${[].concat(settings[key]).join(', ')}`);
      }
      continue;
    }
    if (event === 'schedule') {
      const crons = (Array.isArray(settings) ? settings : []).map((entry) => entry?.cron).filter(Boolean);
      extras.push(`runs on a schedule (cron ${crons.map((cron) => `'${cron}'`).join(', ') || '?'})`);
      continue;
    }
    extras.push(`runs on ${event}`);
  }
  const envs = [
    workflow.env,
    ...Object.values(workflow.jobs ?? {}).map((job) => /** @type {any} */ (job)?.env),
    ...stepsOf(workflow).map((step) => step?.env),
  ];
  const names = [...new Set(envs.flatMap((env) => (env && typeof env === 'object' ? Object.keys(env) : [])))].filter(
    (name) => !CHIRPY_ENV.has(name),
  );
  if (names.length > 0) extras.push(`sets ${names.join(', ')}`);
  return extras;
}

/**
 * Whether a workflow publishes by pushing to a branch (Chirpy 2.x–5.x's `tools/deploy.sh` pushes
 * `_site` to `gh-pages`), where the Pages source is that branch, not "GitHub Actions".
 * @param {string} text
 */
export function deploysToBranch(text) {
  return /tools\/deploy|gh-pages|peaceiris\/actions-gh-pages|JamesIves\/github-pages-deploy-action/i.test(text);
}

/**
 * Whether a workflow publishes the site (to Pages or a branch), rather than only building or
 * checking it.
 * @param {string} text
 */
export function deploysSite(text) {
  return deploysToBranch(text) || /actions\/deploy-pages|actions\/upload-pages-artifact|jekyll-build-pages/.test(text);
}
