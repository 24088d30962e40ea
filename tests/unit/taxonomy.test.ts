import { describe, expect, it } from 'vitest';
import {
  categoryTerms,
  categoryTree,
  collisions,
  sortTermsByName,
  tagTerms,
} from '../../packages/theme/src/utils/taxonomy.ts';
import type { PostLike } from '../../packages/theme/src/utils/posts.ts';

const make = (id: string, categories: string[], tags: string[] = []): PostLike => ({
  id,
  data: { title: id, date: new Date('2024-01-01'), published: true, pin: false, hidden: false, categories, tags },
});

describe('categories and tags', () => {
  const posts = [
    make('a', ['Programming', 'C++'], ['C++', 'tips']),
    make('b', ['Programming', 'C#'], ['C#']),
    make('c', ['Programming', 'C'], ['Tips']),
    make('d', ['ETC', 'Retrospective'], ['회고']),
  ];

  it('gives every name at any depth a page, and names sharing a slug one page listing all their posts', () => {
    const categories = categoryTerms(posts);
    expect([...categories.keys()]).toEqual(['programming', 'c', 'etc', 'retrospective']);
    expect(categories.get('c')!.names).toEqual(['C++', 'C#', 'C']);
    expect(categories.get('c')!.posts.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(collisions(categories)).toEqual([{ slug: 'c', names: ['C++', 'C#', 'C'] }]);
  });

  it('merges tags that differ in case into one page, once per post', () => {
    const tags = tagTerms(posts);
    expect(tags.get('tips')!.names).toEqual(['tips', 'Tips']);
    expect(tags.get('tips')!.posts.map((p) => p.id)).toEqual(['a', 'c']);
    expect(tags.get('회고')!.posts.map((p) => p.id)).toEqual(['d']);
  });

  it('builds the two-level tree with counts', () => {
    const tree = categoryTree(posts);
    expect(tree.map((node) => [node.names, node.posts.length])).toEqual([
      [['ETC'], 1],
      [['Programming'], 3],
    ]);
    // C++, C# and C share /categories/c/, so they are one sub-category with every spelling.
    expect(tree[1]!.children).toEqual([{ names: ['C++', 'C#', 'C'], slug: 'c', count: 3 }]);
    expect(tree[0]!.children).toEqual([{ names: ['Retrospective'], slug: 'retrospective', count: 1 }]);
  });

  it('sorts terms naturally and case-insensitively', () => {
    const sorted = sortTermsByName(tagTerms([make('x', [], ['b10', 'B2', 'a'])]).values());
    expect(sorted.map((term) => term.names[0])).toEqual(['a', 'B2', 'b10']);
  });
});
