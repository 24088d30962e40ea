/**
 * kramdown's constructs without Jekyll: each fixture under tests/kramdown/<construct>/<case>/ is
 * rendered by the theme (tests/helpers/theme-markdown.ts) and compared with the HTML kramdown made
 * of it, recorded once by scripts/record-kramdown.ts (`pnpm record:kramdown`), fact by fact as
 * tests/build/kramdown-differential.test.ts compares with Jekyll (tests/helpers/kramdown-compare.ts).
 * That test also checks each recording against a fresh Jekyll build, so the recordings stay what
 * kramdown 2.4 makes today.
 *
 * A case with a `differs` file shows the README's intended difference it names (and must differ);
 * the cases KNOWN-FAILING lists are defects not fixed yet, expected to fail (`it.fails`) until
 * their fix lands and the line goes. The theme's HTML never holds a private-use character
 * (U+E000–U+F8FF: stand-ins a construct uses inside the pipeline must not reach the page).
 */
import { describe, expect, it } from 'vitest';
import { describeDifferences } from '../helpers/rendered-facts.ts';
import { compareWithKramdown, intendedDifferences } from '../helpers/kramdown-compare.ts';
import {
  constructNames,
  fixtureConstructs,
  knownFailingIds,
  postText,
  readFixtures,
} from '../helpers/kramdown-fixtures.ts';

const FIXTURES = readFixtures();
const LISTED = intendedDifferences();
/** The fewest cases a construct may have. */
const LEAST = 3;

describe('the construct fixtures', () => {
  it(`give every construct of markdown/kramdown/ at least ${LEAST} cases`, () => {
    const constructs = constructNames();
    expect(constructs.length).toBeGreaterThanOrEqual(10);
    const thin = constructs
      .map((construct) => [construct, FIXTURES.filter((fixture) => fixture.construct === construct).length] as const)
      .filter(([, count]) => count < LEAST);
    expect(thin, 'constructs with too few fixture cases').toEqual([]);
  });

  it('name only constructs the theme has', () => {
    const constructs = new Set(constructNames());
    expect(fixtureConstructs().filter((folder) => !constructs.has(folder))).toEqual([]);
  });

  it('are all recorded (pnpm record:kramdown)', () => {
    expect(FIXTURES.filter((fixture) => fixture.recorded === undefined).map((fixture) => fixture.id)).toEqual([]);
  });

  it('KNOWN-FAILING lists only fixtures that exist', () => {
    const ids = new Set(FIXTURES.map((fixture) => fixture.id));
    expect(knownFailingIds().filter((id) => !ids.has(id))).toEqual([]);
  });
});

const PRIVATE_USE = /[\uE000-\uF8FF]/g;

describe('kramdown constructs: the theme renders each fixture as kramdown did', () => {
  for (const fixture of FIXTURES) {
    (fixture.knownFailing ? it.fails : it)(fixture.id, async () => {
      expect(fixture.recorded, `${fixture.id}: kramdown.html is recorded`).toBeDefined();
      const { differences, themeHtml } = await compareWithKramdown(postText(fixture.input), fixture.recorded!);
      const privateUse = [...new Set(themeHtml.match(PRIVATE_USE) ?? [])].map(
        (character) => `U+${character.codePointAt(0)!.toString(16).toUpperCase()}`,
      );
      expect(privateUse, `private-use characters in the theme's HTML:\n${themeHtml}`).toEqual([]);
      if (fixture.differs) {
        expect(LISTED, `"${fixture.differs}" is listed in the README`).toContain(fixture.differs);
        expect(differences.length, `the case shows the listed difference "${fixture.differs}"`).toBeGreaterThan(0);
      } else {
        expect(
          differences,
          `${fixture.input}\nkramdown:\n${fixture.recorded}\ntheme:\n${themeHtml}\n${describeDifferences(differences)}`,
        ).toEqual([]);
      }
    });
  }
});
