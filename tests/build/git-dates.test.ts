/**
 * "Updated" from git, as Chirpy's starter sets it: a post file with more than one commit shows
 * its newest commit's author time; front matter's `last_modified_at` wins; one commit is no
 * update, and a renamed file starts again.
 *
 * Jekyll is the judge: the same history (same files, commits and dates) was built by Jekyll 4.3
 * with chirpy-starter's `_plugins/posts-lastmod-hook.rb` (2026-12-05), which published
 * `last_modified_at` as: edited 2024-03-10 12:30:00 +0000, once none, front-matter-wins
 * 2024-02-01 09:00:00 +0000, 한글 2024-03-10 12:30:00 +0000, author-date 2024-04-01 08:00:00 +0900
 * (the author date, not the commit date), renamed none. The expectations below are those.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

/** Commits everything in `root` at `date` (ISO), written at `authored` (by default the same). */
function commit(root: string, message: string, date: string, authored = date): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: authored, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, env });
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

describe('"Updated" dates from git', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('git-dates', {
      posts: {
        '2024-01-01-edited.md': post({ title: 'Edited', date: '2024-01-01 09:00:00 +0000' }),
        '2024-01-02-once.md': post({ title: 'Once', date: '2024-01-02 09:00:00 +0000' }),
        '2024-01-03-front-matter-wins.md': post({
          title: 'Front matter wins',
          date: '2024-01-03 09:00:00 +0000',
          last_modified_at: '2024-02-01 09:00:00 +0000',
        }),
        '글/2024-01-04-한글.md': post({ title: '한글', date: '2024-01-04 09:00:00 +0000' }),
        '2024-01-05-author-date.md': post({ title: 'Author date', date: '2024-01-05 09:00:00 +0000' }),
        '2024-01-06-renamed-old.md': post({ title: 'Renamed', date: '2024-01-06 09:00:00 +0000' }),
      },
      options: { title: 'Git', timezone: 'UTC' },
      beforeBuild: (root) => {
        execFileSync('git', ['init', '-q'], { cwd: root });
        commit(root, 'first', '2024-01-05T10:00:00Z');
        const posts = join(root, 'src/content/posts');
        appendFileSync(join(posts, '2024-01-01-edited.md'), '\nMore text.\n');
        appendFileSync(join(posts, '2024-01-03-front-matter-wins.md'), '\nMore text.\n');
        appendFileSync(join(posts, '글/2024-01-04-한글.md'), '\n더.\n');
        writeFileSync(join(root, 'README.md'), 'not a post\n');
        renameSync(join(posts, '2024-01-06-renamed-old.md'), join(posts, '2024-01-06-renamed.md'));
        commit(root, 'second', '2024-03-10T12:30:00Z');
        // Written on one day, committed (say, rebased) on another.
        appendFileSync(join(posts, '2024-01-05-author-date.md'), '\nMore text.\n');
        commit(root, 'third', '2024-05-20T18:00:00Z', '2024-04-01T08:00:00+09:00');
      },
    });
  });

  it("shows a post's newest commit as Updated when its file has more than one", () => {
    const meta = site.html('/posts/edited/').querySelector('.post-meta .updated time')!;
    expect(meta.getAttribute('datetime')).toBe('2024-03-10T12:30:00+00:00');
    expect(site.read('/posts/edited/')).toContain('"dateModified":"2024-03-10T12:30:00.000Z"');
    expect(site.html('/posts/한글/').querySelector('.post-meta .updated time')!.getAttribute('datetime')).toBe(
      '2024-03-10T12:30:00+00:00',
    );
  });

  it('takes the author date of the newest commit, not its commit date', () => {
    const meta = site.html('/posts/author-date/').querySelector('.post-meta .updated time')!;
    expect(meta.getAttribute('datetime')).toBe('2024-03-31T23:00:00+00:00');
  });

  it('shows no update for a file committed once (a renamed file starts again), and front matter wins over git', () => {
    expect(site.html('/posts/once/').querySelector('.post-meta .updated')).toBeNull();
    expect(site.html('/posts/renamed/').querySelector('.post-meta .updated')).toBeNull();
    const wins = site.html('/posts/front-matter-wins/').querySelector('.post-meta .updated time')!;
    expect(wins.getAttribute('datetime')).toBe('2024-02-01T09:00:00+00:00');
  });
});
