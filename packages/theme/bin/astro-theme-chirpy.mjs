#!/usr/bin/env node
// @ts-check
/** The `astro-theme-chirpy` command: `new` starts a blog, `migrate` moves a Jekyll Chirpy site. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const USAGE = `Usage:
  astro-theme-chirpy new <folder> [--title …] [--site …]   a new blog (--help lists the options)
  astro-theme-chirpy migrate <jekyll-site> <astro-site>     an Astro site from a Jekyll Chirpy site`;

const theme = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const versions = { themeVersion: theme.version, astroVersion: theme.peerDependencies?.astro ?? '^7.3.5' };
const [command, ...args] = process.argv.slice(2);

/** @param {string} name @param {unknown} error */
function fail(name, error) {
  console.error(`astro-theme-chirpy ${name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (command === 'new') {
  const { NEW_USAGE, createBlog, formatNextSteps, parseNewArgs } = await import('../src/new/new.mjs');
  /** @type {ReturnType<typeof parseNewArgs>} */
  let parsed;
  try {
    parsed = parseNewArgs(args);
  } catch (error) {
    console.error(NEW_USAGE);
    fail('new', error);
    process.exit(1);
  }
  if (parsed.help) {
    console.log(NEW_USAGE);
    process.exit(0);
  }
  if (!parsed.folder) {
    console.error(NEW_USAGE);
    process.exit(1);
  }
  try {
    console.log(formatNextSteps(createBlog(parsed.folder, parsed.options, versions)));
  } catch (error) {
    fail('new', error);
  }
} else if (command === 'migrate' && args.length === 2) {
  const { formatReport, migrate } = await import('../src/migrate/migrate.mjs');
  const [source, target] = /** @type {[string, string]} */ (args);
  try {
    const report = migrate(resolve(source), resolve(target), versions);
    console.log(formatReport(report));
  } catch (error) {
    fail('migrate', error);
  }
} else if (command === '--version' || command === '-v') {
  console.log(theme.version);
} else {
  const help = command === '--help' || command === '-h' || command === 'help';
  (help ? console.log : console.error)(USAGE);
  process.exit(help ? 0 : 1);
}
