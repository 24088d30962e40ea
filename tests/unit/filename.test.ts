import { describe, expect, it } from 'vitest';
import { parsePostFileName, postSlug } from '../../packages/theme/src/utils/filename.ts';

describe('post file names', () => {
  it('splits date, title and extension', () => {
    expect(parsePostFileName('2021-04-28-retrospective.md')).toEqual({
      year: 2021,
      month: 4,
      day: 28,
      title: 'retrospective',
      extension: '.md',
    });
    expect(parsePostFileName('sub/dir/2024-2-5-hello world.markdown')?.title).toBe('hello world');
    expect(parsePostFileName('2024-01-01-component.mdx')?.extension).toBe('.mdx');
  });

  it('keeps an inner extension and drops trailing dots, as Jekyll does', () => {
    expect(parsePostFileName('2024-01-01-X.md.md')?.title).toBe('X.md');
    expect(parsePostFileName('2024-01-01-ends.with.dots...md')?.title).toBe('ends.with.dots');
  });

  it('is not a post without the date prefix or with another extension', () => {
    expect(parsePostFileName('about.md')).toBeUndefined();
    expect(parsePostFileName('2024-01-01.md')).toBeUndefined();
    expect(parsePostFileName('2024-01-01-notes.txt')).toBeUndefined();
  });

  it('makes the URL slug from the file name or the slug field', () => {
    expect(postSlug('[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1')).toBe(
      'Effective-C++-1.-C++에-왔으면-C++의-법을-따릅시다-1',
    );
    expect(postSlug('whatever', 'My Custom Slug')).toBe('My-Custom-Slug');
    expect(postSlug('kept', '')).toBe('kept');
  });
});
