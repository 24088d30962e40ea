/**
 * "Updated" dates from git, as Chirpy's starter sets them (its posts-lastmod-hook plugin): a
 * post file with more than one commit was last modified at its newest commit's *author* date
 * (`%ad`: when the change was written, kept through rebases). One `git log` reads the whole posts
 * folder. Front matter's `last_modified_at` wins (the loader decides).
 */
import { execFileSync } from 'node:child_process';

export interface GitDates {
  /** Post file (relative to the folder) → author time of its newest commit, for files with more than one commit. */
  modified: Map<string, Date>;
  /** The clone has no full history (CI checkouts often do this): older changes are not seen. */
  shallow: boolean;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/** Reads `git log` once for `dir`; undefined when `dir` is not in a git work tree (or git is missing). */
export function gitDates(dir: string): GitDates | undefined {
  if (git(['rev-parse', '--is-inside-work-tree'], dir)?.trim() !== 'true') return undefined;
  const log = git(['log', '--format=%x00%at', '--name-only', '--relative', '--', '.'], dir);
  if (log === undefined) return undefined;
  const commits = new Map<string, number>();
  const newest = new Map<string, Date>();
  for (const chunk of log.split('\0').slice(1)) {
    const [time, ...files] = chunk.split('\n').filter((line) => line !== '');
    const date = new Date(Number(time) * 1000);
    for (const file of files) {
      commits.set(file, (commits.get(file) ?? 0) + 1);
      if (!newest.has(file)) newest.set(file, date);
    }
  }
  const modified = new Map<string, Date>();
  for (const [file, count] of commits) if (count > 1) modified.set(file, newest.get(file)!);
  return { modified, shallow: git(['rev-parse', '--is-shallow-repository'], dir)?.trim() === 'true' };
}
