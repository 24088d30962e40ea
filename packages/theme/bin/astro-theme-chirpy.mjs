#!/usr/bin/env node
// @ts-check
/** The `astro-theme-chirpy` command. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatReport, migrate } from '../src/migrate/migrate.mjs';

const USAGE = 'Usage: astro-theme-chirpy migrate <jekyll-site> <astro-site>';
const [command, source, target] = process.argv.slice(2);

if (command !== 'migrate' || !source || !target) {
  console.error(USAGE);
  process.exit(command === '--help' || command === '-h' ? 0 : 1);
}

const theme = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
try {
  const report = migrate(resolve(source), resolve(target), {
    themeVersion: theme.version,
    astroVersion: theme.peerDependencies?.astro,
  });
  console.log(formatReport(report));
} catch (error) {
  console.error(`astro-theme-chirpy migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
