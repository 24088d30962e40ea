/**
 * Jekyll as the judge: builds posts with a minimal Chirpy-configured Jekyll site
 * (tests/oracle/site: Chirpy's permalink and `kramdown:` settings on Jekyll's defaults) and reads
 * back, for every post, the URL, the date and the body HTML that a Chirpy site publishes.
 * Needs Debian's `jekyll` package (Jekyll 4.3, kramdown 2.4, kramdown-parser-gfm, rouge).
 * Node's own modules only, so scripts/record-kramdown.ts can run it with Node's type stripping.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** tests/ (as site.ts has it; not imported from there, which loads Astro). */
const TESTS_DIR = fileURLToPath(new URL('..', import.meta.url));

const run = promisify(execFile);

export interface JekyllPost {
  /** The post's path under `_posts/`, as given. */
  path: string;
  /** The URL Jekyll published it at (percent-encoded, as in its links). */
  url: string;
  /** `{{ page.date | date_to_xmlschema }}`. */
  date: string;
  /** The post body as kramdown rendered it. */
  html: string;
}

const MARKER = /^<!--oracle (\{.*\})-->\n/;

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/**
 * Builds `posts` (path under `_posts/` → file text) with Jekyll and returns each published post
 * by its path. Posts Jekyll does not publish (future dates, `published: false`) are absent.
 */
export async function jekyllBuild(
  name: string,
  posts: Record<string, string>,
  /** Settings added to the site's `_config.yml` (a later key wins), e.g. `timezone: Asia/Seoul`. */
  config = '',
): Promise<Map<string, JekyllPost>> {
  const root = join(TESTS_DIR, '.tmp', `jekyll-${name}`);
  rmSync(root, { recursive: true, force: true });
  cpSync(join(TESTS_DIR, 'oracle', 'site'), join(root, 'src'), { recursive: true });
  if (config) appendFileSync(join(root, 'src', '_config.yml'), `\n${config}\n`);
  for (const [path, text] of Object.entries(posts)) {
    const target = join(root, 'src', '_posts', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  await run('jekyll', ['build', '--quiet', '--source', join(root, 'src'), '--destination', join(root, 'out')], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, JEKYLL_ENV: 'production', LANG: 'C.UTF-8' },
  });
  const result = new Map<string, JekyllPost>();
  for (const file of htmlFiles(join(root, 'out'))) {
    const text = readFileSync(file, 'utf8');
    const marker = MARKER.exec(text);
    if (!marker) continue;
    const meta = JSON.parse(marker[1]!) as { path: string; url: string; date: string };
    const path = meta.path.replace(/^_posts\//, '');
    result.set(path, { path, url: meta.url, date: meta.date, html: text.slice(marker[0].length) });
  }
  return result;
}
