#!/usr/bin/env node
/**
 * Checks that a change leaves the built sites byte for byte the same: the example blog and
 * every fixture site the test suite builds (tests/.tmp/<name>/dist).
 *
 *   node scripts/same-output.mjs <git-ref>         build <git-ref> and the working tree, compare
 *   node scripts/same-output.mjs --quick <git-ref> the same for the example blog and the site of
 *                                                  Chirpy's demo posts alone (CI runs this against
 *                                                  HEAD~1; under half a minute)
 *   node scripts/same-output.mjs snapshot <dir>    copy the current outputs into <dir>
 *   node scripts/same-output.mjs compare <a> <b>   compare two snapshots
 *   node scripts/same-output.mjs compare --site <dist-a> <dist-b>   compare two built sites
 *   --css-changed: the change means to alter the stylesheet; compare everything else
 *
 * With a ref, the ref is checked out in a worktree beside this repository (so `../shared` is
 * found), installed from the pnpm store (offline first, then from the registry if the store lacks
 * something), and built the way the working tree is built: the example blog with `astro build`,
 * the fixture sites by running tests/build with a fixed random seed (with `--quick`, only
 * tests/build/chirpy-demo.test.ts, whose site holds Chirpy's demo posts from ../shared/corpus).
 * Test failures do not stop the comparison; only the outputs are compared. The worktree is
 * removed afterwards. Each file that differs is named, the first few with a short excerpt of both
 * sides around the change; the last line says "output identical to <ref>" or "output differs
 * from <ref> in N files".
 *
 * Exit code 0: identical; 1: differences (listed); 2: usage error, or the script itself failed;
 * 3: nothing compared, because the ref is not in this clone (a first commit, a shallow clone) or
 * one side could not be installed or built (said why). .ci/run reports 1 and 3 without failing
 * (a change may mean to change the HTML; the tests catch a working tree that does not build) and
 * fails on 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = '20261205';
/** How many differing files are named, and how many different changes are shown in excerpts. */
const NAMED = 40;
const SHOWN = 10;

/**
 * What `--quick` builds besides the example blog: the fixture sites these tests build
 * (tests/.tmp/<site>/dist).
 */
const QUICK = { tests: ['tests/build/chirpy-demo.test.ts'], sites: ['chirpy-demo'] };

/** Something outside the script went wrong: nothing could be compared (exit code 3). */
class SetupError extends Error {}

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

/**
 * Copies the example blog's dist of `repo` into `target`, and every fixture site's dist (only
 * those of `--quick` when `quick`).
 */
