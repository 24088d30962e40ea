#!/usr/bin/env node
/**
 * Checks that a change leaves the built sites byte for byte the same: the example blog and
 * every fixture site the test suite builds (tests/.tmp/<name>/dist).
 *
 *   node scripts/same-output.mjs <git-ref>         build <git-ref> and the working tree, compare
 *   node scripts/same-output.mjs snapshot <dir>    copy the current outputs into <dir>
 *   node scripts/same-output.mjs compare <a> <b>   compare two snapshots
 *   node scripts/same-output.mjs compare --site <dist-a> <dist-b>   compare two built sites
 *   --css-changed: the change means to alter the stylesheet; compare everything else
 *
 * With a ref, the ref is checked out in a worktree beside this repository (so `../shared` is
 * found), installed from the pnpm store, and built the way the working tree is built: the
 * example blog with `astro build`, the fixture sites by running tests/build with a fixed
 * random seed. Test failures do not stop the comparison; only the outputs are compared.
 * Exit code 0: identical; 1: differences (listed); 2: usage or setup error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = '20261205';

function filesUnder(dir) {
  const out = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      // A failed build leaves Astro's intermediate chunks behind: not output.
      if (entry.isDirectory()) {
        if (entry.name !== '.prerender') walk(path);
      } else out.push(relative(dir, path));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Copies the example blog's dist and every fixture site's dist of `repo` into `target`. */
function snapshot(repo, target) {
  rmSync(target, { recursive: true, force: true });
  const example = join(repo, 'examples/blog/dist');
  if (existsSync(example)) cpSync(example, join(target, 'example-blog'), { recursive: true });
  const fixtures = join(repo, 'tests/.tmp');
  for (const name of existsSync(fixtures) ? readdirSync(fixtures).sort() : []) {
    const dist = join(fixtures, name, 'dist');
    if (existsSync(dist) && statSync(dist).isDirectory()) cpSync(dist, join(target, name), { recursive: true });
  }
}

/**
 * Astro names a bundled asset `_astro/<name>.<hash>.<ext>`, where the hash is of the content
 * and the name is that of a module Rollup picked for the chunk: moving code between modules can
 * rename a chunk whose content is the same. Such names are compared by their hash alone.
 */
const ASSET = /_astro\/[^/"'\s()<>]+?\.([A-Za-z0-9_-]{8})\.([a-z0-9]+)\b/g;
const TEXT = /\.(html|xml|json|js|mjs|css|txt|webmanifest|svg)$/;
/**
 * With `--css-changed` (a change that means to alter the stylesheet), bundled CSS is compared
 * by name alone, so the pages are compared apart from the stylesheet's new hash.
 */
const CSS_CHANGED = process.argv.includes('--css-changed');
const assetName = (_whole, hash, ext) => (CSS_CHANGED && ext === 'css' ? '_astro/~.css' : `_astro/~.${hash}.${ext}`);
const sameName = (path) => path.replace(ASSET, assetName);

function content(path) {
  if (CSS_CHANGED && path.endsWith('.css')) return Buffer.from('');
  const bytes = readFileSync(path);
  return TEXT.test(path) ? Buffer.from(bytes.toString('utf8').replace(ASSET, assetName)) : bytes;
}

/** Lists what differs between two snapshots; returns the number of differences. */
function compare(a, b) {
  const sites = new Set([...readdirSync(a), ...readdirSync(b)]);
  let differences = 0;
  const report = (line) => {
    differences += 1;
    console.log(line);
  };
  for (const site of [...sites].sort()) {
    // A fixture added by the change has nothing to be compared with.
    if (!existsSync(join(a, site))) console.log(`${site}: new in ${b} (not compared)`);
    else if (!existsSync(join(b, site))) report(`${site}: only in ${a}`);
    else {
      const left = new Map(filesUnder(join(a, site)).map((file) => [sameName(file), file]));
      const right = new Map(filesUnder(join(b, site)).map((file) => [sameName(file), file]));
      for (const [key, file] of left) {
        const other = right.get(key);
        if (other === undefined) report(`${site}/${file}: only in ${a}`);
        else if (!content(join(a, site, file)).equals(content(join(b, site, other))))
          report(`${site}/${file}: differs`);
        right.delete(key);
      }
      for (const file of right.values()) report(`${site}/${file}: only in ${b}`);
    }
  }
  console.log(
    differences === 0
      ? `Same output: ${sites.size} sites, byte for byte.`
      : `${differences} difference(s) in ${sites.size} sites.`,
  );
  return differences;
}

function run(command, args, cwd) {
  console.log(`$ (${basename(cwd)}) ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CHIRPY_RANDOM_SEED: process.env.CHIRPY_RANDOM_SEED ?? SEED, CI: 'true' },
  });
  return result.status ?? 1;
}

/** Builds every output of the checkout at `repo`: the example blog, then the fixture sites. */
function buildAll(repo) {
  rmSync(join(repo, 'tests/.tmp'), { recursive: true, force: true });
  if (run('pnpm', ['build'], repo) !== 0) throw new Error(`${repo}: the example blog does not build`);
  const status = run('pnpm', ['exec', 'vitest', 'run', 'tests/build'], repo);
  if (status !== 0) console.log(`(some tests failed in ${repo}; comparing the outputs anyway)`);
}

const [mode, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--css-changed');
if (mode === 'compare' && rest.length === 3 && rest[0] === '--site') {
  // One site's output folder against another's.
  const [, left, right] = rest;
  const pair = mkdtempSync(join(dirname(REPO), '.same-output-pair-'));
  try {
    for (const [side, dir] of [
      ['a', left],
      ['b', right],
    ])
      cpSync(resolve(dir), join(pair, side, 'site'), { recursive: true });
    process.exitCode = compare(join(pair, 'a'), join(pair, 'b')) === 0 ? 0 : 1;
  } finally {
    rmSync(pair, { recursive: true, force: true });
  }
} else if (mode === 'snapshot' && rest.length === 1) {
  snapshot(REPO, resolve(rest[0]));
} else if (mode === 'compare' && rest.length === 2) {
  process.exit(compare(resolve(rest[0]), resolve(rest[1])) === 0 ? 0 : 1);
} else if (mode && rest.length === 0 && !mode.startsWith('-')) {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${mode}^{commit}`], {
    cwd: REPO,
    encoding: 'utf8',
  }).trim();
  const worktree = join(dirname(REPO), `.same-output-${sha.slice(0, 12)}`);
  const snapshots = mkdtempSync(join(dirname(REPO), '.same-output-snapshots-'));
  try {
    execFileSync('git', ['worktree', 'add', '--detach', worktree, sha], { cwd: REPO, stdio: 'inherit' });
    if (run('pnpm', ['install', '--offline', '--frozen-lockfile'], worktree) !== 0)
      throw new Error(`${worktree}: pnpm install failed`);
    buildAll(worktree);
    snapshot(worktree, join(snapshots, 'before'));
    buildAll(REPO);
    snapshot(REPO, join(snapshots, 'after'));
    process.exitCode = compare(join(snapshots, 'before'), join(snapshots, 'after')) === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: REPO, stdio: 'inherit' });
    rmSync(snapshots, { recursive: true, force: true });
  }
} else {
  console.error('usage: same-output.mjs <git-ref> | snapshot <dir> | compare <a> <b>');
  process.exit(2);
}
