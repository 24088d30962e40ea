import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteData, siteDataFor } from '../../packages/theme/src/utils/site-data.ts';

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

  it('names the file when one cannot be read', () => {
    writeFileSync(join(dir, 'broken.yml'), 'a: [');
    expect(() => readSiteData(dir)).toThrow(/broken\.yml/);
  });
});
