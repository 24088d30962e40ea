/**
 * Real feed clients run against a served site: xmllint, feedparser and newsboat. The
 * clients that fetch over HTTP run asynchronously, so the test's own server can answer them.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TESTS_DIR } from './site.ts';

export interface ParsedEntry {
  title: string;
  link: string;
  id: string;
  guidislink: boolean;
  published: string;
  published_epoch: number | null;
  summary: string;
  content: string[];
  tags: string[];
  author: string | null;
}

export interface ParsedFeed {
  url: string;
  status: number;
  bozo: boolean;
  bozo_exception: string;
  version: string;
  title: string;
  language: string;
  links: { rel: string; href: string }[];
  entries: ParsedEntry[];
}

/** `xmllint --noout`: exit status 0 only for well-formed XML. Returns its complaints. */
export function xmllint(file: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', file], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

/** Debian's python3-feedparser (run with /usr/bin/python3, which has Debian's modules). */
const run = promisify(execFile);

export async function feedparser(...urls: string[]): Promise<ParsedFeed[]> {
  const { stdout } = await run('/usr/bin/python3', [join(TESTS_DIR, 'helpers/feedparser_dump.py'), ...urls], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return JSON.parse(stdout) as ParsedFeed[];
}

/** newsboat reloads the feed into its own cache; returns the titles it stored, and its log. */
export async function newsboat(url: string): Promise<{ titles: string[]; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsboat-'));
  try {
    writeFileSync(join(dir, 'urls'), `${url}\n`);
    await run(
      'newsboat',
      [
        '-u',
        join(dir, 'urls'),
        '-c',
        join(dir, 'cache.db'),
        '-C',
        '/dev/null',
        '-x',
        'reload',
        '-l',
        '4',
        '-d',
        join(dir, 'log'),
      ],
      { env: { ...process.env, HOME: dir, TERM: 'dumb' }, timeout: 120_000 },
    );
    const rows = execFileSync(
      'sqlite3',
      ['-json', join(dir, 'cache.db'), 'select title, guid, pubDate from rss_item order by pubDate desc'],
      {
        encoding: 'utf8',
      },
    );
    const log = readFileSync(join(dir, 'log'), 'utf8');
    return { titles: rows.trim() ? (JSON.parse(rows) as { title: string }[]).map((row) => row.title) : [], log };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
