/**
 * A one-language site's pages stay byte for byte what they were before multilingual sites
 * existed: the files under __snapshots__/one-language/ were written by the theme as it was then
 * (checked against the commit before Step 10 with scripts/same-output.mjs). The stylesheet's
 * hashed name is set aside: styles may change without changing a page. So is Astro's version in the
 * `generator` tag, which must be the installed Astro's (an Astro update changes nothing else in a
 * page, and the snapshots are not rewritten for it). After a deliberate change
 * to the pages, rewrite them with `pnpm exec vitest run tests/build/one-language-output.test.ts -u`
 * and say why in the commit.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

/** Astro's generator tag as the installed Astro writes it, and as the snapshots hold it. */
const ASTRO_VERSION: string = createRequire(import.meta.url)('astro/package.json').version;
const GENERATOR = `<meta name="generator" content="Astro v${ASTRO_VERSION}">`;
const SNAPSHOT_GENERATOR = '<meta name="generator" content="Astro v(version)">';

const PAGES = [
  '/index.html',
  '/posts/first/index.html',
  '/posts/수식/index.html',
  '/categories/notes/index.html',
  '/tags/index.html',
  '/archives/index.html',
  '/404.html',
  '/feed.xml',
  '/sitemap-0.xml',
];

describe('a one-language site', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('one-language-output', {
      posts: {
        '2024-01-01-first.md': post(
          { title: 'First', categories: '[Notes]', tags: '[intro, meta]' },
          '## A heading\n\nText with [a link](/posts/수식/).\n\n```js\nconst a = 1;\n```\n',
        ),
        '2024-02-01-수식.md': post(
          { title: '수식', math: true, categories: '[Notes, Math]', lang: 'ko' },
          '$$E = mc^2$$ 그리고 $a^2$.\n',
        ),
      },
      options: { title: 'One Language', timezone: 'Asia/Seoul', locale: 'en' },
    });
  });

  it.each(PAGES)('%s is as it was', async (path) => {
    const text = site
      .read(path)
      .replace(/_astro\/[^"'\s]+?\.[A-Za-z0-9_-]{8}\.css/g, '_astro/(stylesheet).css')
      .replaceAll(GENERATOR, SNAPSHOT_GENERATOR);
    const file = path === '/index.html' ? '/home.html' : path.replace(/\/index\.html$/, '.html');
    await expect(text).toMatchFileSnapshot(`__snapshots__/one-language${file}`);
  });
});
