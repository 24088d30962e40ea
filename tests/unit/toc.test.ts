import { describe, expect, it } from 'vitest';
import { tocEntries } from '../../packages/theme/src/utils/toc.ts';
import { recentlyUpdated, type PostLike } from '../../packages/theme/src/utils/posts.ts';
import { tagTerms, trendingTags } from '../../packages/theme/src/utils/taxonomy.ts';

describe('table of contents', () => {
  it('keeps h2–h4, drops skipped headings and the footnotes title', () => {
    const headings = [
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A#' },
      { depth: 3, slug: 'b', text: 'B' },
      { depth: 4, slug: 'c', text: 'C' },
      { depth: 5, slug: 'd', text: 'D' },
      { depth: 2, slug: 'skip', text: 'Skip' },
      { depth: 2, slug: 'footnote-label', text: 'Footnotes' },
    ];
    expect(tocEntries(headings, ['skip'])).toEqual([
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'b', text: 'B' },
      { depth: 4, slug: 'c', text: 'C' },
    ]);
  });
});

describe('panels', () => {
  const make = (id: string, date: string, modified?: string, tags: string[] = []): PostLike => ({
    id,
    data: {
      title: id,
      date: new Date(date),
      last_modified_at: modified ? new Date(modified) : undefined,
      published: true,
      pin: false,
      hidden: false,
      categories: [],
      tags,
    },
  });

  it('orders Recently Updated by last_modified_at, else date, five at most', () => {
    const posts = [
      make('old-but-edited', '2020-01-01', '2024-06-01'),
      make('new', '2024-05-01'),
      make('a', '2021-01-01'),
      make('b', '2021-02-01'),
      make('c', '2021-03-01'),
      make('d', '2021-04-01'),
    ];
    expect(recentlyUpdated(posts).map((p) => p.id)).toEqual(['old-but-edited', 'new', 'd', 'c', 'b']);
  });

  it('orders Trending Tags by post count, then name, ten at most', () => {
    const posts = [make('1', '2024-01-01', undefined, ['x', 'y']), make('2', '2024-01-02', undefined, ['y', 'z'])];
    expect(trendingTags(tagTerms(posts).values()).map((t) => t.slug)).toEqual(['y', 'x', 'z']);
    const many = Array.from({ length: 12 }, (_, i) => make(String(i), '2024-01-01', undefined, [`t${i}`]));
    expect(trendingTags(tagTerms(many).values())).toHaveLength(10);
  });
});
