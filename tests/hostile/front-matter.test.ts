/**
 * Front matter that would make a URL outside the post's own place stops the build naming the
 * post, the field and the value: a slug of dots, a `redirect_from` that climbs out of the site,
 * a category or tag with no letter or digit (its page would be `/categories//`). And with
 * `mdx: false`, an `.mdx` post (a program) is refused.
 */
import { describe, expect, it } from 'vitest';
import { buildFailure, post } from '../helpers/site.ts';

describe('front matter that names no place of its own', () => {
  it('slug: ..', async () => {
    const message = await buildFailure('hostile-slug-dots', {
      posts: { '2024-01-01-dots.md': post({ title: 'Dots', slug: "'..'" }) },
    });
    expect(message).toContain('src/content/posts/2024-01-01-dots.md: slug: ".." gives the URL slug ".."');
  });

  it('redirect_from: /../..', async () => {
    const message = await buildFailure('hostile-redirect-climb', {
      posts: { '2024-01-01-climb.md': post({ title: 'Climb', redirect_from: '/../..' }) },
    });
    expect(message).toContain('src/content/posts/2024-01-01-climb.md');
    expect(message).toMatch(/redirect_from/);
    expect(message).toContain('expected a site path without . or .. segments, got "/../.."');
  });

  it('a category or tag of punctuation alone', async () => {
    const message = await buildFailure('hostile-term-punctuation', {
      posts: { '2024-01-01-bang.md': post({ title: 'Bang', categories: "['!!!']", tags: '[ok]' }) },
    });
    expect(message).toContain('src/content/posts/2024-01-01-bang.md');
    expect(message).toMatch(/categories/);
    expect(message).toContain('each category needs a letter or a digit (its page\'s URL is made of them), got "!!!"');
  });
});

describe('mdx: false', () => {
  it('refuses an .mdx post, naming it', async () => {
    const message = await buildFailure('hostile-mdx-off', {
      posts: {
        '2024-01-01-fine.md': post({ title: 'Fine' }),
        '2024-01-02-code.mdx': post({ title: 'Code' }, "import { readFileSync } from 'node:fs';\n\nText."),
      },
      options: { mdx: false },
    });
    expect(message).toContain('src/content/posts/2024-01-02-code.mdx: an MDX post runs code at build time');
    expect(message).toContain('chirpy({ mdx: false })');
  });
});
