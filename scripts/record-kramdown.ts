/**
 * Records what kramdown makes of the construct fixtures: builds each tests/kramdown/<construct>/<case>/input.md
 * with Jekyll through the oracle site (tests/oracle/site, as tests/helpers/jekyll.ts builds it: Chirpy's
 * `kramdown:` settings, kramdown 2.4 with kramdown-parser-gfm and rouge) and writes the body Jekyll
 * published to `kramdown.html` beside it. Run by people when a case is added or changed
 * (`pnpm record:kramdown`); CI does not run it, it checks the recordings against a fresh build
 * (tests/build/kramdown-differential.test.ts).
 *
 *   pnpm record:kramdown                        every fixture (one Jekyll build; only changed files are written)
 *   pnpm record:kramdown --missing              only the fixtures without a kramdown.html
 *   pnpm record:kramdown emphasis fences/usual  the constructs or cases named
 *
 * Needs Debian's `jekyll`. Runs with Node's type stripping (Node 22.18 or later).
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { jekyllBuild } from '../tests/helpers/jekyll.ts';
import { FIXTURES_DIR, postPath, postText, readFixtures } from '../tests/helpers/kramdown-fixtures.ts';

const args = process.argv.slice(2);
const missingOnly = args.includes('--missing');
const named = args.filter((arg) => !arg.startsWith('--'));
const unknownFlag = args.find((arg) => arg.startsWith('--') && arg !== '--missing');
if (unknownFlag) {
  console.error(`record-kramdown: unknown option ${unknownFlag} (only --missing)`);
  process.exit(2);
}

const all = readFixtures();
for (const name of named) {
  if (!all.some((fixture) => fixture.construct === name || fixture.id === name)) {
    console.error(`record-kramdown: no fixture or construct "${name}" under ${relative(process.cwd(), FIXTURES_DIR)}`);
    process.exit(2);
  }
}
const chosen = all.filter(
  (fixture) =>
    (named.length === 0 || named.includes(fixture.construct) || named.includes(fixture.id)) &&
    (!missingOnly || fixture.recorded === undefined),
);
if (chosen.length === 0) {
  console.log('record-kramdown: nothing to record');
  process.exit(0);
}

console.log(`record-kramdown: building ${chosen.length} fixture(s) with Jekyll…`);
const published = await jekyllBuild(
  'record-kramdown',
  Object.fromEntries(chosen.map((fixture) => [postPath(fixture), postText(fixture.input)])),
);

const counts = { new: 0, changed: 0, same: 0 };
let failed = false;
for (const fixture of chosen) {
  const post = published.get(postPath(fixture));
  if (!post) {
    console.error(`  ${fixture.id}: Jekyll did not publish it (its front matter?)`);
    failed = true;
    continue;
  }
  if (post.html === fixture.recorded) {
    counts.same += 1;
    continue;
  }
  const kind = fixture.recorded === undefined ? 'new' : 'changed';
  counts[kind] += 1;
  writeFileSync(join(fixture.dir, 'kramdown.html'), post.html);
  console.log(`  ${fixture.id}: ${kind}`);
}
console.log(`record-kramdown: ${counts.new} new, ${counts.changed} changed, ${counts.same} unchanged`);
process.exit(failed ? 1 : 0);