function snapshot(repo, target, quick = false) {
  rmSync(target, { recursive: true, force: true });
  const example = join(repo, 'examples/blog/dist');
  if (existsSync(example)) cpSync(example, join(target, 'example-blog'), { recursive: true });
  const fixtures = join(repo, 'tests/.tmp');
  const names = quick ? QUICK.sites : existsSync(fixtures) ? readdirSync(fixtures).sort() : [];
  for (const name of names) {
    const dist = join(fixtures, name, 'dist');
    if (existsSync(dist) && statSync(dist).isDirectory()) cpSync(dist, join(target, name), { recursive: true });
    else if (quick) console.log(`${name}: not built in ${repo}`);
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

/** One line of a text, with its line breaks shown as `⏎` and its ends cut to `…`. */
function excerpt(text, from, to) {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replaceAll('\n', '⏎')}${end < text.length ? '…' : ''}`;
}

/**
 * Both sides of a difference between two files, shortly: for text, the changed stretch with 60
 * characters of what the two share on either side (at most 200 characters of change); for other
 * files, their sizes.
 */
function difference(left, right) {
  if (!TEXT.test(left)) return `    (binary: ${readFileSync(left).length} bytes, now ${readFileSync(right).length})`;
  const a = content(left).toString('utf8');
  const b = content(right).toString('utf8');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix += 1;
  const side = (sign, text) =>
    `    ${sign} ${excerpt(text, prefix - 60, Math.min(text.length - suffix, prefix + 200) + 60)}`;
  return `${side('-', a)}\n${side('+', b)}`;
}

/**
 * Lists what differs between two snapshots, naming their sides `names`; returns the number of
 * files that differ.
 */
function compare(a, b, names = [a, b]) {
  const sites = new Set([...readdirSync(a), ...readdirSync(b)]);
  let differences = 0;
  // The same change in many pages (a template's) is shown once.
  const shown = new Set();
  const report = (line, left, right) => {
    differences += 1;
    if (differences > NAMED) return;
    console.log(line);
    if (left === undefined || right === undefined) return;
    const change = difference(left, right);
    if (!TEXT.test(left)) console.log(change);
    else if (shown.has(change)) console.log('    (the same change as above)');
    else if (shown.size < SHOWN) {
      shown.add(change);
      console.log(change);
    }
  };
  for (const site of [...sites].sort()) {
    // A fixture added by the change has nothing to be compared with.
    if (!existsSync(join(a, site))) console.log(`${site}: new in ${names[1]} (not compared)`);
    else if (!existsSync(join(b, site))) report(`${site}: only in ${names[0]}`);
    else {
      const left = new Map(filesUnder(join(a, site)).map((file) => [sameName(file), file]));
      const right = new Map(filesUnder(join(b, site)).map((file) => [sameName(file), file]));
      for (const [key, file] of left) {
        const other = right.get(key);
        if (other === undefined) report(`${site}/${file}: only in ${names[0]}`);
        else if (!content(join(a, site, file)).equals(content(join(b, site, other))))
          report(`${site}/${file}: differs`, join(a, site, file), join(b, site, other));
        right.delete(key);
      }
      for (const file of right.values()) report(`${site}/${file}: only in ${names[1]}`);
    }
  }
  if (differences > NAMED) console.log(`(and ${differences - NAMED} more files)`);
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

/**
 * Builds the outputs of the checkout at `repo`: the example blog, then the fixture sites (those
 * of `--quick` when `quick`).
 */
function buildAll(repo, quick) {
  // The output and the content store Astro keeps between builds: each side renders every post
  // with its own code (a kept store could hand over HTML an older build made).
  for (const path of ['dist', '.astro', 'node_modules/.astro'])
    rmSync(join(repo, 'examples/blog', path), { recursive: true, force: true });
  if (run('pnpm', ['build'], repo) !== 0) throw new SetupError(`${repo}: the example blog does not build`);
  // The quick comparison leaves the rest of tests/.tmp alone, and writes no test report there
  // (`--reporter=dot` replaces the configured ones): CI reads the suite's report afterwards.
  if (quick) for (const site of QUICK.sites) rmSync(join(repo, 'tests/.tmp', site), { recursive: true, force: true });
  else rmSync(join(repo, 'tests/.tmp'), { recursive: true, force: true });
  const tests = quick ? [...QUICK.tests, '--reporter=dot'] : ['tests/build'];
  const status = run('pnpm', ['exec', 'vitest', 'run', ...tests], repo);
  if (status !== 0) console.log(`(some tests failed in ${repo}; comparing the outputs anyway)`);
}

/** Installs the checkout at `worktree` from the pnpm store, from the registry for what it lacks. */
function install(worktree) {
  if (run('pnpm', ['install', '--offline', '--frozen-lockfile'], worktree) === 0) return;
  console.log('(the pnpm store lacks a package the ref needs; installing from the registry)');
  if (run('pnpm', ['install', '--prefer-offline', '--frozen-lockfile'], worktree) !== 0)
    throw new SetupError(`${worktree}: pnpm install failed`);
}

/** Builds `ref` and the working tree, compares them; returns the exit code. */
function compareWithRef(ref, quick) {
  const found = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (found.status !== 0) {
    console.log(`${ref} is not in this clone (no such commit, a first commit, or a shallow clone): nothing compared`);
    return 3;
  }
  const sha = found.stdout.trim();
  const worktree = join(dirname(REPO), `.same-output-${sha.slice(0, 12)}`);
  const snapshots = mkdtempSync(join(dirname(REPO), '.same-output-snapshots-'));
  try {
    // A worktree a killed run left behind is replaced.
    if (existsSync(worktree)) spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: REPO });
    rmSync(worktree, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: REPO });
    execFileSync('git', ['worktree', 'add', '--detach', worktree, sha], { cwd: REPO, stdio: 'inherit' });
    install(worktree);
    buildAll(worktree, quick);
    snapshot(worktree, join(snapshots, 'before'), quick);
    buildAll(REPO, quick);
    snapshot(REPO, join(snapshots, 'after'), quick);
    const differences = compare(join(snapshots, 'before'), join(snapshots, 'after'), [ref, 'the working tree']);
    console.log(
      differences === 0 ? `output identical to ${ref}` : `output differs from ${ref} in ${differences} files`,
    );
    return differences === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.log(`${error.message}: nothing compared with ${ref}`);
    return 3;
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: REPO, stdio: 'inherit' });
    rmSync(worktree, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: REPO });
    rmSync(snapshots, { recursive: true, force: true });
  }
}

function main(args) {
  const quick = args.includes('--quick');
  const [mode, ...rest] = args.filter((arg) => arg !== '--css-changed' && arg !== '--quick');
  if (mode === 'compare' && rest.length === 3 && rest[0] === '--site' && !quick) {
    // One site's output folder against another's.
    const [, left, right] = rest;
    const pair = mkdtempSync(join(dirname(REPO), '.same-output-pair-'));
    try {
      for (const [side, dir] of [
        ['a', left],
        ['b', right],
      ])
        cpSync(resolve(dir), join(pair, side, 'site'), { recursive: true });
      return compare(join(pair, 'a'), join(pair, 'b'), [left, right]) === 0 ? 0 : 1;
    } finally {
      rmSync(pair, { recursive: true, force: true });
    }
  }
  if (mode === 'snapshot' && rest.length === 1 && !quick) {
    snapshot(REPO, resolve(rest[0]));
    return 0;
  }
  if (mode === 'compare' && rest.length === 2 && !quick)
    return compare(resolve(rest[0]), resolve(rest[1])) === 0 ? 0 : 1;
  if (mode && rest.length === 0 && !mode.startsWith('-')) return compareWithRef(mode, quick);
  console.error(
    'usage: same-output.mjs [--quick] <git-ref> | snapshot <dir> | compare <a> <b> | compare --site <a> <b> [--css-changed]',
  );
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Not a difference and not a setup problem: the script itself failed.
  console.error(error);
  process.exitCode = 2;
}
