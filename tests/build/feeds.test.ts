/**
 * Feeds that real readers accept: the site feed and one per category and tag, checked with
 * xmllint, Debian's feedparser and newsboat against the built site served over HTTP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { feedparser, newsboat, xmllint, type ParsedFeed } from '../helpers/feeds.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildSite, post, SHARED_DIR, type BuiltSite } from '../helpers/site.ts';

const HOSTILE_TITLE = `Tom & Jerry <script>alert(1)</script> ]]> "q" 'a' 🎉 한글`;
const EFFECTIVE_SLUG = 'Effective-C++-1.-C++에-왔으면-C++의-법을-따릅시다-1';
const BIG_BODY = Array.from(
  { length: 15000 },
  (_, i) => `Paragraph ${i}: 한국어 문장과 English words & symbols (kept).`,
).join('\n\n');

const posts: Record<string, string> = {
  '2024-01-01-hostile.md': post(
    [
      // YAML double quotes carry the control characters as escapes.
      'title: "Tom & Jerry <script>alert(1)</script> ]]> \\"q\\" \'a\' 🎉 한글\\x01\\x07"',
      'description: "Desc with & and <b>tags</b> and ]]> and \\x0b control, costs $10; <script>alert(\\"desc\\")</script> a < b"',
      'date: 2024-01-01 12:00:00 +0900',
      'categories: [AI & Data, 자료 구조]',
      'tags: [C++, 태그]',
      'author: "O\'Neil & Co"',
    ].join('\n'),
    'Body with ]]> and & and <b>bold</b>, a bell \u0007 and a form feed \u000c here. [Link](/posts/math/) ![Image](/img/x.png)\n\nEmoji 🎉 and 한글.',
  ),
  [`2026-03-11-[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1.md`]: post(
    { title: 'Effective C++ 1', date: '2026-03-11 09:00:00 +0900', categories: '[Programming, C++]', tags: '[C++]' },
    'C++ notes.',
  ),
  '2024-02-02-math.md': post(
    { title: 'Math', math: true, date: '2024-02-02 08:00:00 -0500', categories: '[Science]' },
    'Inline $a^2 + b^2 = c^2$ and\n\n$$\n\\int_0^1 x\\,dx\n$$\n',
  ),
  '2024-03-03-component.mdx': post(
    { title: 'MDX post', date: '2024-03-03' },
    "import Hello from '../../components/Hello.astro';\n\n<Hello />\n\nMDX **body**.",
  ),
  '2024-04-04-big.md': post({ title: 'A very long post', date: '2024-04-04' }, BIG_BODY),
  '2020-06-06-draft.md': post({ title: 'DRAFT-IN-FEED', published: false, tags: '[C++]' }),
  '2099-01-01-future.md': post({ title: 'FUTURE-IN-FEED', tags: '[C++]' }),
};

describe('feeds', () => {
  let site: BuiltSite;
  let server: Served;
  let feed: ParsedFeed;

  beforeAll(async () => {
    site = await buildSite('feeds', {
      posts,
      copyPosts: { '2021-04-28-retrospective.md': join(SHARED_DIR, 'corpus/seed/2021-04-28-retrospective.md') },
      files: { 'src/components/Hello.astro': '<p class="hello">Hello from a component</p>\n' },
      options: { timezone: 'Asia/Seoul', locale: 'ko-KR', feed: { limit: 0 }, author: 'Site Owner' },
    });
    server = await serve(site.dist);
    feed = (await feedparser(`${server.url}/feed.xml`))[0]!;
  });
  afterAll(() => server?.close());

  const feedFiles = () => site.files().filter((file) => file.endsWith('feed.xml'));
  const entry = (title: string) => feed.entries.find((e) => e.title === title)!;

  it('writes well-formed XML for the site, every category and every tag (xmllint)', () => {
    const files = feedFiles();
    expect(files).toContain('feed.xml');
    expect(files).toContain('categories/ai-data/feed.xml');
    expect(files).toContain('categories/자료-구조/feed.xml');
    expect(files).toContain('tags/c/feed.xml');
    expect(files).toContain('tags/태그/feed.xml');
    for (const file of files) expect(xmllint(join(site.dist, file)), file).toBe('');
  });

  it('is read by feedparser without complaint, with every published post', () => {
    expect(feed.bozo, feed.bozo_exception).toBe(false);
    expect(feed.version).toBe('rss20');
    expect(feed.title).toBe('Test Blog');
    expect(feed.language).toBe('ko-KR');
    expect(feed.entries.map((e) => e.title)).toEqual([
      'Effective C++ 1',
      'A very long post',
      'MDX post',
      'Math',
      'Tom & Jerry <script>alert(1)</script> ]]> "q" \'a\' 🎉 한글',
      '글또 5기 회고글',
    ]);
  });

  it('keeps hostile text intact, control characters removed', () => {
    const hostile = entry(HOSTILE_TITLE);
    // The description is text: a reader shows it exactly as written, markup-looking parts included.
    const shown = parse(hostile.summary!);
    expect(shown.querySelector('script, b')).toBeNull();
    expect(shown.text).toBe(
      'Desc with & and <b>tags</b> and ]]> and  control, costs $10; <script>alert("desc")</script> a < b',
    );
    // The HTML inside the item keeps the text: `]]>` and `&` as written (escaped by the XML around it).
    expect(hostile.content[0]).toContain('Body with ]]> and &#x26; and <b>bold</b>, a bell  and a form feed  here.');
    expect(hostile.content[0]).toContain('Emoji 🎉 and 한글.');
    expect(hostile.tags).toEqual(['AI & Data', '자료 구조', 'C++', '태그']);
    expect(hostile.author).toBe("O'Neil & Co");
    const raw = site.read('/feed.xml');
    expect(raw).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('dates every item with the exact front matter instant, in RFC 822 with the site offset', () => {
    const expected: Record<string, string> = {
      '글또 5기 회고글': '2021-04-30T17:31:00+09:00',
      Math: '2024-02-02T08:00:00-05:00',
      'Effective C++ 1': '2026-03-11T09:00:00+09:00',
      'MDX post': '2024-03-03T00:00:00+09:00',
    };
    for (const [title, instant] of Object.entries(expected)) {
      expect(entry(title).published_epoch, title).toBe(Date.parse(instant) / 1000);
    }
    for (const e of feed.entries) {
      expect(e.published, e.title).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0900$/,
      );
    }
    expect(entry('글또 5기 회고글').published).toBe('Fri, 30 Apr 2021 17:31:00 +0900');
  });

  it("uses Chirpy's post URL, absolute and encoded, as the permalink guid", () => {
    const base = 'https://example.com';
    expect(entry('글또 5기 회고글').id).toBe(`${base}/posts/retrospective/`);
    expect(entry('Effective C++ 1').id).toBe(`${base}${encodeURI(`/posts/${EFFECTIVE_SLUG}/`)}`);
    expect(entry('Effective C++ 1').id).toBe(
      'https://example.com/posts/Effective-C++-1.-C++%EC%97%90-%EC%99%94%EC%9C%BC%EB%A9%B4-C++%EC%9D%98-%EB%B2%95%EC%9D%84-%EB%94%B0%EB%A6%85%EC%8B%9C%EB%8B%A4-1/',
    );
    for (const e of feed.entries) expect(e.link, e.title).toBe(e.id);
    const items = [
      ...site.read('/feed.xml').matchAll(/<item>.*?<link>([^<]*)<\/link><guid isPermaLink="true">([^<]*)<\/guid>/g),
    ];
    expect(items).toHaveLength(feed.entries.length);
    for (const [, link, guid] of items) expect(guid).toBe(link);
  });

  it('carries the full post as HTML with absolute URLs', () => {
    const hostile = entry(HOSTILE_TITLE).content[0]!;
    expect(hostile).toContain('href="https://example.com/posts/math/"');
    expect(hostile).toContain('src="https://example.com/img/x.png"');
    const seed = entry('글또 5기 회고글').content[0]!;
    expect(seed).toContain('반년이 정말 후딱 지나가 버렸다');
    expect(seed).toContain(
      'src="https://example.com/Users/koo/Documents/gguguk.github.io/assets/img/post_img/gultto.png"',
    );
    expect(entry('MDX post').content[0]).toContain('Hello from a component');
    expect(entry('MDX post').content[0]).toContain('<strong>body</strong>');
  });

  it('shows math as MathML, readable without CSS', () => {
    const math = entry('Math').content[0]!;
    expect(math).toContain('<math');
    expect(math).toContain('<annotation encoding="application/x-tex">a^2 + b^2 = c^2</annotation>');
    expect(math).toContain('display="block"');
    expect(math).not.toContain('katex-html');
  });

  it('still produces a valid feed for a 1 MB post', () => {
    expect(BIG_BODY.length).toBeGreaterThan(500_000);
    expect(Buffer.byteLength(BIG_BODY)).toBeGreaterThan(1_000_000);
    expect(entry('A very long post').content[0]).toContain(
      'Paragraph 14999: 한국어 문장과 English words &#x26; symbols (kept).',
    );
  });

  it('never lists unpublished or future posts, in any feed', () => {
    for (const file of feedFiles()) {
      const xml = readFileSync(join(site.dist, file), 'utf8');
      expect(xml, file).not.toContain('DRAFT-IN-FEED');
      expect(xml, file).not.toContain('FUTURE-IN-FEED');
    }
  });

  it('has channel metadata: self link, last build date, description', () => {
    const raw = site.read('/feed.xml');
    expect(raw).toContain('<atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(raw).toMatch(/<lastBuildDate>Wed, 11 Mar 2026 09:00:00 \+0900<\/lastBuildDate>/);
    expect(feed.links).toContainEqual({ rel: 'self', href: 'https://example.com/feed.xml' });
  });

  it('gives each category and tag its own feed of its posts, linked from its page', async () => {
    const [category, tag] = await feedparser(
      `${server.url}/categories/ai-data/feed.xml`,
      `${server.url}/tags/c/feed.xml`,
    );
    expect(category!.bozo).toBe(false);
    expect(category!.entries.map((e) => e.title)).toEqual([HOSTILE_TITLE]);
    expect(tag!.entries.map((e) => e.title)).toEqual(['Effective C++ 1', HOSTILE_TITLE]);
    const page = site.html('/tags/c/');
    expect(page.querySelector('link[rel="alternate"][href="/tags/c/feed.xml"]')!.getAttribute('type')).toBe(
      'application/rss+xml',
    );
    expect(page.querySelector('a.term-feed')!.getAttribute('href')).toBe('/tags/c/feed.xml');
    const korean = site.html('/categories/자료-구조/');
    expect(korean.querySelector('a.term-feed')!.getAttribute('href')).toBe(encodeURI('/categories/자료-구조/feed.xml'));
  });

  it('is announced on every page and linked from the sidebar', () => {
    for (const path of ['/', '/posts/retrospective/', '/archives/', '/tags/', '/categories/ai-data/', '/404.html']) {
      const link = site.html(path).querySelector('link[rel="alternate"][type="application/rss+xml"]');
      expect(link?.getAttribute('href'), path).toBe('/feed.xml');
    }
    expect(site.html('/').querySelector('.sidebar-bottom a[href="/feed.xml"]')).not.toBeNull();
  });

  it('is reloaded by newsboat, which lists every item with the right title', async () => {
    const { titles, log } = await newsboat(`${server.url}/feed.xml`);
    expect(log).not.toMatch(/ERROR|USERERROR|encountered t == -1/);
    expect([...titles].sort()).toEqual(feed.entries.map((e) => e.title).sort());
  });
});
