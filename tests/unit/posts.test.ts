import { describe, expect, it } from 'vitest';
import {
  homeOrder,
  isPublic,
  neighbours,
  pageWindow,
  paginate,
  relatedPosts,
  sortPosts,
  type PostLike,
} from '../../packages/theme/src/utils/posts.ts';

let counter = 0;
function make(id: string, date: string, extra: Partial<PostLike['data']> = {}): PostLike {
  counter += 1;
  return {
    id,
    data: {
      title: id,
      date: new Date(date),
      published: true,
      pin: false,
      hidden: false,
      categories: [],
      tags: [],
      ...extra,
    },
  };
}

describe('publication', () => {
  const now = new Date('2024-06-01T00:00:00Z');
  it('hides unpublished and future posts', () => {
    expect(isPublic(make('a', '2024-01-01'), now)).toBe(true);
    expect(isPublic(make('b', '2024-01-01', { published: false }), now)).toBe(false);
    expect(isPublic(make('c', '2024-06-01T00:00:01Z'), now)).toBe(false);
    expect(isPublic(make('d', '2024-06-01T00:00:00Z'), now)).toBe(true);
  });
});

describe('home order and pages', () => {
  const posts = sortPosts([
    make('old-pinned', '2020-01-01', { pin: true }),
    make('new', '2024-05-01'),
    make('hidden', '2024-04-01', { hidden: true }),
    make('mid', '2023-01-01'),
    make('new-pinned', '2022-01-01', { pin: true }),
    make('oldest', '2019-01-01'),
  ]);

  it('sorts newest first', () => {
    expect(posts.map((p) => p.id)).toEqual(['new', 'hidden', 'mid', 'new-pinned', 'old-pinned', 'oldest']);
  });

  it('puts pinned posts first, newest first, and leaves hidden posts out', () => {
    expect(homeOrder(posts).map((p) => p.id)).toEqual(['new-pinned', 'old-pinned', 'new', 'mid', 'oldest']);
  });

  it('splits across pages with pins on the first pages only', () => {
    const pages = paginate(homeOrder(posts), 2);
    expect(pages.map((page) => page.items.map((p) => p.id))).toEqual([
      ['new-pinned', 'old-pinned'],
      ['new', 'mid'],
      ['oldest'],
    ]);
    expect(pages.map((page) => [page.current, page.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('has one empty page for an empty blog', () => {
    expect(paginate([], 10)).toEqual([{ items: [], current: 1, total: 1 }]);
  });

  it('orders posts of the same instant the same way every time', () => {
    const a = make('a', '2024-01-01');
    const b = make('b', '2024-01-01');
    expect(sortPosts([b, a]).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('finds older and newer posts in date order, hidden ones included', () => {
    expect(neighbours(posts, 'hidden')).toMatchObject({ newer: { id: 'new' }, older: { id: 'mid' } });
    expect(neighbours(posts, 'new').newer).toBeUndefined();
    expect(neighbours(posts, 'oldest').older).toBeUndefined();
  });
});

describe('related posts', () => {
  const target = make('target', '2024-01-01', { tags: ['a', 'b'], categories: ['X', 'Y'] });
  const posts = sortPosts([
    target,
    make('two-tags', '2020-01-01', { tags: ['a', 'b'] }),
    make('tag-and-cat', '2021-01-01', { tags: ['a'], categories: ['X'] }),
    make('one-tag-new', '2023-01-01', { tags: ['b'] }),
    make('one-tag-old', '2019-01-01', { tags: ['a'] }),
    make('category-only', '2023-06-01', { categories: ['X'] }),
    make('unrelated', '2023-07-01', { tags: ['z'] }),
  ]);

  it('scores +1 per shared tag and +0.5 per shared category, newest first on ties, at most 3', () => {
    expect(relatedPosts(posts, target).map((p) => p.id)).toEqual(['two-tags', 'tag-and-cat', 'one-tag-new']);
  });

  it('never lists the post itself or unrelated posts', () => {
    const all = relatedPosts(posts, target, 10).map((p) => p.id);
    expect(all).not.toContain('target');
    expect(all).not.toContain('unrelated');
    expect(all).toContain('category-only');
  });

  it('matches a plain scan of every post, for every post of a larger list (repeated tags counted once)', () => {
    // The index behind relatedPosts must give what scoring each candidate by hand gives.
    const pool = ['a', 'b', 'c', 'd', 'e', 'f'];
    const cats = ['X', 'Y', 'Z'];
    let seed = 7;
    const pick = <T>(list: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[seed % list.length]!;
    };
    const many = sortPosts(
      Array.from({ length: 80 }, (_, i) =>
        make(`p${i}`, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, {
          tags: [pick(pool), pick(pool), pick(pool)],
          categories: i % 4 === 0 ? [] : [pick(cats), pick(cats)],
        }),
      ),
    );
    const byHand = (post: PostLike, limit: number) =>
      many
        .map((other, rank) => {
          const tags = new Set(post.data.tags);
          const categories = new Set(post.data.categories);
          let score = 0;
          for (const tag of new Set(other.data.tags)) if (tags.has(tag)) score += 1;
          for (const category of new Set(other.data.categories)) if (categories.has(category)) score += 0.5;
          return { id: other.id, score, rank };
        })
        .filter((entry) => entry.id !== post.id && entry.score > 0)
        .sort((a, b) => b.score - a.score || a.rank - b.rank)
        .slice(0, limit)
        .map((entry) => entry.id);
    for (const post of many) {
      expect(relatedPosts(many, post, 3).map((p) => p.id)).toEqual(byHand(post, 3));
      expect(relatedPosts(many, post, 100).map((p) => p.id)).toEqual(byHand(post, 100));
      const rank = many.indexOf(post);
      expect(neighbours(many, post.id)).toEqual({ newer: many[rank - 1], older: many[rank + 1] });
    }
  });
  void counter;
});

describe('page numbers around the current page', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the ends, the neighbours and gaps on a long list, never a gap for one page', () => {
    expect(pageWindow(1, 500)).toEqual([1, 2, 3, 'gap', 500]);
    expect(pageWindow(250, 500)).toEqual([1, 'gap', 249, 250, 251, 'gap', 500]);
    expect(pageWindow(500, 500)).toEqual([1, 'gap', 498, 499, 500]);
    expect(pageWindow(4, 500)).toEqual([1, 2, 3, 4, 5, 'gap', 500]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 'gap', 7]);
  });

  it('has a bounded size, whatever the number of pages', () => {
    for (let current = 1; current <= 1000; current += 37)
      expect(pageWindow(current, 1000).length).toBeLessThanOrEqual(7);
  });
});
