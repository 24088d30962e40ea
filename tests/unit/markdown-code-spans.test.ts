/**
 * remark-kramdown-code-spans alone: code spans by kramdown's rule. The expected HTML is what
 * kramdown 2.4 made of each line (recorded from a Jekyll run; the torture corpus in
 * tests/build/kramdown-differential.test.ts compares such cases with Jekyll on every run).
 */
import { describe, expect, it } from 'vitest';
import { remarkKramdownCodeSpans } from '../../packages/theme/src/markdown/kramdown/code-spans/index.ts';
import { renderBare } from '../helpers/theme-markdown.ts';

const withPlugin = async (markdown: string) => (await renderBare(markdown, { remark: [remarkKramdownCodeSpans] })).html;
const without = async (markdown: string) => (await renderBare(markdown)).html;

describe('kramdown code spans', () => {
  it.each([
    // The opening run closes at the first run of as many backticks, even inside a longer one.
    ['`a``b`', '<p><code>a</code><code>b</code></p>'],
    ['`a```b`c`', '<p><code>a</code>``b<code>c</code></p>'],
    // A longer opening run.
    ['``a`b``', '<p><code>a`b</code></p>'],
    ['```a``b```', '<p><code>a``b</code></p>'],
    // Two or more backticks drop one space on each side, each on its own.
    ['``  a  ``', '<p><code> a </code></p>'],
    ['`` `a` ``', '<p><code>`a`</code></p>'],
    ['`` ``', '<p><code></code></p>'],
    // One backtick keeps its spaces; between white space (or first in the paragraph) it is text.
    ['x` a `', '<p>x<code> a </code></p>'],
    ['a ` b ` c', '<p>a ` b ` c</p>'],
    ['` a`', '<p>` a`</p>'],
    // No closing run: the whole run is text.
    ['x ```` y ``` z', '<p>x ```` y ``` z</p>'],
    ['`a\\`b`', '<p><code>a\\</code>b`</p>'],
    ['\\``a`', '<p>`<code>a</code></p>'],
  ])('%s', async (markdown, html) => {
    expect((await withPlugin(markdown)).trim()).toBe(html);
  });

  it('differ from CommonMark code spans where kramdown does (so the plugin is what makes them)', async () => {
    expect((await without('`a``b`')).trim()).toBe('<p><code>a``b</code></p>');
    expect((await without('x` a `')).trim()).toBe('<p>x<code>a</code></p>');
  });
});
