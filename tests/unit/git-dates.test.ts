import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitDates } from '../../packages/theme/src/utils/git-dates.ts';

const work = mkdtempSync(join(tmpdir(), 'git-dates-'));
const repo = join(work, 'repo');
const posts = join(repo, 'posts');

function git(cwd: string, date: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: 'ignore',
  });
}

mkdirSync(join(posts, '한글'), { recursive: true });
execFileSync('git', ['init', '-q', repo]);
writeFileSync(join(posts, 'a.md'), 'a\n');
writeFileSync(join(posts, 'b.md'), 'b\n');
writeFileSync(join(posts, '한글', 'c.md'), 'c\n');
git(repo, '2024-01-01T00:00:00Z', 'add', '-A');
git(repo, '2024-01-01T00:00:00Z', 'commit', '-q', '-m', 'one');
appendFileSync(join(posts, 'a.md'), 'more\n');
appendFileSync(join(posts, '한글', 'c.md'), 'more\n');
git(repo, '2024-02-01T00:00:00Z', 'commit', '-q', '-am', 'two');
appendFileSync(join(posts, 'a.md'), 'again\n');
git(repo, '2024-03-01T00:00:00Z', 'commit', '-q', '-am', 'three');

describe('git dates of post files', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("gives each file with more than one commit its newest commit's time, names as written", () => {
    const dates = gitDates(posts)!;
    expect(dates.shallow).toBe(false);
    expect(Object.fromEntries([...dates.modified].map(([file, date]) => [file, date.toISOString()]))).toEqual({
      'a.md': '2024-03-01T00:00:00.000Z',
      '한글/c.md': '2024-02-01T00:00:00.000Z',
    });
  });

  it('tells a shallow clone apart, and a folder outside git', () => {
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, join(work, 'shallow')], { stdio: 'ignore' });
    const shallow = gitDates(join(work, 'shallow', 'posts'))!;
    expect(shallow.shallow).toBe(true);
    expect(shallow.modified.size).toBe(0);
    const outside = mkdtempSync(join(tmpdir(), 'no-git-'));
    expect(gitDates(outside)).toBeUndefined();
    rmSync(outside, { recursive: true, force: true });
  });
});
