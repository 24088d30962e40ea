import { describe, expect, it } from 'vitest';
import {
  languageEditions,
  localizeHrefs,
  postId,
  postLanguage,
  resolveLanguages,
  splitPostId,
  UnknownLanguageError,
} from '../../packages/theme/src/utils/languages.ts';

const languages = resolveLanguages({ languages: ['en', 'ko', { code: 'zh-TW', label: '繁體中文' }, 'ar'] })!;

describe('site languages', () => {
  it('are none for a site with fewer than two', () => {
    expect(resolveLanguages({ languages: [] })).toBeUndefined();
    expect(resolveLanguages({ languages: ['en'] })).toBeUndefined();
  });

  it('keep the configured spelling as the prefix, the first as default, and name themselves', () => {
    expect(languages.default.code).toBe('en');
    expect(languages.list.map((language) => language.prefix)).toEqual(['', '/ko', '/zh-TW', '/ar']);
    expect(languages.find('ZH-tw')!.code).toBe('zh-TW');
    expect(languages.find('ko')!.label).toBe('한국어');
    expect(languages.find('zh-TW')!.label).toBe('繁體中文');
    expect(languages.find('ar')!.dir).toBe('rtl');
    expect(languages.find('ko')!.dir).toBe('ltr');
    expect(resolveLanguages({ languages: ['en', 'ko'], defaultLanguage: 'KO' })!.default.code).toBe('ko');
  });

  it('reject a default language that is not configured, and a language configured twice', () => {
    expect(() => resolveLanguages({ languages: ['en', 'ko'], defaultLanguage: 'fr' })).toThrow(
      'defaultLanguage: "fr" is not one of languages (en, ko).',
    );
    expect(() => resolveLanguages({ languages: ['en', 'ko', 'KO'] })).toThrow('"KO" is configured twice');
  });
});

describe("a post's language (polyglot's rules)", () => {
  it('is its lang front matter first, normalised to the configured spelling', () => {
    expect(postLanguage(languages, { lang: 'zh-tw', path: 'ko/2024-01-01-x.md' }).code).toBe('zh-TW');
  });

  it('else the first folder named after a language, else the default', () => {
    expect(postLanguage(languages, { lang: undefined, path: 'ko/2024-01-01-x.md' }).code).toBe('ko');
    expect(postLanguage(languages, { lang: '', path: 'notes/ZH-TW/2024-01-01-x.md' }).code).toBe('zh-TW');
    expect(postLanguage(languages, { lang: undefined, path: '2024-01-01-ko.md' }).code).toBe('en');
    expect(postLanguage(languages, { lang: undefined, path: 'ko/2024-01-01-x.md' }, false).code).toBe('en');
  });

  it('is an error when lang names a language the site does not have', () => {
    expect(() => postLanguage(languages, { lang: 'pt-BR', path: 'x.md' })).toThrow(UnknownLanguageError);
  });

  it('is part of the id, except for the default language', () => {
    expect(postId(languages.find('ko')!, 'hello')).toBe('ko/hello');
    expect(postId(languages.default, 'hello')).toBe('hello');
    expect(splitPostId(languages, 'zh-TW/hello')).toMatchObject({ slug: 'hello', language: { code: 'zh-TW' } });
    expect(splitPostId(languages, 'hello')).toMatchObject({ slug: 'hello', language: { code: 'en' } });
  });
});

describe('what each language shows', () => {
  const post = (id: string, pageId?: string) => ({ id, data: pageId ? { page_id: pageId } : {} });
  const posts = [post('hello'), post('ko/hello'), post('ko/only-ko'), post('zh-TW/only-zh'), post('ar/only-zh')];
  const editions = languageEditions(languages, posts);
  const shown = (code: string) =>
    editions.get(code)!.map((edition) => `${edition.post.id}${edition.fallback ? ' (fallback)' : ''}`);

  it('is its own version, else the default, else the last other one in configured order', () => {
    expect(shown('en')).toEqual(['hello', 'ko/only-ko (fallback)', 'ar/only-zh (fallback)']);
    expect(shown('ko')).toEqual(['ko/hello', 'ko/only-ko', 'ar/only-zh (fallback)']);
    expect(shown('zh-TW')).toEqual(['hello (fallback)', 'ko/only-ko (fallback)', 'zh-TW/only-zh']);
    expect(shown('ar')).toEqual(['hello (fallback)', 'ko/only-ko (fallback)', 'ar/only-zh']);
  });

  it('groups translations by page_id before slugs, and names two versions of one language', () => {
    const grouped = languageEditions(languages, [post('greeting', 'g'), post('zh-TW/wenhou', 'g')]);
    expect(grouped.get('zh-TW')!.map((edition) => edition.post.id)).toEqual(['zh-TW/wenhou']);
    expect([...grouped.get('en')![0]!.translations.keys()]).toEqual(['en', 'zh-TW']);
    expect(() => languageEditions(languages, [post('a', 'g'), post('b', 'g')])).toThrow(
      'a and b are both the en version of page_id g.',
    );
  });
});

describe("polyglot's link rewrite", () => {
  const options = {
    prefix: '/ko',
    base: '',
    origin: 'https://example.com',
    prefixes: ['/ko', '/zh-TW'],
    exclude: ['assets', '/files/'],
  };

  it('prefixes root-relative and site-absolute hrefs only', () => {
    const html =
      '<a href="/posts/a/">a</a><a href="https://example.com/tags/">t</a><a href="https://other.org/x">o</a>' +
      '<a href="#top">h</a><a href="rel/">r</a><img src="/img/a.png"><link rel="stylesheet" href="/_astro/x.css">' +
      '<meta content="/posts/a/"><script>location.href="/posts/a/"</script>' +
      '<link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="icon" href="/favicon.svg">' +
      '<a href="/_astro/a.png">bundled</a>';
    expect(localizeHrefs(html, options)).toBe(
      '<a href="/ko/posts/a/">a</a><a href="https://example.com/ko/tags/">t</a><a href="https://other.org/x">o</a>' +
        '<a href="#top">h</a><a href="rel/">r</a><img src="/img/a.png"><link rel="stylesheet" href="/_astro/x.css">' +
        '<meta content="/posts/a/"><script>location.href="/posts/a/"</script>' +
        '<link rel="alternate" type="application/rss+xml" href="/ko/feed.xml"><link rel="icon" href="/favicon.svg">' +
        '<a href="/_astro/a.png">bundled</a>',
    );
  });

  it('leaves excluded paths, prefixed links, protocol-relative links and links to a given language alone', () => {
    const html =
      '<a href="/assets/x.pdf">x</a><a href="/files/y">y</a><a href="/zh-TW/posts/a/">z</a><a href="//cdn.org/a">c</a>' +
      '<a href="/posts/a/" hreflang="en">en</a><link rel="canonical" href="/posts/a/" data-static-href>';
    expect(localizeHrefs(html, options)).toBe(html);
  });

  it('keeps the base in front of the prefix', () => {
    expect(localizeHrefs('<a href="/blog/posts/a/">a</a><a href="/other/">o</a>', { ...options, base: '/blog' })).toBe(
      '<a href="/blog/ko/posts/a/">a</a><a href="/other/">o</a>',
    );
  });
});
