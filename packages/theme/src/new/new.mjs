// @ts-check
/**
 * `astro-theme-chirpy new <folder>`: a new blog in one command. Writes a complete Astro site
 * that uses the theme: astro.config.mjs with the settings a Chirpy blog fills in, the posts
 * collection, a first post, .gitignore, tsconfig.json, package.json (Astro and the theme, nothing
 * else) and the GitHub Pages workflow `migrate` writes. Every setting comes from a flag with a
 * default, so it never asks anything (it runs in scripts and CI, which have no terminal).
 * Plain JavaScript (checked through JSDoc): it runs from an installed package, where Node does
 * not run TypeScript.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALE_CODES, findLocale } from '../constants.mjs';
import { WORKFLOW_NODE, astroPagesWorkflow } from '../migrate/workflow.mjs';

/**
 * @typedef {object} NewOptions
 * @property {string} [title] Site title; default: the folder's name, titled (`my-blog` → `My Blog`).
 * @property {string} [tagline]
 * @property {string} [description]
 * @property {string} [site] The address the blog is served from; default: `https://<github>.github.io`, else `https://example.com`.
 * @property {string} [base] A path the blog is served under (`/blog`), as Chirpy's `baseurl`.
 * @property {string} [timezone] IANA name; default: this machine's.
 * @property {string} [locale] UI language; default `en`.
 * @property {string} [author]
 * @property {string} [avatar] A path under public/ or a URL.
 * @property {string} [github] GitHub user name: a sidebar link (and the default `site`).
 * @property {string} [twitter] X / Twitter user name: a sidebar link.
 * @property {string} [email] An e-mail address: a sidebar link.
 * @property {string} [packageManager] `npm`, `pnpm`, `yarn` or `bun`; default: the one running the command.
 * @property {Date} [now] The first post's date; default: now.
 */

/**
 * @typedef {object} NewResult
 * @property {string} target The folder written.
 * @property {string[]} written Files written, relative to it.
 * @property {string} packageManager
 * @property {string} site
 * @property {boolean} placeholderSite Whether `site` is the placeholder (nothing said where the blog lives).
 */

