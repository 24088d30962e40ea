import { describe, expect, it } from 'vitest';
import { chirpySchema } from 'astro-theme-chirpy/schema';
import { normalizeFrontmatter } from '../../packages/theme/src/utils/frontmatter.ts';
import { z } from 'astro/zod';

const schema = chirpySchema();
const parse = (data: Record<string, unknown>) =>
  schema.parse({ title: 'T', date: new Date('2024-01-01T00:00:00Z'), ...data });
const failure = (data: Record<string, unknown>) => {
  const result = schema.safeParse({ title: 'T', date: new Date('2024-01-01T00:00:00Z'), ...data });
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');
};

describe('chirpySchema', () => {
  it('fills Chirpy defaults', () => {
    const data = parse({});
    expect(data).toMatchObject({
      categories: [],
      tags: [],
      pin: false,
      hidden: false,
      math: false,
      mermaid: false,
      toc: true,
      comments: true,
      published: true,
      render_with_liquid: true,
      authors: [],
    });
  });

  it('reads categories and tags as lists, whitespace strings or singular keys', () => {
    expect(parse({ categories: ['Blogging', 'Demo'] }).categories).toEqual(['Blogging', 'Demo']);
    expect(parse({ categories: 'Blogging Demo' }).categories).toEqual(['Blogging', 'Demo']);
    expect(parse({ category: 'Blogging Tips' }).categories).toEqual(['Blogging Tips']);
    expect(parse({ tags: 'a b  c' }).tags).toEqual(['a', 'b', 'c']);
    expect(parse({ tag: 'getting started' }).tags).toEqual(['getting started']);
    expect(parse({ tags: [2021, 'x'] }).tags).toEqual(['2021', 'x']);
    expect(parse({ tags: null }).tags).toEqual([]);
  });

  it('reads author, authors and comma strings', () => {
    expect(parse({ author: 'cotes' }).authors).toEqual(['cotes']);
    expect(parse({ author: 'a, b' }).authors).toEqual(['a', 'b']);
    expect(parse({ authors: ['a', 'b'] }).authors).toEqual(['a', 'b']);
    expect(parse({ authors: 'solo' }).authors).toEqual(['solo']);
  });

  it('accepts legacy keys: summary, img_path, image.src', () => {
    const data = parse({ summary: 'old', img_path: '/img', image: { src: '/a.png', width: 100 } });
    expect(data.description).toBe('old');
    expect(data.media_subpath).toBe('/img');
    expect(data.image).toMatchObject({ path: '/a.png', width: 100 });
  });

  it('reads image as a string or an object', () => {
    expect(parse({ image: '/x.png' }).image).toEqual({ path: '/x.png' });
    expect(
      parse({ image: { path: '/x.png', alt: 'A', lqip: 'data:image/webp;base64,AA', no_bg: true } }).image,
    ).toEqual({ path: '/x.png', alt: 'A', lqip: 'data:image/webp;base64,AA', no_bg: true });
  });

  it('accepts YAML 1.1 booleans that Jekyll understood', () => {
    expect(parse({ pin: 'yes', comments: 'no', math: 'true' })).toMatchObject({
      pin: true,
      comments: false,
      math: true,
    });
  });

  it('keeps unknown keys', () => {
    expect((parse({ writer: 'someone', layout: 'post' }) as Record<string, unknown>).writer).toBe('someone');
  });

  it('keeps redirect_from, lang, slug and last_modified_at', () => {
    const data = parse({
      redirect_from: '/old/',
      lang: 'ko-KR',
      slug: 'custom',
      last_modified_at: new Date('2024-02-01T00:00:00Z'),
    });
    expect(data.redirect_from).toEqual(['/old/']);
    expect(data.lang).toBe('ko-KR');
    expect(data.slug).toBe('custom');
    expect(data.last_modified_at?.toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  it('names the field, the value and what was expected', () => {
    expect(failure({ date: '2021-13-45' })).toMatch(/^date: expected a date like .*got "2021-13-45"/);
    expect(failure({ pin: 'maybe' })).toMatch(/^pin: expected true or false, got "maybe"/);
    expect(failure({ categories: { a: 1 } })).toMatch(
      /^categories: expected a list of categorys? or a space-separated string, got \{"a":1\}/,
    );
    expect(failure({ title: ['a'] })).toMatch(/^title: expected the post title as text, got \["a"\]/);
    expect(failure({ image: 42 })).toMatch(/^image/);
  });

  it('can be extended with fields of your own', () => {
    const extended = chirpySchema({ extend: z.object({ series: z.string() }) });
    const data = extended.parse({ title: 'T', date: new Date(), series: 'S' });
    expect(data.series).toBe('S');
    expect(extended.safeParse({ title: 'T', date: new Date() }).success).toBe(false);
  });
});

describe('normalizeFrontmatter (what the loader does before anything else reads the front matter)', () => {
  const contents = (yaml: string) => `---\n${yaml}\n---\nbody`;

  it('takes the date from the file name, at midnight in the site timezone', () => {
    const data = normalizeFrontmatter(
      { title: 'x' },
      { fileName: '2024-01-15-x.md', contents: contents('title: x'), timeZone: 'Asia/Seoul' },
    );
    expect((data.date as Date).toISOString()).toBe('2024-01-14T15:00:00.000Z');
  });

  it('prefers the front matter date over the file name', () => {
    const yaml = 'date: 2021-04-30 17:31:00 +0900';
    const data = normalizeFrontmatter(
      { date: '2021-04-30 17:31:00 +0900' },
      { fileName: '2021-04-28-retrospective.md', contents: contents(yaml), timeZone: 'Asia/Seoul' },
    );
    expect((data.date as Date).toISOString()).toBe('2021-04-30T08:31:00.000Z');
  });

  it('reads an unquoted YAML timestamp without offset as UTC, and a quoted one in the site timezone, as Jekyll does', () => {
    // Ruby's YAML makes `2024-01-15 10:00:00` a UTC time before Jekyll sees it (date-differential.test.ts).
    const read = (yaml: string) =>
      (
        normalizeFrontmatter({}, { fileName: '2024-01-15-x.md', contents: contents(yaml), timeZone: 'Asia/Seoul' })
          .date as Date
      ).toISOString();
    expect(read('date: 2024-01-15 10:00:00')).toBe('2024-01-15T10:00:00.000Z');
    expect(read("date: '2024-01-15 10:00:00'")).toBe('2024-01-15T01:00:00.000Z');
    expect(read('date: 2024-01-15 10:00')).toBe('2024-01-15T01:00:00.000Z');
    expect(read('date: 2024-01-15 10:00:00 +0900')).toBe('2024-01-15T01:00:00.000Z');
  });

  it('titles a post from its file name when it has no title', () => {
    const data = normalizeFrontmatter({}, { fileName: '2024-01-15-hello-world.md', contents: '', timeZone: 'UTC' });
    expect(data.title).toBe('Hello World');
  });

  it('leaves an unreadable date for the schema to report', () => {
    const data = normalizeFrontmatter(
      { date: 'soon' },
      { fileName: '2024-01-15-x.md', contents: contents('date: soon'), timeZone: 'UTC' },
    );
    expect(data.date).toBe('soon');
  });
});
