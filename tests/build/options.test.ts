/**
 * The options of chirpy() change what the build writes: comments, forced modes, routes
 * turned off, replaced components, a custom posts folder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

const GISCUS = {
  provider: 'giscus',
  repo: 'owner/blog',
  repoId: 'R_kgDO',
  category: 'Announcements',
  categoryId: 'DIC_kwDO',
} as const;

/** A page of the site's own that reads `post.body`, to see what the content store kept. */
const BODIES_PAGE = [
  "import { getCollection } from 'astro:content';",
  'export async function GET() {',
  "  const posts = await getCollection('posts');",
  '  return Response.json(Object.fromEntries(posts.map((p) => [p.id, p.body ?? null])));',
  '}',
  '',
].join('\n');

describe('a site of seven posts, one per home page', () => {
  let small: BuiltSite;
  beforeAll(async () => {
    small = await buildSite('options-small', {
      posts: Object.fromEntries(
        Array.from({ length: 7 }, (_, i) => [
          `2024-03-0${i + 1}-post-${i + 1}.md`,
          post({ title: `Post ${i + 1}` }, 'Body **text**.'),
        ]),
      ),
      files: { 'src/pages/bodies.json.ts': BODIES_PAGE },
      options: { paginate: 1 },
    });
  });

  it('does not keep the raw Markdown in the content store by default (the theme renders from HTML)', () => {
    const bodies = JSON.parse(small.read('/bodies.json')) as Record<string, string | null>;
    expect(Object.keys(bodies)).toHaveLength(7);
    expect(Object.values(bodies).every((body) => body === null)).toBe(true);
    expect(small.html('/posts/post-1/').querySelector('article strong')?.text).toBe('text');
  });

  it('links the first and last home page and the neighbours, with a gap for the pages left out', () => {
    const numbers = (path: string) =>
      small
        .html(path)
        .querySelectorAll('.pagination li')
        .map((li) => li.text.trim())
        .slice(1, -1);
    expect(numbers('/')).toEqual(['1', '2', '3', '…', '7']);
    expect(numbers('/page4/')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(numbers('/page6/')).toEqual(['1', '…', '5', '6', '7']);
    expect(small.html('/page6/').querySelector('.pagination a[href="/page7/"]')).not.toBeNull();
  });
});

describe('options', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('options', {
      posts: {},
      files: {
        'posts-here/2024-03-01-with-comments.md': post(
          {
            title: 'With comments',
            date: '2024-03-01 08:00:00 +0000',
            last_modified_at: '2024-04-02 09:30:00 +0000',
            author: 'jane',
            description: 'A <b>bold</b> & "quoted" description',
            image: '{ path: /img/preview.png, alt: "Preview alt" }',
          },
          'Body text.',
        ),
        'posts-here/2024-03-02-without-comments.md': post({ title: 'Without comments', comments: false }),
        'public/img/preview.png': 'not really a png',
        'src/pages/bodies.json.ts': BODIES_PAGE,
        'src/components/MyFooter.astro': '<footer class="my-footer">My own footer</footer>\n',
        'src/content.config.ts': [
          "import { defineCollection } from 'astro:content';",
          "import { chirpyLoader } from 'astro-theme-chirpy/loaders';",
          "export const collections = { posts: defineCollection({ loader: chirpyLoader({ base: 'posts-here', retainBody: true }) }) };",
          '',
        ].join('\n'),
      },
      options: {
        title: 'Options & <Things>',
        tagline: 'A tagline',
        author: 'Site Owner',
        avatar: '/img/avatar.png',
        themeMode: 'dark',
        comments: GISCUS,
        social: [
          { type: 'github', url: 'https://github.com/owner', label: 'GitHub' },
          { type: 'linkedin', url: 'https://www.linkedin.com/in/owner', label: 'LinkedIn' },
        ],
        routes: { archives: false },
        components: { Footer: './src/components/MyFooter.astro' },
        license: false,
      },
    });
  });

  it('keeps the raw Markdown in the content store with retainBody: true', () => {
    expect(JSON.parse(site.read('/bodies.json'))['with-comments']).toContain('Body text.');
  });

  it('reads posts from a configured folder', () => {
    expect(site.exists('/posts/with-comments/')).toBe(true);
    expect(site.exists('/posts/without-comments/')).toBe(true);
  });

  it('adds giscus keyed on the path where comments are on, and nowhere else', () => {
    const script = site.html('/posts/with-comments/').querySelector('#comments script')!;
    expect(script.text).toContain("'https://giscus.app/client.js'");
    const attributes = JSON.parse(script.getAttribute('data-attributes')!);
    expect(attributes['data-repo']).toBe('owner/blog');
    expect(attributes['data-mapping']).toBe('pathname');
    expect(site.read('/posts/without-comments/')).not.toContain('giscus');
    expect(site.read('/')).not.toContain('giscus');
  });

  it("draws social links with their brand's Font Awesome icon, inlined, as Chirpy's contact list", () => {
    const sidebar = site.html('/').querySelector('#sidebar')!;
    const icon = (host: string) => sidebar.querySelector(`a[href*="${host}"] svg path`)!.getAttribute('d')!;
    // GitHub's mark and LinkedIn's logo from Font Awesome Free's brands (fa-github, fa-linkedin).
    expect(icon('github.com')).toMatch(/^M216\.5 362\.5c-66-8-112\.5-55\.5-112\.5-117/);
    expect(icon('linkedin.com')).toMatch(/^M416 32L31\.9 32C14\.3 32 0 46\.5 0 64\.3/);
    expect(site.read('/')).not.toMatch(/simple-icons|cdn\.jsdelivr|fontawesome/i);
  });

  it('forces the configured mode with no toggle and no mode script', () => {
    const page = site.read('/');
    expect(site.html('/').querySelector('html')!.getAttribute('data-mode')).toBe('dark');
    expect(page).not.toContain('mode-toggle');
    expect(page).not.toContain('localStorage');
  });

  it('leaves out a route that is turned off, and its tab', () => {
    expect(site.exists('/archives/')).toBe(false);
    expect(
      site
        .html('/')
        .querySelectorAll('.tabs a')
        .map((a) => a.text),
    ).toEqual(['Home', 'Categories', 'Tags']);
  });

  it('uses a replaced component', () => {
    expect(site.html('/').querySelector('footer.my-footer')!.text).toBe('My own footer');
    expect(site.html('/').querySelector('.site-footer')).toBeNull();
  });

  it('shows the sidebar: avatar, title, tagline, tabs and links', () => {
    const sidebar = site.html('/').querySelector('#sidebar')!;
    expect(sidebar.querySelector('.avatar img')!.getAttribute('src')).toBe('/img/avatar.png');
    expect(sidebar.querySelector('.site-title')!.text).toBe('Options & <Things>');
    expect(sidebar.querySelector('.site-subtitle')!.text).toBe('A tagline');
    expect(sidebar.querySelectorAll('.sidebar-bottom a').map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/owner',
      'https://www.linkedin.com/in/owner',
      '/feed.xml',
    ]);
  });

  it('escapes user text', () => {
    const html = site.read('/posts/with-comments/');
    const page = site.html('/posts/with-comments/');
    expect(html).toContain('Options &amp; &lt;Things&gt;');
    expect(page.querySelector('b')).toBeNull();
    expect(page.querySelector('.post-desc')!.text).toBe('A <b>bold</b> & "quoted" description');
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(
      'A <b>bold</b> & "quoted" description',
    );
  });

  it('shows posted and updated dates, author, reading time and the preview image', () => {
    const page = site.html('/posts/with-comments/');
    expect(page.querySelector('.posted time')!.getAttribute('datetime')).toBe('2024-03-01T08:00:00+00:00');
    expect(page.querySelector('.updated time')!.getAttribute('datetime')).toBe('2024-04-02T09:30:00+00:00');
    expect(page.querySelector('.author')!.text).toContain('jane');
    expect(page.querySelector('.readtime')!.text).toBe('1 min read');
    expect(page.querySelector('.preview-img img')!.getAttribute('src')).toBe('/img/preview.png');
    expect(page.querySelector('.preview-img figcaption')!.text).toBe('Preview alt');
    expect(site.html('/posts/without-comments/').querySelector('.author')!.text).toContain('Site Owner');
    expect(site.html('/posts/without-comments/').querySelector('.updated')).toBeNull();
    const card = site
      .html('/')
      .querySelectorAll('.post-card')
      .find((c) => c.text.includes('With comments'))!;
    expect(card.querySelector('.card-image img')!.getAttribute('alt')).toBe('Preview alt');
  });

  it('has no table of contents on a post without headings', () => {
    expect(site.html('/posts/with-comments/').querySelector('.toc')).toBeNull();
  });

  it('hides the license line when turned off', () => {
    expect(site.html('/posts/with-comments/').querySelector('.license')).toBeNull();
  });
});
