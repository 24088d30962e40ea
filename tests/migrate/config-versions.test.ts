/**
 * `migrate` maps the `_config.yml` of every Chirpy generation: each fixture has the keys that
 * version's `_config.yml` ships (4.0, 5.0, 6.0, 7.6; collected from the releases, values filled
 * in here), and the `_data/` files of its era. Nothing a version sets is dropped without a note.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { ChirpyConfigSchema, SHARE_PLATFORMS, SOCIAL_TYPES } from 'astro-theme-chirpy/config';
import { LOCALES } from 'astro-theme-chirpy/locales';
import {
  formatReport,
  mapConfig,
  mapLanguages,
  migrate,
  SHARE_TYPE_NAMES,
  SOCIAL_TYPE_NAMES,
} from 'astro-theme-chirpy/migrate';
import { TESTS_DIR } from '../helpers/site.ts';

const COMMON = `
theme: jekyll-theme-chirpy
timezone: Asia/Seoul
title: 구국의 블로그
tagline: 데이터와 글쓰기
description: >-
  A migrated blog
url: "https://gguguk.example.io"
github:
  username: gguguk
twitter:
  username: gguguk_tw
avatar: /commons/avatar.jpg
paginate: 7
kramdown:
  syntax_highlighter: rouge
collections:
  tabs:
    output: true
    sort_by: order
defaults:
  - scope: { path: "", type: posts }
    values: { layout: post, comments: true, toc: true, permalink: /posts/:title/ }
sass:
  style: compressed
compress_html:
  clippings: all
exclude: [tools, README.md]
jekyll-archives:
  enabled: [categories, tags]
`;

const VERSIONS: Record<string, { config: string; data?: Record<string, string> }> = {
  '4.0': {
    config: `${COMMON}
baseurl: ''
lang: en-US
social:
  name: Gukwon Koo
  email: koo@example.com
  links:
    - https://twitter.com/gguguk_tw
    - https://github.com/gguguk
google_site_verification: google-token-4
google_analytics:
  id: UA-12345-4
  pv:
    proxy_endpoint:
    cache_path:
theme_mode: dark
img_cdn: https://cdn.example.com/v4
toc: false
disqus:
  comments: true
  shortname: gguguk-disqus
`,
    data: {
      'contact.yml':
        '- type: github\n  icon: fab fa-github\n- type: linkedin\n  icon: fab fa-linkedin\n  url: https://www.linkedin.com/in/gguguk\n- type: email\n  icon: fas fa-envelope\n  noblank: true\n',
      'share.yml':
        'platforms:\n  - type: Twitter\n    icon: fab fa-twitter\n    link: https://twitter.com/intent/tweet?text=TITLE&url=URL\n  - type: Facebook\n    icon: fab fa-facebook-square\n    link: https://www.facebook.com/sharer/sharer.php?title=TITLE&u=URL\n',
    },
  },
  '5.0': {
    config: `${COMMON}
baseurl: ''
lang: ko-KR
social:
  name: Gukwon Koo
  email: koo@example.com
  links: [https://github.com/gguguk]
google_site_verification: google-token-5
google_analytics:
  id: G-FIVE
theme_mode:
img_cdn: https://cdn.example.com/v5
toc: true
comments:
  active: utterances
  disqus:
    shortname:
  utterances:
    repo: gguguk/comments
    issue_term: pathname
`,
    data: { 'locales/ko-KR.yml': 'layout:\n  post: 글\n' },
  },
  '6.0': {
    config: `${COMMON}
baseurl: ''
lang: ko-KR
social:
  name: Gukwon Koo
  email: koo@example.com
  links: [https://github.com/gguguk]
google_site_verification: google-token-6
google_analytics:
  id: G-SIX
  pv:
    proxy_endpoint:
    cache_path:
img_cdn: https://chirpy-img.example.net
toc: true
comments:
  active: giscus
  giscus:
    repo: gguguk/comments
    repo_id: R_six
    category: Comments
    category_id: DIC_six
    mapping: pathname
    input_position: bottom
    lang: ko
    reactions_enabled: 1
assets:
  self_host:
    enabled:
    env:
pwa:
  enabled: true
`,
    data: {
      'authors.yml':
        'gguguk:\n  name: Gukwon Koo\n  twitter: gguguk_tw\n  url: https://github.com/gguguk/\nguest:\n  name: A Guest\n',
    },
  },
  '7.6': {
    config: `${COMMON}
lang: ko-KR
social:
  name: Gukwon Koo
  email: koo@example.com
  fediverse_handle: "@gguguk@mastodon.social"
  links: [https://github.com/gguguk]
webmaster_verifications:
  google: google-token-7
  bing: bing-token-7
  alexa:
  yandex: yandex-token-7
  baidu:
  facebook:
analytics:
  google:
    id: G-SEVEN
  goatcounter:
    id:
pageviews:
  provider: goatcounter
theme_mode: light
cdn: https://chirpy-img.example.net
social_preview_image: /commons/preview.png
toc: true
actions:
  edit_post:
    enabled: true
    url: https://github.com/gguguk/blog/edit/main
comments:
  provider: disqus
  disqus:
    shortname: gguguk-7
  giscus:
    repo:
assets:
  self_host:
    enabled:
pwa:
  enabled: true
  cache:
    enabled: true
    deny_paths: [/example]
baseurl: ''
`,
    data: {
      'authors.yml': 'gguguk:\n  name: Gukwon Koo\n  twitter: gguguk_tw\n',
      'share.yml':
        'platforms:\n  - type: Twitter\n    icon: fa-brands fa-square-x-twitter\n    link: "https://twitter.com/intent/tweet?text=TITLE&url=URL"\n  - type: Telegram\n    icon: fab fa-telegram\n    link: "https://t.me/share/url?url=URL&text=TITLE"\n  - type: Mastodon\n    icon: fa-brands fa-mastodon\n    instances:\n      - label: mastodon.social\n        link: "https://mastodon.social/"\n',
    },
  },
};

/** Migrates a Jekyll site made of `config` and `data` (files under `_data/`) in tests/.tmp/<name>/. */
function migrateSite(
  name: string,
  config: string,
  data: Record<string, string> = {},
): { config: string; report: string; astro: string } {
  const work = join(TESTS_DIR, '.tmp', name);
  rmSync(work, { recursive: true, force: true });
  const files: Record<string, string> = {
    '_config.yml': config,
    '_posts/2024-01-01-hello.md': '---\ntitle: Hello\n---\n\nHi.\n',
    ...Object.fromEntries(Object.entries(data).map(([path, text]) => [`_data/${path}`, text])),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(work, 'jekyll', path)), { recursive: true });
    writeFileSync(join(work, 'jekyll', path), text);
  }
  const astro = join(work, 'astro');
  const report = formatReport(migrate(join(work, 'jekyll'), astro));
  return { config: readFileSync(join(astro, 'astro.config.mjs'), 'utf8'), report, astro };
}

