/**
 * `migrate` maps the `_config.yml` of every Chirpy generation: each fixture has the keys that
 * version's `_config.yml` ships (4.0, 5.0, 6.0, 7.6; collected from the releases, values filled
 * in here), and the `_data/` files of its era. Nothing a version sets is dropped without a note.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARE_PLATFORMS, SOCIAL_TYPES } from 'astro-theme-chirpy/config';
import { formatReport, migrate, SHARE_TYPE_NAMES, SOCIAL_TYPE_NAMES } from 'astro-theme-chirpy/migrate';
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

function migrateVersion(version: string): { config: string; report: string } {
  const work = join(TESTS_DIR, '.tmp', `migrate-v${version}`);
  rmSync(work, { recursive: true, force: true });
  const spec = VERSIONS[version]!;
  const files: Record<string, string> = {
    '_config.yml': spec.config,
    '_posts/2024-01-01-hello.md': '---\ntitle: Hello\n---\n\nHi.\n',
    ...Object.fromEntries(Object.entries(spec.data ?? {}).map(([path, text]) => [`_data/${path}`, text])),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(work, 'jekyll', path)), { recursive: true });
    writeFileSync(join(work, 'jekyll', path), text);
  }
  const report = formatReport(migrate(join(work, 'jekyll'), join(work, 'astro')));
  return { config: readFileSync(join(work, 'astro', 'astro.config.mjs'), 'utf8'), report };
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

  it('6.0: giscus under comments.active, authors, and says what it cannot carry (pwa)', () => {
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
    expect(report).toContain('pwa: the offline mode (PWA) is not carried over');
    expect(report).not.toMatch(/not mapped/);
  });

  it('7.6: webmaster_verifications, analytics, cdn, social_preview_image, fediverse_handle, share data; reports pageviews, pwa, actions', () => {
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
    expect(report).toContain('pwa: the offline mode (PWA) is not carried over');
    expect(report).toContain('actions: not mapped');
    expect(report).toContain('_data/share.yml: Mastodon has no share link in this theme');
  });
});

describe("migrate's lists of the theme's names", () => {
  it('match the options schema (migrate.mjs is plain JavaScript and keeps its own copy)', () => {
    expect([...SOCIAL_TYPE_NAMES].sort()).toEqual(SOCIAL_TYPES.filter((type) => type !== 'link').sort());
    expect([...SHARE_TYPE_NAMES].sort()).toEqual([...SHARE_PLATFORMS].sort());
  });
});
