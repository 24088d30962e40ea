/**
 * `defaults:` judged by Jekyll: the same sets in Jekyll's `_config.yml` and in the theme's
 * `defaults` option give every post the same `page.*` values (printed by Liquid), and the theme
 * acts on them (`math: true` from a default renders the formulas; `toc: false` hides the TOC).
 */
import { parse } from 'node-html-parser';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { jekyllBuild, type JekyllPost } from '../helpers/jekyll.ts';
import { buildSite, type BuiltSite } from '../helpers/site.ts';

const DEFAULTS = [
  // `layout: bare` is the stand-in layout of the Jekyll site (tests/oracle/site); the theme ignores it.
  { scope: { path: '' }, values: { layout: 'bare', comments: false, nested: { a: 1, b: 1 }, list: [1, 2] } },
  { scope: { path: '_posts', type: 'posts' }, values: { toc: false, math: true } },
  { scope: { path: '_posts/ko' }, values: { author: 'ko-author', nested: { b: 2 } } },
  { scope: { path: '_posts', type: 'post' }, values: { pin: true } },
  { scope: { type: 'pages' }, values: { pin: false, author: 'page-author' } },
  { scope: { path: '_posts/*/special*' }, values: { author: 'special' } },
  { scope: { path: '_posts/en' }, values: { list: [3] } },
];

const BODY = [
  '{{ page.comments }}; {{ page.toc }}; {{ page.math }}; {{ page.author }}; {{ page.pin }}; ' +
    '{{ page.nested.a }}-{{ page.nested.b }}-{{ page.nested.c }}; {{ page.list | join: "+" }}',
  '',
  '## A heading',
  '',
  '$$x^2$$',
  '',
].join('\n');

const POSTS: Record<string, string> = {
  '2024-01-01-root.md': `---\ntitle: Root\n---\n\n${BODY}`,
  'ko/2024-01-02-ko.md': `---\ntitle: Ko\n---\n\n${BODY}`,
  'korean/2024-01-03-korean.md': `---\ntitle: Korean\n---\n\n${BODY}`,
  'en/special/2024-01-04-special-one.md': `---\ntitle: Special\n---\n\n${BODY}`,
  'ko/2024-01-05-own.md': `---\ntitle: Own\nauthor: me\ntoc: true\nnested:\n  c: 3\n---\n\n${BODY}`,
};

describe('front matter defaults: Jekyll and the theme agree', () => {
  let published: Map<string, JekyllPost>;
  let site: BuiltSite;
  beforeAll(async () => {
    published = await jekyllBuild('frontmatter-defaults', POSTS, yaml.dump({ defaults: DEFAULTS }));
    site = await buildSite('frontmatter-defaults', { posts: POSTS, options: { defaults: DEFAULTS } });
  });

  it.each(Object.keys(POSTS))("%s: page.* as Jekyll's", (file) => {
    const post = published.get(file)!;
    const jekyll = parse(post.html).querySelector('p')!.text.trim();
    expect(jekyll).toContain('; ');
    const theme = site.html(decodeURI(post.url)).querySelector('.content p')!.text.trim();
    expect(theme).toBe(jekyll);
  });

  it('acts on them: math from a default renders, toc: false from a default hides the TOC', () => {
    const root = site.html('/posts/root/');
    expect(root.querySelectorAll('.content .katex-display')).toHaveLength(1);
    expect(root.querySelector('.toc')).toBeNull();
    const own = site.html('/posts/own/');
    expect(own.querySelector('.toc')).not.toBeNull();
    // pin: true from a `type: post` set pins every post on the home page.
    expect(site.html('/').querySelectorAll('.pin')).toHaveLength(5);
  });
});