function migrateVersion(version: string): { config: string; report: string } {
  const spec = VERSIONS[version]!;
  return migrateSite(`migrate-v${version}`, spec.config, spec.data);
}

/** Every expected fragment is in the generated astro.config.mjs. */
const expectAll = (config: string, fragments: string[]) => {
  for (const fragment of fragments) expect(config, fragment).toContain(fragment);
};

describe('migrate maps every Chirpy generation', () => {
  it('4.0: google_site_verification, google_analytics.id, img_cdn, toc: false, top-level disqus, contact and share data', () => {
    const { config, report } = migrateVersion('4.0');
    expectAll(config, [
      '"siteVerification": {',
      '"google": "google-token-4"',
      '"id": "UA-12345-4"',
      '"cdn": "https://cdn.example.com/v4"',
      '"toc": false',
      '"provider": "disqus"',
      '"shortname": "gguguk-disqus"',
      '"themeMode": "dark"',
      '"locale": "en"',
      '"url": "https://www.linkedin.com/in/gguguk"',
      '"platforms": [',
    ]);
    expect(config).toMatch(/"platforms": \[\s*"twitter",\s*"facebook"\s*\]/);
    expect(report).not.toMatch(/not mapped/);
  });

  it('5.0: comments.active, utterances, google_analytics.id, and says the locale overrides are not carried', () => {
    const { config, report } = migrateVersion('5.0');
    expectAll(config, [
      '"provider": "utterances"',
      '"repo": "gguguk/comments"',
      '"id": "G-FIVE"',
      '"google": "google-token-5"',
      '"cdn": "https://cdn.example.com/v5"',
    ]);
    expect(report).toContain("_data/locales: the site's own UI strings are not carried over");
    expect(report).not.toMatch(/not mapped/);
  });

  it('6.0: giscus under comments.active, authors, and the offline mode (pwa)', () => {
    const { config, report } = migrateVersion('6.0');
    expectAll(config, [
      '"provider": "giscus"',
      '"repoId": "R_six"',
      '"id": "G-SIX"',
      '"google": "google-token-6"',
      '"authors": {',
      '"name": "Gukwon Koo"',
      '"twitter": "gguguk_tw"',
      '"name": "A Guest"',
    ]);
    expect(config).toMatch(/"pwa": \{\s*"cache": \{\s*"enabled": true\s*\}\s*\}/);
    expect(report).not.toContain('pwa');
    expect(report).not.toMatch(/not mapped/);
  });

  it('7.6: webmaster_verifications, analytics, cdn, social_preview_image, fediverse_handle, share data, pwa; reports pageviews, actions', () => {
    const { config, report } = migrateVersion('7.6');
    expectAll(config, [
      '"google": "google-token-7"',
      '"bing": "bing-token-7"',
      '"yandex": "yandex-token-7"',
      '"id": "G-SEVEN"',
      '"cdn": "https://chirpy-img.example.net"',
      '"socialImage": "/commons/preview.png"',
      '"url": "https://mastodon.social/@gguguk"',
      '"shortname": "gguguk-7"',
      '"themeMode": "light"',
    ]);
    expect(config).toMatch(/"platforms": \[\s*"twitter",\s*"telegram"\s*\]/);
    expect(report).toContain('pageviews.provider: "goatcounter"');
    expect(config).toMatch(/"pwa": \{\s*"cache": \{\s*"enabled": true,\s*"denyPaths": \[\s*"\/example"\s*\]/);
    expect(report).toContain('actions: not mapped');
    expect(report).toContain('_data/share.yml: Mastodon has no share link in this theme');
  });
});

describe('defaults: carried to the theme as Jekyll applies them', () => {
  it("keeps the sets posts see, without Jekyll's layout and permalink", () => {
    const notes: string[] = [];
    const config = load(
      [
        'collections_dir: collections',
        'defaults:',
        '  - scope: { path: "", type: posts }',
        '    values: { layout: post, comments: true, toc: true, permalink: /posts/:title/ }',
        '  - scope: { path: collections/_posts/math }',
        '    values: { math: true }',
        '  - scope: { path: "", type: tabs }',
        '    values: { layout: page }',
        '  - scope: { path: _posts/old, type: post }',
        '    values: { permalink: /:year/:title.html, pin: true }',
        '',
      ].join('\n'),
    );
    const { options } = mapConfig(config, notes);
    expect(options.defaults).toEqual([
      { scope: { path: '', type: 'posts' }, values: { comments: true, toc: true } },
      { scope: { path: '_posts/math' }, values: { math: true } },
      { scope: { path: '_posts/old', type: 'post' }, values: { pin: true } },
    ]);
    expect(notes.join('\n')).toContain('defaults: posts under "_posts/old" have permalink /:year/:title.html');
    expect(ChirpyConfigSchema.parse({ title: 'T', defaults: options.defaults }).defaults).toHaveLength(3);
  });
});

describe("migrate's lists of the theme's names", () => {
  it("are the options schema's (both read constants.mjs)", () => {
    expect([...SOCIAL_TYPE_NAMES].sort()).toEqual(SOCIAL_TYPES.filter((type) => type !== 'link').sort());
    expect([...SHARE_TYPE_NAMES].sort()).toEqual([...SHARE_PLATFORMS].sort());
  });

  it("maps every locale Chirpy ships by the theme's own rule (zh-TW, it-IT, pt-BR, ar were English before)", () => {
    const locale = (lang: string) => mapConfig({ lang }, []).options.locale;
    expect(locale('zh-TW')).toBe('zh-TW');
    expect(locale('it-IT')).toBe('it-IT');
    expect(locale('pt-BR')).toBe('pt-BR');
    expect(locale('ar')).toBe('ar');
    expect(locale('ko')).toBe('ko-KR');
    expect(locale('en-US')).toBe('en');
    for (const code of Object.keys(LOCALES)) expect(locale(code)).toBe(code);
  });
});

/** A multilingual Chirpy 7 blog with jekyll-polyglot, as such blogs configure it. */
const POLYGLOT = `${COMMON}
lang: en
social:
  name: Gukwon Koo
baseurl: ""
plugins:
  - jekyll-polyglot
languages: ["en", "ko", "zh-TW"]
default_lang: "en"
exclude_from_localization: ["assets", "favicon.ico"]
lang_from_path: true
parallel_localization: false
`;

/** `_config.yml` read as the migration reads it. */
const load = (config: string) => yaml.load(config) as Record<string, unknown>;

describe('migrate maps jekyll-polyglot', () => {
  it('languages, default_lang, exclude_from_localization and lang_from_path become the language options', () => {
    const notes: string[] = [];
    const { options } = mapConfig(load(POLYGLOT), notes);
    expect(options).toMatchObject({
      locale: 'en',
      languages: ['en', 'ko', 'zh-TW'],
      defaultLanguage: 'en',
      excludeFromLocalization: ['assets', 'favicon.ico'],
      languageFromPath: true,
    });
    expect(notes).toEqual([]);
    // The options are what the theme takes.
    expect(ChirpyConfigSchema.safeParse(options).error).toBeUndefined();
  });

  it('writes them to astro.config.mjs; parallel_localization (a Jekyll build switch) is not reported', () => {
    const { config, report } = migrateSite('migrate-polyglot', POLYGLOT);
    expect(config).toMatch(/"languages": \[\s*"en",\s*"ko",\s*"zh-TW"\s*\]/);
    expect(config).toContain('"defaultLanguage": "en"');
    expect(config).toMatch(/"excludeFromLocalization": \[\s*"assets",\s*"favicon.ico"\s*\]/);
    expect(config).toContain('"languageFromPath": true');
    expect(report).not.toMatch(/not mapped/);
    expect(report).not.toMatch(/languages|default_lang|exclude_from_localization|lang_from_path|parallel_localization/);
  });

  it("lang_from_path missing: polyglot's default (false), not the theme's", () => {
    const config = load(POLYGLOT.replace('lang_from_path: true\n', ''));
    expect(mapLanguages(config, [])?.languageFromPath).toBe(false);
    expect(mapLanguages({ ...config, lang_from_path: null }, [])?.languageFromPath).toBe(false);
    expect(mapLanguages({ ...config, lang_from_path: false }, [])?.languageFromPath).toBe(false);
    expect(mapConfig(config, []).options.languageFromPath).toBe(false);
  });

  it('default_lang gives the UI strings when lang is missing; lang still wins when set', () => {
    const withoutLang = load(POLYGLOT.replace('lang: en\n', '').replace('default_lang: "en"', 'default_lang: "ko"'));
    expect(mapConfig(withoutLang, []).options).toMatchObject({ locale: 'ko-KR', defaultLanguage: 'ko' });
    const both = load(POLYGLOT.replace('default_lang: "en"', 'default_lang: "ko"'));
    expect(mapConfig(both, []).options).toMatchObject({ locale: 'en', defaultLanguage: 'ko' });
    const notes: string[] = [];
    const unknown = load(POLYGLOT.replace('lang: en\n', '').replace('default_lang: "en"', 'default_lang: "xh"'));
    expect(mapConfig(unknown, notes).options.locale).toBeUndefined();
    expect(notes).toEqual([
      `default_lang: "xh" has no UI strings in this theme yet; the site uses English (locale: 'en').`,
    ]);
  });

  it("default_lang missing: polyglot's 'en', built even when languages leaves it out", () => {
    expect(mapLanguages({ languages: ['ko', 'en'] }, [])).toMatchObject({
      languages: ['ko', 'en'],
      defaultLanguage: 'en',
    });
    expect(mapLanguages({ languages: ['ko', 'ja'] }, [])).toMatchObject({
      languages: ['en', 'ko', 'ja'],
      defaultLanguage: 'en',
    });
  });

  it('leaves out a language the theme cannot take as a URL prefix, and says so', () => {
    const notes: string[] = [];
    expect(mapLanguages({ languages: ['en', 'zh_HK'], default_lang: 'en' }, notes)?.languages).toEqual(['en']);
    expect(notes).toEqual([
      'languages: "zh_HK" is not a language code the theme takes (such as en, ko or zh-TW); left out.',
    ]);
  });

  it('copies _data/<lang>/ to src/data/<lang>/ as it is and reports it', () => {
    const authors = 'gguguk:\n  name: 구국\n  twitter: gguguk_tw\n';
    const strings = 'layout:\n  post: 글\n';
    const { report, astro } = migrateSite('migrate-polyglot-data', POLYGLOT, {
      'authors.yml': 'gguguk:\n  name: Gukwon Koo\n',
      'ko/authors.yml': authors,
      'ko/locales/ko-KR.yml': strings,
      'zh-TW/authors.yml': 'gguguk:\n  name: 古國\n',
      // Not a configured language: plain data, not polyglot's.
      'extra/links.yml': '- a\n',
    });
    expect(readFileSync(join(astro, 'src/data/ko/authors.yml'), 'utf8')).toBe(authors);
    expect(readFileSync(join(astro, 'src/data/ko/locales/ko-KR.yml'), 'utf8')).toBe(strings);
    expect(readFileSync(join(astro, 'src/data/zh-TW/authors.yml'), 'utf8')).toContain('古國');
    expect(report).toContain(
      "_data/ko: per-language data copied to src/data/ko/ (authors.yml, locales/ko-KR.yml); Liquid's site.data merges it in for that language's posts",
    );
    expect(report).toContain('_data/zh-TW: per-language data copied to src/data/zh-TW/ (authors.yml)');
    expect(report).not.toContain('_data/extra');
    expect(report).not.toMatch(/not mapped/);
    // Run again: nothing changes.
    const again = formatReport(migrate(join(astro, '..', 'jekyll'), astro));
    expect(again).toMatch(/^Wrote 0 file\(s\)/);
  });

  it('a one-language site gets no language options, as before', () => {
    for (const [version, spec] of Object.entries(VERSIONS)) {
      const notes: string[] = [];
      const { options } = mapConfig(load(spec.config), notes);
      for (const key of ['languages', 'defaultLanguage', 'excludeFromLocalization', 'languageFromPath']) {
        expect(options, `${version}: ${key}`).not.toHaveProperty(key);
      }
      expect(mapLanguages(load(spec.config), [])).toBeUndefined();
    }
    expect(mapConfig(load(VERSIONS['7.6']!.config), []).options.locale).toBe('ko-KR');
  });
});

describe("migrate maps Chirpy 7's page views", () => {
  it('turns GoatCounter page views on with the site code, and says why not without it', () => {
    const notes: string[] = [];
    const { options } = mapConfig(
      { title: 'T', analytics: { goatcounter: { id: 'myblog' } }, pageviews: { provider: 'goatcounter' } },
      notes,
    );
    expect(options).toMatchObject({
      analytics: { goatcounter: { id: 'myblog' } },
      pageviews: { provider: 'goatcounter' },
    });
    expect(notes.join('\n')).not.toContain('pageviews');
    expect(ChirpyConfigSchema.safeParse(options).success).toBe(true);
    const without: string[] = [];
    expect(
      mapConfig({ title: 'T', pageviews: { provider: 'goatcounter' } }, without).options.pageviews,
    ).toBeUndefined();
    expect(without).toContain(
      'pageviews.provider: "goatcounter" needs analytics.goatcounter.id; page views are not shown.',
    );
  });
});
