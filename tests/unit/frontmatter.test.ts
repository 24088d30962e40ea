import { describe, expect, it } from 'vitest';
import { FLAG_FIELDS, normalizeAliases, readFlag } from '../../packages/theme/src/utils/frontmatter.ts';

describe('front matter flags', () => {
  it("read YAML booleans and YAML 1.1's words, as Jekyll did", () => {
    for (const word of [true, 'true', 'yes', 'on', ' Yes ', 'ON']) expect(readFlag(word), String(word)).toBe(true);
    for (const word of [false, 'false', 'no', 'off', 'No']) expect(readFlag(word), String(word)).toBe(false);
    for (const other of ['maybe', 1, 0, null, undefined, '']) expect(readFlag(other), String(other)).toBeUndefined();
  });

  it('are normalised on every flag field, and anything else is left for the schema to report', () => {
    const data = normalizeAliases(Object.fromEntries(FLAG_FIELDS.map((field) => [field, 'no']))) as Record<
      string,
      unknown
    >;
    for (const field of FLAG_FIELDS) expect(data[field], field).toBe(false);
    expect((normalizeAliases({ math: 'sometimes' }) as Record<string, unknown>).math).toBe('sometimes');
    expect((normalizeAliases({ render_with_liquid: 'off' }) as Record<string, unknown>).render_with_liquid).toBe(false);
  });
});

describe('front matter aliases', () => {
  it('move singular and legacy keys onto the names the theme reads', () => {
    expect(
      normalizeAliases({ category: 'AI', tag: 'ml', summary: 'S', img_path: '/img', author: 'a, b' }),
    ).toMatchObject({ categories: ['AI'], tags: ['ml'], description: 'S', media_subpath: '/img', authors: ['a', 'b'] });
  });

  it('never override the key written under its own name, and change nothing the second time', () => {
    const once = normalizeAliases({ img_path: '/old', media_subpath: '/new', summary: 'old', description: 'new' });
    expect(once).toMatchObject({ media_subpath: '/new', description: 'new' });
    expect(normalizeAliases(once)).toEqual(once);
  });
});
