/** Jekyll's front matter defaults rules (utils/frontmatter-defaults.ts), one by one. */
import { describe, expect, it } from 'vitest';
import {
  defaultsFor,
  withDefaults,
  type FrontmatterDefaultSet,
} from '../../packages/theme/src/utils/frontmatter-defaults.ts';

describe('front matter defaults', () => {
  it('a set without scope, or with an empty path, covers every post', () => {
    expect(defaultsFor([{ values: { math: true } }], '_posts/2024-01-01-a.md')).toEqual({ math: true });
    expect(defaultsFor([{ scope: { path: '' }, values: { toc: false } }], '_posts/x/2024-01-01-a.md')).toEqual({
      toc: false,
    });
  });

  it('a path is a string prefix (a leading slash dropped), as Jekyll compares it', () => {
    const sets = [{ scope: { path: '/_posts/ko' }, values: { author: 'ko' } }];
    expect(defaultsFor(sets, '_posts/ko/2024-01-01-a.md')).toEqual({ author: 'ko' });
    expect(defaultsFor(sets, '_posts/korean/2024-01-01-a.md')).toEqual({ author: 'ko' });
    expect(defaultsFor(sets, '_posts/en/2024-01-01-a.md')).toEqual({});
  });

  it('a glob path matches the post or one of its folders', () => {
    const sets = [{ scope: { path: '_posts/*/special*' }, values: { pin: true } }];
    expect(defaultsFor(sets, '_posts/en/2024-01-01-special-one.md')).toEqual({});
    expect(defaultsFor(sets, '_posts/en/special/2024-01-01-a.md')).toEqual({ pin: true });
    expect(defaultsFor([{ scope: { path: '_posts/**/*.md' }, values: { pin: true } }], '_posts/a/b/c.md')).toEqual({
      pin: true,
    });
  });

  it('type: posts (and the deprecated post) covers posts; pages does not', () => {
    expect(defaultsFor([{ scope: { type: 'post' }, values: { a: 1 } }], '_posts/x.md')).toEqual({ a: 1 });
    expect(defaultsFor([{ scope: { type: 'posts' }, values: { a: 1 } }], '_posts/x.md')).toEqual({ a: 1 });
    expect(defaultsFor([{ scope: { type: 'pages' }, values: { a: 1 } }], '_posts/x.md')).toEqual({});
  });

  it('a longer path wins whatever the order, and keeps winning over shorter ones after it', () => {
    const sets: FrontmatterDefaultSet[] = [
      { scope: { path: '_posts/ko' }, values: { author: 'ko' } },
      { scope: { path: '_posts' }, values: { author: 'all', toc: false } },
      { scope: { path: '_posts', type: 'posts' }, values: { toc: true } },
    ];
    expect(defaultsFor(sets, '_posts/ko/a.md')).toEqual({ author: 'ko', toc: false });
  });

  it('at equal length, a set with a type wins over one without; else the later one', () => {
    const typedFirst: FrontmatterDefaultSet[] = [
      { scope: { path: '_posts', type: 'posts' }, values: { toc: 'typed' } },
      { scope: { path: '_posts' }, values: { toc: 'untyped' } },
    ];
    expect(defaultsFor(typedFirst, '_posts/a.md')).toEqual({ toc: 'typed' });
    const later: FrontmatterDefaultSet[] = [
      { scope: { path: '_posts' }, values: { toc: 'first' } },
      { scope: { path: '_posts' }, values: { toc: 'second' } },
    ];
    expect(defaultsFor(later, '_posts/a.md')).toEqual({ toc: 'second' });
  });

  it("objects merge key by key, lists are replaced, and the post's own values win", () => {
    const sets = [
      { values: { nested: { a: 1, b: 1 }, list: [1, 2] } },
      { scope: { path: '_posts' }, values: { nested: { b: 2 }, list: [3] } },
    ];
    expect(withDefaults(sets, '_posts/a.md', { nested: { c: 3 }, title: 'T' })).toEqual({
      nested: { a: 1, b: 2, c: 3 },
      list: [3],
      title: 'T',
    });
  });
});
