/**
 * The kramdown construct fixtures: tests/kramdown/<construct>/<case>/ holds `input.md` (a post
 * body, with front matter only where the case needs it) and `kramdown.html` (that body as Jekyll
 * and kramdown published it, recorded once by scripts/record-kramdown.ts), and, for a case the
 * theme renders differently on purpose, a `differs` file naming the README's intended difference.
 * tests/kramdown/KNOWN-FAILING lists the cases the theme gets wrong today.
 *
 * Read by tests/kramdown/constructs.test.ts (the theme against the recording, no Jekyll),
 * tests/build/kramdown-differential.test.ts (the recording against Jekyll today) and the record
 * script. Node's own modules only, so the script runs it with Node's type stripping.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TortureCase } from '../oracle/math-torture.ts';

const TESTS_DIR = fileURLToPath(new URL('..', import.meta.url));
/** tests/kramdown: one folder per construct, one folder per case in it. */
export const FIXTURES_DIR = join(TESTS_DIR, 'kramdown');
/** The theme's kramdown constructs, one folder each (`shared` holds what they share). */
export const CONSTRUCTS_DIR = join(TESTS_DIR, '..', 'packages', 'theme', 'src', 'markdown', 'kramdown');
export const KNOWN_FAILING_FILE = join(FIXTURES_DIR, 'KNOWN-FAILING');

export interface KramdownFixture {
  construct: string;
  name: string;
  /** `<construct>/<case>`: the test's name, and the line KNOWN-FAILING lists. */
  id: string;
  dir: string;
  /** `input.md` as written. */
  input: string;
  /** `kramdown.html`, or undefined before it is recorded. */
  recorded: string | undefined;
  /** The README's id of the intended difference the case shows (its `differs` file). */
  differs: string | undefined;
  /** Listed in KNOWN-FAILING: the theme gets it wrong today. */
  knownFailing: boolean;
}

const foldersIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

/** The constructs the theme has: the folders of markdown/kramdown/ but `shared`. */
export const constructNames = (): string[] => foldersIn(CONSTRUCTS_DIR).filter((name) => name !== 'shared');

/** The construct folders under tests/kramdown/. */
export const fixtureConstructs = (): string[] => foldersIn(FIXTURES_DIR);

/** The ids KNOWN-FAILING lists (one a line; `#` starts a comment). */
export function knownFailingIds(): string[] {
  if (!existsSync(KNOWN_FAILING_FILE)) return [];
  return readFileSync(KNOWN_FAILING_FILE, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

const readIfThere = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** Every fixture, by construct and case name. */
export function readFixtures(): KramdownFixture[] {
  const failing = new Set(knownFailingIds());
  return fixtureConstructs().flatMap((construct) =>
    foldersIn(join(FIXTURES_DIR, construct)).map((name) => {
      const dir = join(FIXTURES_DIR, construct, name);
      const id = `${construct}/${name}`;
      return {
        construct,
        name,
        id,
        dir,
        input: readFileSync(join(dir, 'input.md'), 'utf8'),
        recorded: readIfThere(join(dir, 'kramdown.html')),
        differs: readIfThere(join(dir, 'differs'))?.trim(),
        knownFailing: failing.has(id),
      };
    }),
  );
}

/**
 * The post file Jekyll builds: `input.md` as written when it has front matter; otherwise the body
 * under the front matter the math torture corpus gives its cases (`title: t`, `math: true`).
 */
export const postText = (input: string): string =>
  /^---\r?\n/.test(input) ? input : `---\ntitle: t\nmath: true\n---\n\n${input}`;

/** The fixture's post file under Jekyll's `_posts/` (one folder, so no two share a URL). */
export const postPath = (fixture: Pick<KramdownFixture, 'construct' | 'name'>): string =>
  `2024-01-01-${fixture.construct}--${fixture.name}.md`;

/**
 * The fixtures as torture cases (the math torture corpus's shape), for the tests that use both:
 * the random documents of the differential and of the MathJax judge draw their pieces from them,
 * and the MathJax judge reads their formulas. The cases KNOWN-FAILING lists are left out.
 */
export function fixtureCases(fixtures: KramdownFixture[]): TortureCase[] {
  return fixtures
    .filter((fixture) => !fixture.knownFailing)
    .map((fixture) => {
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n\r?\n?/.exec(fixture.input);
      const body = (frontmatter ? fixture.input.slice(frontmatter[0].length) : fixture.input).replace(/\n$/, '');
      return {
        name: fixture.id,
        body,
        ...(frontmatter ? { frontmatter: frontmatter[1]! } : {}),
        ...(fixture.differs ? { differs: fixture.differs } : {}),
      };
    });
}
