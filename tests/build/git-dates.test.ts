/**
 * "Updated" from git, as Chirpy's starter sets it: a post file with more than one commit shows
 * its newest commit's time; front matter's `last_modified_at` wins; one commit is no update.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

/** Commits everything in `root` at `date` (ISO, UTC). */
function commit(root: string, message: string, date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
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
        commit(root, 'second', '2024-03-10T12:30:00Z');
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

  it('shows no update for a file committed once, and front matter wins over git', () => {
    expect(site.html('/posts/once/').querySelector('.post-meta .updated')).toBeNull();
    const wins = site.html('/posts/front-matter-wins/').querySelector('.post-meta .updated time')!;
    expect(wins.getAttribute('datetime')).toBe('2024-02-01T09:00:00+00:00');
  });
});
