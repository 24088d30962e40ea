/**
 * The example blog as a whole: valid HTML on every page (html-validate), no broken internal
 * link, image or fragment (linkinator, and html-proofer as Chirpy's CI runs it), and two builds
 * of it byte for byte the same.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlProofer } from '../helpers/html-proofer.ts';
import { buildProject, privateUseCharacters, REPO_DIR, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const run = promisify(execFile);
const EXAMPLE = join(REPO_DIR, 'examples/blog');
const BIN = join(REPO_DIR, 'node_modules/.bin');

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) files.set(relative(dir, path), readFileSync(path).toString('base64'));
  }
  return files;
}

describe('the example blog', () => {
  let first: BuiltSite;
  let second: BuiltSite;

  beforeAll(async () => {
    const a = join(TESTS_DIR, '.tmp/example-a');
    const b = join(TESTS_DIR, '.tmp/example-b');
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
    first = await buildProject(EXAMPLE, a);
    second = await buildProject(EXAMPLE, b);
  });

  it('hold no private-use character on any page or feed', () => {
    expect(privateUseCharacters(first.dist)).toEqual([]);
  });

  it('is valid HTML on every page (html-validate)', async () => {
    const result = await run(join(BIN, 'html-validate'), [
      '-c',
      join(REPO_DIR, '.htmlvalidate.json'),
      first.dist,
    ]).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      failed: true,
    }));
    expect(result.stdout).toBe('');
    expect('failed' in result).toBe(false);
  });

  it("passes html-proofer, the checker Chirpy's own CI runs over a built site (links, images, hashes)", async () => {
    expect(await htmlProofer(first.dist)).toEqual([]);
  });

  it('has no broken internal link, image, stylesheet resource or fragment (linkinator)', async () => {
    const args = [first.dist, '--recurse', '--check-css', '--check-fragments', '--verbosity', 'error'];
    const skipExternal = ['--skip', '^https?://(?!127\\.0\\.0\\.1|localhost)'];
    const result = await run(join(BIN, 'linkinator'), [...args, ...skipExternal]).then(
      ({ stdout, stderr }) => ({ output: `${stdout}${stderr}`, failed: false }),
      (error: { stdout?: string; stderr?: string }) => ({
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
        failed: true,
      }),
    );
    expect(result.failed, result.output).toBe(false);
    expect(result.output).toMatch(/Successfully scanned \d+ links/);
  });

  it('prints no warning a user cannot act on (it prints none at all)', () => {
    expect(first.logs.split('\n').filter((line) => /\[WARN\]|\bwarn(ing)?\b/i.test(line))).toEqual([]);
  });

  it('builds byte for byte the same twice', () => {
    const a = snapshot(first.dist);
    const b = snapshot(second.dist);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const different = [...a.keys()].filter((file) => a.get(file) !== b.get(file));
    expect(different).toEqual([]);
    expect(a.size).toBeGreaterThan(30);
  });
});
