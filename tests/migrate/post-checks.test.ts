/**
 * `migrate` checks every post before the first build, by the theme's rules, and tells every
 * problem in one run: front matter that is not valid YAML (where, and how to write it), and two
 * posts at one URL (which one Jekyll published there, judged by Debian's Jekyll building the same
 * posts, and the `slug:` that keeps its URL). An empty `image:` is no problem: the theme reads it
 * as no image, as Chirpy does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chirpySchema } from 'astro-theme-chirpy/schema';
import { jekyllBuild, type JekyllPost } from '../helpers/jekyll.ts';
import { REPO_DIR, TESTS_DIR } from '../helpers/site.ts';

const BIN = join(REPO_DIR, 'packages/theme/bin/astro-theme-chirpy.mjs');
const WORK = join(TESTS_DIR, '.tmp/migrate-post-checks');

const POSTS: Record<string, string> = {
  // Three posts at /posts/hello/: by file name twice, and by `slug:`.
  '2020-01-01-hello.md': '---\ntitle: Old hello\n---\nold\n',
  '2021-05-05-hello.md': '---\ntitle: New hello\n---\nnew\n',
  '2019-03-03-other.md': '---\ntitle: Slugged\nslug: hello\n---\nslugged\n',
  // The same date: the later path is written last.
  'a/2022-01-01-same.md': '---\ntitle: A\n---\na\n',
  'b/2022-01-01-same.md': '---\ntitle: B\n---\nb\n',
  // The front matter date decides, not the file name.
  '2023-01-01-dated.md': '---\ntitle: Early by its date\ndate: 2019-01-01 10:00:00 +0900\n---\nz\n',
  '2022-06-01-dated.md': '---\ntitle: Later by its date\n---\ny\n',
  // An unpublished post is not written by Jekyll, but the theme still sees the clash.
  '2024-01-01-draft.md': '---\ntitle: Unpublished\npublished: false\n---\nd\n',
  '2020-01-01-draft.md': '---\ntitle: Published\n---\np\n',
  // YAML Jekyll cannot read: published bare.
  '2022-02-02-broken.md': '---\ntitle: [Effective C++] 1\ncategories: [A, B]\n---\nbroken\n',
  '2022-02-04-colon.md': '---\ntitle: "Say "hi""\n---\ncolon\n',
  // A key twice: Ruby's YAML takes the last, js-yaml (and so the theme) stops.
  '2022-02-03-twice.md': '---\ntitle: Twice\ntags: a\ntags: b\n---\ntwice\n',
  '2022-03-03-fine.md': '---\ntitle: Fine\nimage:\n---\nfine\n',
};

describe('migrate checks the posts before the first build', () => {
  let jekyll: Map<string, JekyllPost>;
  let report: string;

  beforeAll(async () => {
    jekyll = await jekyllBuild('migrate-post-checks', POSTS);
    rmSync(WORK, { recursive: true, force: true });
    const files: Record<string, string> = {
      '_config.yml': 'theme: jekyll-theme-chirpy\ntitle: Checks\nurl: "https://checks.example.com"\ntimezone: UTC\n',
      ...Object.fromEntries(Object.entries(POSTS).map(([path, text]) => [`_posts/${path}`, text])),
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(WORK, 'jekyll', path)), { recursive: true });
      writeFileSync(join(WORK, 'jekyll', path), text);
    }
    // One run, which finishes: the posts are copied and every problem is listed.
    report = execFileSync('node', [BIN, 'migrate', join(WORK, 'jekyll'), join(WORK, 'astro')], { encoding: 'utf8' });
  });

  /** The post Jekyll left at `url`. */
  const publishedAt = (url: string) => [...jekyll.values()].find((post) => post.url === url)?.path;

  it('names the post Jekyll published at a shared URL, and the slug that keeps it there', () => {
    expect(publishedAt('/posts/hello/')).toBe('2021-05-05-hello.md');
    expect(report).toContain(
      '/posts/hello/ is the URL of 3 posts: _posts/2019-03-03-other.md, _posts/2020-01-01-hello.md, _posts/2021-05-05-hello.md. ' +
        'Jekyll published _posts/2021-05-05-hello.md there (it writes posts in date order, then by path, and the last one stays); ' +
        'the theme stops the build. To keep that URL for _posts/2021-05-05-hello.md and give the others their own, add ' +
        '`slug: hello-2019-03-03` to _posts/2019-03-03-other.md, `slug: hello-2020-01-01` to _posts/2020-01-01-hello.md.',
    );
    expect(publishedAt('/posts/same/')).toBe('b/2022-01-01-same.md');
    expect(report).toContain('Jekyll published _posts/b/2022-01-01-same.md there');
    expect(publishedAt('/posts/dated/')).toBe('2022-06-01-dated.md');
    expect(report).toContain('Jekyll published _posts/2022-06-01-dated.md there');
    expect(publishedAt('/posts/draft/')).toBe('2020-01-01-draft.md');
    expect(report).toContain(
      'Jekyll published _posts/2020-01-01-draft.md there (it writes posts in date order, then by path, and the last one stays) (_posts/2024-01-01-draft.md: published: false)',
    );
  });

  it('says where the YAML is broken, how to write it, and where Jekyll published the post bare', () => {
    expect(jekyll.get('2022-02-02-broken.md')!.url).toBe('/posts/2022-02-02-broken/');
    expect(jekyll.get('2022-02-02-broken.md')!.html).toContain('broken');
    expect(report).toContain(
      "_posts/2022-02-02-broken.md:2: the front matter is not valid YAML (bad indentation of a mapping entry): `title: [Effective C++] 1`; quote the value: `title: '[Effective C++] 1'`.",
    );
    expect(report).toContain(
      'at /posts/2022-02-02-broken/; the theme stops the build on it. Once fixed, the post is at /posts/broken/; add `redirect_from: /posts/2022-02-02-broken/` to keep the address Jekyll gave it.',
    );
    expect(report).toContain('_posts/2022-02-04-colon.md:2:');
    expect(report).toContain(`quote the value: \`title: 'Say "hi"'\``);
  });

  it('says which key is set twice: Jekyll took the last', () => {
    expect(jekyll.get('2022-02-03-twice.md')!.url).toBe('/posts/twice/');
    expect(report).toContain(
      '_posts/2022-02-03-twice.md:4: `tags` is set twice in the front matter (also on line 3). Jekyll used the last one; the theme stops on it.',
    );
  });

  it('tells all of it in one run, and nothing about the posts that are fine', () => {
    const section = report.slice(report.indexOf('Fix these posts first'));
    expect(section.match(/^ {2}- /gm)!.length).toBeGreaterThanOrEqual(7);
    expect(report).not.toContain('2022-03-03-fine');
  });

  it('an empty image: is no image, as Chirpy reads it', () => {
    const schema = chirpySchema();
    for (const image of [null, '', '  ']) {
      const parsed = schema.safeParse({ title: 'T', date: new Date(), image });
      expect(parsed.success, JSON.stringify(image)).toBe(true);
      expect((parsed.data as { image?: unknown }).image).toBeUndefined();
    }
    expect(schema.safeParse({ title: 'T', date: new Date(), image: 42 }).success).toBe(false);
  });
});
