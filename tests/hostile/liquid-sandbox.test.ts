/**
 * Liquid in a post is untrusted input (guest posts; CI builds what lands): it may not read the
 * build machine's files, run Liquid Jekyll does not have, or keep the build busy or out of
 * memory. Each attempt stops the build quickly, with a message naming the post and the line.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liquidForPosts } from '../../packages/theme/src/markdown/liquid/entry-type.ts';
import {
  LiquidSyntaxError,
  renderLiquid,
  type LiquidContext,
  type LiquidFiles,
} from '../../packages/theme/src/markdown/liquid/liquid.ts';
import { MARKUP_LIMIT, MEMORY_LIMIT, RENDER_LIMIT_MS } from '../../packages/theme/src/markdown/liquid/allowed.ts';

const SECRET = 'SECRET=do-not-publish';

/**
 * A project whose includes and posts folders sit beside files that must stay private: `.env`
 * and `.git/config` at its root, and a secret out of the project altogether.
 */
let root: string;
let files: LiquidFiles;
let outside: string;
beforeAll(() => {
  outside = mkdtempSync(join(tmpdir(), 'chirpy-outside-'));
  writeFileSync(join(outside, 'secret.txt'), SECRET);
  root = mkdtempSync(join(tmpdir(), 'chirpy-sandbox-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('.env', SECRET);
  write('.git/config', SECRET);
  write('src/includes/ok.html', 'ok {{ include.x }}');
  write('src/includes/self.html', '{% include self.html %}');
  write('src/includes/ping.html', 'p{% include pong.html n=include.n %}');
  write('src/includes/pong.html', 'q{% include ping.html n=include.n %}');
  write('src/includes/bomb.html', 'a\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}');
  write('src/content/posts/sub/2024-01-01-post.md', 'the post');
  write('src/content/posts/sub/beside.txt', 'beside');
  write('src/content/posts/other/2024-01-02-other.md', 'another post');
  mkdirSync(join(root, 'src/includes/links'), { recursive: true });
  // Links out of the includes folder: to a file, to a folder, to a file of the project.
  symlinkSync(join(outside, 'secret.txt'), join(root, 'src/includes/links/secret.html'));
  symlinkSync(outside, join(root, 'src/includes/links/out'));
  symlinkSync(join(root, '.env'), join(root, 'src/includes/links/env.html'));
  // A link that stays inside is fine.
  symlinkSync(join(root, 'src/includes/ok.html'), join(root, 'src/includes/links/ok.html'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'src/content/posts/sub/secret.txt'));
  symlinkSync(join(root, '.git'), join(root, 'src/content/posts/sub/git'));
  files = {
    root,
    includes: join(root, 'src/includes'),
    posts: join(root, 'src/content/posts'),
    post: join(root, 'src/content/posts/sub/2024-01-01-post.md'),
  };
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const context = (): LiquidContext => ({
  siteUrl: 'https://example.com',
  baseurl: '',
  pageUrl: '/posts/post/',
  postUrl: () => undefined,
  media: (src) => src,
  files,
});
const render = (text: string) => renderLiquid(text, context());

/** The error rendering `text` stops on, and how long it took to get there. */
function failure(text: string): { error: LiquidSyntaxError; ms: number } {
  const start = performance.now();
  try {
    render(text);
  } catch (error) {
    expect(error).toBeInstanceOf(LiquidSyntaxError);
    return { error: error as LiquidSyntaxError, ms: performance.now() - start };
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 80))} to fail`);
}

describe("no file of the build machine's is published", () => {
  it.each([
    ['{% render .env %}', 'render'],
    ["{% render '.git/config' %}", 'render'],
    ['{% layout .env %}', 'layout'],
    ['{% block x %}{% endblock %}', 'block'],
    ['{% echo "x" %}', 'echo'],
    ['{% liquid echo "x" %}', 'liquid'],
  ])('refuses %s: Jekyll 4 has no such tag', (tag, name) => {
    const { error } = failure(`line 1\n\n${tag}`);
    expect(error.message).toBe(`Liquid syntax error: unknown tag "${name}" (Jekyll 4's Liquid has no such tag)`);
    expect(error.line).toBe(3);
    expect(error.message).not.toContain('SECRET');
  });

  it.each([
    ['{% include ../../.env %}', /\{% include \.\.\/\.\.\/\.env %\} is refused: a path out of its folder/],
    ['{% include links/../../../.env %}', /is refused: a path out of its folder/],
    ['{% include ./ok.html %}', /is refused: a path with `\.\/` or `\/\/`/],
    ['{% include /etc/passwd %}', /\{% include \/etc\/passwd %\} is refused: an absolute path/],
    ['{% include_relative ../../../../.env %}', /\{% include_relative \.\.\/\.\.\/\.\.\/\.\.\/\.env %\} is refused/],
    ['{% include_relative ../other/2024-01-02-other.md %}', /is refused: a path out of its folder/],
    ['{% include_relative /etc/passwd %}', /is refused: an absolute path/],
  ])('refuses %s, naming the path and the line', (tag, message) => {
    const { error } = failure(`line 1\n${tag}`);
    expect(error.message).toMatch(message);
    expect(error.line).toBe(2);
  });

  it("refuses the absolute path of the project's own .env", () => {
    expect(() => render(`{% include ${root}/.env %}`)).toThrow(/is refused: an absolute path/);
    expect(() => render(`{% include_relative ${root}/.env %}`)).toThrow(/is refused: an absolute path/);
  });

  it('refuses a file name taken from a variable that climbs out', () => {
    expect(() => renderLiquid('{% include {{ page.evil }} %}', { ...context(), page: { evil: '../../.env' } })).toThrow(
      /\{% include \.\.\/\.\.\/\.env %\} is refused: a path out of its folder/,
    );
  });

  it.each([
    ['{% include links/secret.html %}', 'src/includes/links/secret.html', 'src/includes/'],
    ['{% include links/out/secret.txt %}', 'src/includes/links/out/secret.txt', 'src/includes/'],
    ['{% include links/env.html %}', 'src/includes/links/env.html', 'src/includes/'],
    ['{% include_relative secret.txt %}', 'src/content/posts/sub/secret.txt', 'src/content/posts/'],
    ['{% include_relative git/config %}', 'src/content/posts/sub/git/config', 'src/content/posts/'],
  ])('refuses %s, a symbolic link out of its folder', (tag, path, folder) => {
    const { error } = failure(`a\nb\n${tag}`);
    expect(error.message).toContain(`is refused: ${path} resolves to a file outside ${folder}`);
    expect(error.line).toBe(3);
    expect(error.message).not.toContain('SECRET');
  });

  it('follows a symbolic link that stays in the includes folder', () => {
    expect(render('{% include links/ok.html x=1 %}').text).toBe('ok 1');
  });

  it('reads include_relative only beside the post: another post or a file elsewhere is not found', () => {
    expect(render('{% include_relative beside.txt %}').text).toBe('beside');
    const { text, warnings } = render('{% include_relative .env %}');
    expect(text).toBe('{% include_relative .env %}');
    expect(warnings).toHaveLength(1);
  });

  it('leaves an include of a file that is nowhere as written: `.env` is not looked for outside src/includes/', () => {
    const { text, warnings } = render('{% include .env %}\n{% include .git/config %}');
    expect(text).toBe('{% include .env %}\n{% include .git/config %}');
    expect(warnings.map((warning) => warning.line)).toEqual([1, 2]);
  });

  it("names the post's file and line through the loader's error", async () => {
    const post = join(files.posts, 'sub/2024-01-01-post.md');
    const contents = '---\ntitle: Hostile\n---\n\nline 5\n{% render .env %}\n';
    const transform = liquidForPosts({
      root,
      postsDir: files.posts,
      postFiles: ['sub/2024-01-01-post.md'],
      siteBase: '/',
      timeZone: 'UTC',
      warn: () => {},
      fail: (message) => new Error(message),
    });
    await expect(
      transform(
        { data: { title: 'Hostile' }, body: '\nline 5\n{% render .env %}\n' },
        { contents, fileUrl: pathToFileURL(post) },
        { title: 'Hostile' },
      ),
    ).rejects.toThrow(
      'src/content/posts/sub/2024-01-01-post.md:6: Liquid syntax error: unknown tag "render" (Jekyll 4\'s Liquid has no such tag)',
    );
  });
});