/** The flags, as `node:util` parseArgs takes them. */
const FLAGS = /** @type {const} */ ({
  title: { type: 'string' },
  tagline: { type: 'string' },
  description: { type: 'string' },
  site: { type: 'string' },
  base: { type: 'string' },
  timezone: { type: 'string' },
  locale: { type: 'string' },
  author: { type: 'string' },
  avatar: { type: 'string' },
  github: { type: 'string' },
  twitter: { type: 'string' },
  email: { type: 'string' },
  'package-manager': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

export const NEW_USAGE = `Usage: astro-theme-chirpy new <folder> [options]

Writes a new Astro blog with the Chirpy theme into <folder> (created; it must be empty).
Every option has a default, and all can be changed later in astro.config.mjs.

  --title <text>          site title (default: the folder's name, "my-blog" -> "My Blog")
  --tagline <text>        the line under the title in the sidebar
  --description <text>    for search engines and the feed
  --site <url>            the address the blog is served from, as Chirpy's url
                          (default: https://<github>.github.io with --github, else https://example.com)
  --base <path>           a path the blog is served under, as Chirpy's baseurl (/blog)
  --timezone <name>       IANA time zone for post dates (default: this machine's)
  --locale <code>         UI language: ${LOCALE_CODES.join(', ')} (default: en)
  --author <name>         the default author of posts
  --avatar <path|url>     sidebar picture: a file under public/ or a URL
  --github <user>         sidebar link to github.com/<user>
  --twitter <user>        sidebar link to x.com/<user>
  --email <address>       sidebar e-mail link
  --package-manager <pm>  npm, pnpm, yarn or bun, for the next steps (default: the one running this)
  -h, --help              this text`;

/**
 * Reads the command line after `new`.
 * @param {string[]} argv
 * @returns {{ folder: string | undefined, options: NewOptions, help: boolean }}
 */
export function parseNewArgs(argv) {
  const { values, positionals } = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
  if (positionals.length > 1) {
    throw new Error(
      `one folder expected, got ${positionals.map((arg) => `"${arg}"`).join(' ')} (quote a title with spaces)`,
    );
  }
  const { help, 'package-manager': packageManager, ...rest } = values;
  /** @type {NewOptions} */
  const options = Object.fromEntries(
    Object.entries({ ...rest, packageManager }).filter(([, value]) => value !== undefined),
  );
  return { folder: positionals[0], options, help: Boolean(help) };
}

/**
 * The package manager that runs this command, from the user agent npm, pnpm, yarn and bun set
 * for the scripts and binaries they start (`pnpm/12.21.0 npm/? node/v24.9.0 linux x64`).
 * @param {string | undefined} userAgent
 */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent) {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** @param {string} folder `my-blog` → `My Blog`. */
function titleFromFolder(folder) {
  const words = basename(folder)
    .split(/[-_.\s]+/)
    .filter(Boolean);
  return words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join(' ') || 'My Blog';
}

/** An npm package name from a folder name. @param {string} folder */
function packageName(folder) {
  return (
    basename(folder)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+|-+$/g, '') || 'blog'
  );
}

/** The machine's time zone, else UTC. */
function localTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** @param {string} zone */
function isTimeZone(zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A date as `YYYY-MM-DD HH:MM:SS ±HHMM` in a time zone (the form Chirpy's posts use).
 * @param {Date} date
 * @param {string} timeZone
 */
function jekyllDate(date, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  // "GMT+09:00", "GMT-04:30", or "GMT" for UTC.
  const offset = /** @type {string} */ (parts.timeZoneName).replace('GMT', '').replace(':', '') || '+0000';
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return { day, stamp: `${day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}` };
}

/** A JavaScript string literal in single quotes. */
const str = (/** @type {string} */ value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A YAML scalar in double quotes (JSON's escapes are YAML's). */
const yamlString = (/** @type {string} */ value) => JSON.stringify(value);

/**
 * Checks the options and fills in the defaults.
 * @param {string} folder
 * @param {NewOptions} options
 */
export function resolveNewOptions(folder, options = {}) {
  const github = options.github?.replace(/^@/, '');
  const twitter = options.twitter?.replace(/^@/, '');
  for (const [flag, name] of /** @type {const} */ ([
    ['github', github],
    ['twitter', twitter],
  ])) {
    if (name !== undefined && !/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new Error(`--${flag} takes a user name such as octocat, not "${name}"`);
    }
  }
  const placeholderSite = !options.site && !github;
  const site = (options.site ?? (github ? `https://${github.toLowerCase()}.github.io` : 'https://example.com')).replace(
    /\/+$/,
    '',
  );
  let url;
  try {
    url = new URL(site);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    throw new Error(
      `--site takes the blog's address, such as https://username.github.io, not "${site}" (a path goes in --base)`,
    );
  }
  const base = options.base ? `/${options.base.replace(/^\/+|\/+$/g, '')}` : undefined;
  if (base !== undefined && !/^\/[\w\-./~%]+$/.test(base)) {
    throw new Error(`--base takes a path such as /blog, not "${options.base}"`);
  }
  const timezone = options.timezone ?? localTimeZone();
  if (!isTimeZone(timezone)) {
    throw new Error(
      `--timezone takes an IANA time zone name such as Asia/Seoul or America/New_York, not "${timezone}"`,
    );
  }
  let locale = 'en';
  if (options.locale) {
    const found = findLocale(options.locale);
    if (!found) {
      throw new Error(`--locale "${options.locale}" is not a locale the theme ships: ${LOCALE_CODES.join(', ')}`);
    }
    locale = found;
  }
  if (options.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(options.email.replace(/^mailto:/, ''))) {
    throw new Error(`--email takes an address such as you@example.com, not "${options.email}"`);
  }
  const packageManager = options.packageManager ?? detectPackageManager();
  if (!['npm', 'pnpm', 'yarn', 'bun'].includes(packageManager)) {
    throw new Error(`--package-manager takes npm, pnpm, yarn or bun, not "${packageManager}"`);
  }
  return {
    title: options.title?.trim() || titleFromFolder(folder),
    tagline: options.tagline ?? 'A blog with the Chirpy theme on Astro.',
    description: options.description ?? '',
    site: url.origin,
    placeholderSite,
    base,
    timezone,
    locale,
    author: options.author,
    avatar: options.avatar,
    github,
    twitter,
    email: options.email?.replace(/^mailto:/, ''),
    packageManager,
    now: options.now ?? new Date(),
  };
}

/** @typedef {ReturnType<typeof resolveNewOptions>} ResolvedNewOptions */

/** @param {ResolvedNewOptions} o */
export function astroConfigText(o) {
  const social = [
    o.github && `        { type: 'github', url: ${str(`https://github.com/${o.github}`)} },`,
    o.twitter && `        { type: 'twitter', url: ${str(`https://x.com/${o.twitter}`)} },`,
    o.email && `        { type: 'email', url: ${str(o.email)} },`,
  ].filter(Boolean);
  const lines = [
    '// @ts-check',
    "import { defineConfig } from 'astro/config';",
    "import chirpy from 'astro-theme-chirpy';",
    '',
    'export default defineConfig({',
    "  // The address the blog is served from (Chirpy's `url`): the feed, the sitemap and canonical links",
    '  // are made from it, and feed readers know each post by it, so set it before the first post goes out.',
    `  site: ${str(o.site)},`,
    o.base
      ? `  base: ${str(o.base)}, // the path the blog is served under (Chirpy's \`baseurl\`)`
      : "  // base: '/blog', // only when the blog is served under a path (Chirpy's `baseurl`)",
    '  integrations: [',
    '    chirpy({',
    `      title: ${str(o.title)},`,
    `      tagline: ${str(o.tagline)},`,
    `      description: ${str(o.description)}, // for search engines and the feed`,
    `      timezone: ${str(o.timezone)}, // post dates without an offset are read in it`,
    `      locale: ${str(o.locale)}, // the UI language`,
    o.author ? `      author: ${str(o.author)},` : "      // author: 'Your Name', // the default author of posts",
    o.avatar
      ? `      avatar: ${str(o.avatar)},`
      : "      // avatar: '/avatar.png', // the sidebar picture: a file in public/ or a URL",
    '      // Sidebar links: github, twitter, mastodon, linkedin, bluesky, email, rss, stackoverflow, reddit,',
    '      // threads, link.',
    social.length > 0
      ? ['      social: [', ...social, '      ],'].join('\n')
      : [
          '      social: [',
          "        // { type: 'github', url: 'https://github.com/username' },",
          "        // { type: 'email', url: 'you@example.com' },",
          '      ],',
        ].join('\n'),
    '      // Comments (giscus, utterances, Disqus), analytics, paginate, languages and every other option:',
    '      // the "Options" table in the README of astro-theme-chirpy.',
    '    }),',
    '  ],',
    '});',
    '',
  ];
  return lines.filter((line) => line !== undefined).join('\n');
}

export const CONTENT_CONFIG = [
  "import { defineCollection } from 'astro:content';",
  "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
  '',
  "// The posts: src/content/posts/YYYY-MM-DD-title.md (or .markdown, .mdx), in any subfolder, read as Chirpy's _posts.",
  'export const collections = { posts: defineCollection({ loader: chirpyLoader() }) };',
  '',
].join('\n');

/** @param {ResolvedNewOptions} o */
function firstPost(o) {
  const { stamp } = jekyllDate(o.now, o.timezone);
  const run = o.packageManager === 'npm' ? 'npm run' : o.packageManager;
  return `---
title: ${yamlString(`Welcome to ${o.title}`)}
date: ${stamp}
categories: [Blogging]
tags: [getting started]
---

This is the first post of the blog, in \`src/content/posts/\`. Edit it or delete it, and write the
next one beside it: a Markdown file named \`YYYY-MM-DD-title.md\`, with front matter as Chirpy's
posts have it.

## Writing

- \`${run} dev\` serves the blog at <http://localhost:4321> and shows each change as you save.
- \`categories\` and \`tags\` make the blog's category and tag pages; \`pin: true\` keeps a post at
  the top of the home page; \`math: true\` turns on \`$…$\` formulas.
- Images go in \`public/\` and are linked from the site root: \`![A photo](/images/photo.jpg)\`.

## Publishing

\`${run} build\` writes the site to \`dist/\`. On GitHub, push this folder to a repository and set
Settings > Pages > Source to "GitHub Actions": \`.github/workflows/deploy.yml\` builds and publishes
it on every push.

The title, the sidebar and every other setting are in \`astro.config.mjs\`.
`;
}

const GITIGNORE = `# Not committed: installed packages, the build, Astro's caches.
node_modules/
dist/
.astro/

# logs
npm-debug.log*
pnpm-debug.log*
yarn-debug.log*
yarn-error.log*

# environment variables
.env
.env.production

.DS_Store
`;

const TSCONFIG = `{
  "extends": "astro/tsconfigs/strict",
  "include": [".astro/types.d.ts", "**/*"],
  "exclude": ["dist"]
}
`;

/**
 * The site's package.json: Astro in the theme's peer range and this version of the theme.
 * @param {string} folder
 * @param {{ themeVersion: string, astroVersion: string }} versions
 */
function packageJson(folder, versions) {
  return `${JSON.stringify(
    {
      name: packageName(folder),
      type: 'module',
      version: '0.0.1',
      private: true,
      scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview', astro: 'astro' },
      // A new install resolves the newest Astro 7, which needs Node 22.23.4 or newer (Node 24:
      // no Node 22 on the npm registry is that new).
      engines: { node: '>=22.23.4' },
      dependencies: { astro: versions.astroVersion, 'astro-theme-chirpy': `^${versions.themeVersion}` },
      // npm 11 and later ask before running install scripts; Astro's esbuild needs its own (as
      // `npm create astro` approves it).
      allowScripts: { esbuild: true },
    },
    null,
    2,
  )}\n`;
}

/** pnpm 11 and later install nothing until each dependency's build script is decided (as `pnpm create astro` does). */
const PNPM_WORKSPACE = `# pnpm 11 and later stop until every dependency's build script is allowed or denied.
allowBuilds:
  esbuild: true
  sharp: true
`;

/**
 * Writes the new blog.
 * @param {string} folder The folder to create (or an empty one).
 * @param {NewOptions} options
 * @param {{ themeVersion: string, astroVersion: string }} versions The theme's version and Astro's range for package.json.
 * @returns {NewResult}
 */
export function createBlog(folder, options, versions) {
  const target = resolve(folder);
  if (existsSync(target)) {
    const present = readdirSync(target).filter((name) => name !== '.git' && name !== '.DS_Store');
    if (present.length > 0) {
      throw new Error(
        `${folder} is not empty (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}): give a new folder's name, or add the theme to an existing site as the README says`,
      );
    }
  }
  const o = resolveNewOptions(target, options);
  const { day } = jekyllDate(o.now, o.timezone);
  const slug = 'welcome';
  /** @type {Record<string, string>} */
  const files = {
    'package.json': packageJson(target, versions),
    'astro.config.mjs': astroConfigText(o),
    'src/content.config.ts': CONTENT_CONFIG,
    [`src/content/posts/${day}-${slug}.md`]: firstPost(o),
    '.gitignore': GITIGNORE,
    'tsconfig.json': TSCONFIG,
    '.github/workflows/deploy.yml': astroPagesWorkflow().replace(
      '(written by astro-theme-chirpy migrate)',
      '(written by astro-theme-chirpy new)',
    ),
  };
  if (o.packageManager === 'pnpm') files['pnpm-workspace.yaml'] = PNPM_WORKSPACE;
  for (const [path, text] of Object.entries(files)) {
    const file = join(target, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return {
    target,
    written: Object.keys(files),
    packageManager: o.packageManager,
    site: o.site,
    placeholderSite: o.placeholderSite,
  };
}

/**
 * What to do next, printed after the site is written.
 * @param {NewResult} result
 * @param {string} [cwd]
 */
export function formatNextSteps(result, cwd = process.cwd()) {
  const where = relative(cwd, result.target) || '.';
  const pm = result.packageManager;
  const run = pm === 'npm' ? 'npm run' : pm;
  const lines = [
    `Wrote a new Chirpy blog in ${where}/:`,
    ...result.written.map((file) => `  ${file}`),
    '',
    'Next:',
    ...(where === '.' ? [] : [`  cd ${where.includes(' ') ? `"${where}"` : where}`]),
    `  ${pm} install`,
    `  ${run} dev          # serves the blog at http://localhost:4321`,
    '',
    `Node ${WORKFLOW_NODE} (or 22.23.4 and newer) runs the newest Astro 7.`,
  ];
  if (result.placeholderSite) {
    lines.push(
      `Set \`site\` in astro.config.mjs to the blog's address before publishing (now ${result.site}): feeds and links are made from it.`,
    );
  }
  lines.push(
    'Write posts in src/content/posts/ (YYYY-MM-DD-title.md). To publish on GitHub Pages, push the folder to a',
    'repository and set Settings > Pages > Source to "GitHub Actions"; .github/workflows/deploy.yml does the rest.',
  );
  return lines.join('\n');
}
