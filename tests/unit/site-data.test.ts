import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFirstDocument, readSiteData, siteDataFor } from '../../packages/theme/src/utils/site-data.ts';

describe("Liquid's site.data", () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'ko'), { recursive: true });
  mkdirSync(join(dir, 'en'), { recursive: true });
  writeFileSync(join(dir, 'strings.yml'), 'greeting: Hi\nnav: { home: Home, tags: Tags }\n');
  writeFileSync(join(dir, 'links.json'), '["a", "b"]');
  writeFileSync(join(dir, 'en', 'strings.yml'), 'greeting: Hello\n');
  writeFileSync(join(dir, 'ko', 'strings.yml'), 'nav: { home: 홈 }\n');
  writeFileSync(join(dir, 'notes.txt'), 'not data');

  it("reads a data file's first YAML document, as Jekyll does (a merge leftover after `...` is ignored)", () => {
    // Debian's Jekyll 4.3 renders {{ site.data.assets | jsonify }} of this file as {"css":["a"]}.
    expect(loadFirstDocument('css:\n  - a\n...\n+  - /x.css\n')).toEqual({ css: ['a'] });
    expect(loadFirstDocument('---\nx: 1\n---\ny: [\n')).toEqual({ x: 1 });
    expect(() => loadFirstDocument('x: [\n')).toThrow();
  });

  it('reads YAML and JSON files into a tree by name, folders included', () => {
    expect(readSiteData(dir)).toEqual({
      strings: { greeting: 'Hi', nav: { home: 'Home', tags: 'Tags' } },
      links: ['a', 'b'],
      en: { strings: { greeting: 'Hello' } },
      ko: { strings: { nav: { home: '홈' } } },
    });
    expect(readSiteData(join(dir, 'missing'))).toEqual({});
  });

  it("merges the default language's data, then the active one's, tree by tree, as polyglot does", () => {
    const data = siteDataFor(readSiteData(dir), 'en', 'ko');
    expect(data.strings).toEqual({ greeting: 'Hello', nav: { home: '홈', tags: 'Tags' } });
    expect(siteDataFor(readSiteData(dir), 'en', 'en').strings).toEqual({
      greeting: 'Hello',
      nav: { home: 'Home', tags: 'Tags' },
    });
  });

  it('merges as a real jekyll-polyglot run did (lists replaced, nested trees merged, language folders kept)', () => {
    // The same _data was built by Jekyll 4.3 with jekyll-polyglot (languages en, ko; default en)
    // on 2026-12-05; each page printed `site.data` with jsonify. These are those values.
    const polyglot = mkdtempSync(join(tmpdir(), 'site-data-polyglot-'));
    try {
      mkdirSync(join(polyglot, 'en'));
      mkdirSync(join(polyglot, 'ko'));
      writeFileSync(join(polyglot, 'strings.yml'), 'a: top\nb: top\nc: top\nnested:\n  x: top\n  y: top\n  z: top\n');
      writeFileSync(join(polyglot, 'en', 'strings.yml'), 'a: en\nnested:\n  x: en\n');
      writeFileSync(join(polyglot, 'ko', 'strings.yml'), 'b: ko\nnested:\n  y: ko\n');
      writeFileSync(join(polyglot, 'ko', 'only.yml'), 'k: ko-only\n');
      writeFileSync(join(polyglot, 'list.yml'), '- top1\n- top2\n');
      writeFileSync(join(polyglot, 'ko', 'list.yml'), '- ko1\n');
      const data = readSiteData(polyglot);
      const ko = siteDataFor(data, 'en', 'ko');
      expect(ko.strings).toEqual({ a: 'en', b: 'ko', c: 'top', nested: { x: 'en', y: 'ko', z: 'top' } });
      expect(ko.only).toEqual({ k: 'ko-only' });
      expect(ko.list).toEqual(['ko1']);
      expect((ko.ko as { strings: { b: string } }).strings.b).toBe('ko');
      const en = siteDataFor(data, 'en', 'en');
      expect(en.strings).toEqual({ a: 'en', b: 'top', c: 'top', nested: { x: 'en', y: 'top', z: 'top' } });
      expect(en.only).toBeUndefined();
      expect(en.list).toEqual(['top1', 'top2']);
      expect((en.ko as { strings: { b: string } }).strings.b).toBe('ko');
    } finally {
      rmSync(polyglot, { recursive: true, force: true });
    }
  });

  it('names the file when one cannot be read', () => {
    writeFileSync(join(dir, 'broken.yml'), 'a: [');
    expect(() => readSiteData(dir)).toThrow(/broken\.yml/);
  });
});