describe('no post keeps the build busy or out of memory', () => {
  // Each fails well within RENDER_LIMIT_MS plus parsing; the bound leaves room for a busy machine.
  const FAST = 3_000;

  it('stops the nested loop bomb (40 minutes without a limit)', () => {
    const { error, ms } = failure('a\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}');
    expect(ms).toBeLessThan(FAST);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(
      new RegExp(`rendering took longer than ${RENDER_LIMIT_MS} ms|more than ${MEMORY_LIMIT.toLocaleString('en')}`),
    );
  });

  it('stops the memory bomb (six ranges of 100,000,000 crash Node without a limit)', () => {
    const { error, ms } = failure(
      `text\n${Array.from({ length: 6 }, (_, i) => `{% assign x${i} = (1..100000000) %}`).join('\n')}`,
    );
    expect(ms).toBeLessThan(FAST);
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      `Liquid error: more than ${MEMORY_LIMIT.toLocaleString('en')} items or characters made, the limit (a range or a loop too large?)`,
    );
  });

  it.each([
    [
      'a loop over an array made once',
      '{% assign a = (1..100000) %}{% for i in a %}{% for j in a %}{% endfor %}{% endfor %}',
    ],
    [
      'a loop writing out',
      '{% assign a = (1..100000) %}{% for i in a %}{% for j in a %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}',
    ],
    [
      'a table bomb',
      '{% tablerow i in (1..100000) %}{% tablerow j in (1..100000) %}{% endtablerow %}{% endtablerow %}',
    ],
    [
      'capture doubling',
      '{% assign s = "x" %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}',
    ],
    ['append doubling', '{% assign s = "x" %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}'],
    ['concat doubling', '{% assign s = (1..10) %}{% for i in (1..64) %}{% assign s = s | concat: s %}{% endfor %}'],
    ['a padded date', '{{ "now" | date: "%1000000000Y" }}'],
    ['a huge range', '{{ (1..1000000000) | size }}'],
  ])('stops %s', (_, text) => {
    const { error, ms } = failure(`one\ntwo\n${text}`);
    expect(ms).toBeLessThan(FAST);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^Liquid error: (?:rendering took longer|more than)/);
  });

  it('stops too many Liquid tags before parsing them (LiquidJS parses them in quadratic time)', () => {
    const { error, ms } = failure('{% if a %}b{% endif %}'.repeat(160_000));
    expect(ms).toBeLessThan(FAST);
    expect(error.message).toBe(
      `Liquid error: more than ${MARKUP_LIMIT.toLocaleString('en')} Liquid tags and outputs to read, the limit`,
    );
  });

  it('reads a post of unclosed markup in linear time', () => {
    for (const text of ['{{'.repeat(4_000) + 'x', '{% raw %}'.repeat(4_000), '{{ a '.repeat(4_000)]) {
      const start = performance.now();
      expect(() => render(text)).toThrow(LiquidSyntaxError);
      expect(performance.now() - start).toBeLessThan(FAST);
    }
  });

  it('stops tags nested too deep', () => {
    const { error, ms } = failure(`${'{% if true %}'.repeat(5_000)}x${'{% endif %}'.repeat(5_000)}`);
    expect(ms).toBeLessThan(FAST);
    expect(error.message).toMatch(/^Liquid error: tags nested too deep/);
  });

  it('stops an include that includes itself, or two that include each other, as Liquid 4 does', () => {
    for (const tag of ['{% include self.html %}', '{% include ping.html n=1 %}']) {
      const { error, ms } = failure(`a\n${tag}`);
      expect(ms).toBeLessThan(FAST);
      expect(error.line).toBe(2);
      expect(error.message).toMatch(/^Liquid error: Nesting too deep: includes inside includes more than 100 levels/);
      expect(error.message).toMatch(/\(in src\/includes\/\w+\.html:1, included from .*more …/);
    }
  });

  it('stops a bomb inside an included file, at the line of the include, naming the file and its line', () => {
    const { error, ms } = failure('a\nb\n{% include bomb.html %}');
    expect(ms).toBeLessThan(FAST);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/\(in src\/includes\/bomb\.html:2\)$/);
  });
});
