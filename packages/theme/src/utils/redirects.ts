/** `redirect_from` (jekyll-redirect-from): the old paths of each post, as files to write. */

export interface RedirectSource {
  /** The post that moved. */
  id: string;
  file: string;
  from: string[];
}

export interface Redirect {
  /** Where the redirect page is written, relative to the site root (`old/path/index.html`). */
  file: string;
  /** The path readers used (`/old/path/`). */
  from: string;
  /** The post's id. */
  to: string;
}

/** `/old/` → `old/index.html`, `/2019/old.html` → `2019/old.html`, `/old` → `old/index.html`. */
export function redirectFile(from: string): string {
  const path = decodeURIComponentSafe(from.trim()).replace(/^\/+/, '').split('#')[0]!.split('?')[0]!;
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  if (/\.html?$/i.test(path)) return path;
  return `${path}/index.html`;
}

/**
 * Why a `redirect_from` value is not a path on the site, or `undefined` when it is one: no `.` or
 * `..` segment (the redirect page would be written outside the site, or over another place), no
 * backslash or control character, no scheme or host (`https://…`, `//host`).
 */
export function unsafeRedirectPath(from: string): string | undefined {
  const path = decodeURIComponentSafe(from.trim()).split('#')[0]!.split('?')[0]!;
  if (path.trim() === '') return 'expected a site path such as /old/path/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    return 'expected a path on this site such as /old/path/, not an address of another site';
  }
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return 'expected a site path without backslashes or control characters';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
    return 'expected a site path without . or .. segments';
  }
  return undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A fixed route of the site, as integration/served-paths.ts lists it. */
export interface FixedRoute {
  path: string;
  kind: 'page' | 'endpoint';
  origin: 'project' | 'integration';
}

/** The file Astro writes for a fixed route (directory format): `/tags` → `tags/index.html`. */
export function routeFile(route: Pick<FixedRoute, 'path' | 'kind'>): string {
  const path = route.path.replace(/^\/+/, '').replace(/\/+$/, '');
  if (route.kind === 'endpoint' || /\.html?$/i.test(path)) return path;
  // The 404 page is `404.html`, under a language's prefix too (integration/localize-links.ts moves it).
  if (/(?:^|\/)(?:404|500)$/.test(path)) return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}

/**
 * The files a site publishes that a redirect page may not replace, each with what it is (for the
 * error): fixed routes, `public/` files, and the build's own folders (`_astro/`, `pagefind/`, …)
 * as `folder/`.
 */
export function servedFiles(
  routes: readonly FixedRoute[],
  publicFiles: readonly string[],
  buildFolders: readonly string[],
): Map<string, string> {
  const served = new Map<string, string>();
  for (const route of routes) {
    const where = route.origin === 'project' ? "the site's own" : "the theme's";
    served.set(routeFile(route), `${where} ${route.kind === 'endpoint' ? 'file' : 'page'} ${route.path}`);
  }
  for (const file of publicFiles) served.set(file.normalize('NFC'), `public/${file}`);
  for (const folder of buildFolders) served.set(`${folder.replace(/\/+$/, '')}/`, `the build's ${folder} folder`);
  return served;
}

/**
 * What already lives where a redirect page would be written, if anything: the same file, a file
 * where the page needs a folder (`feed.xml` for `feed.xml/index.html`), or a folder the build owns.
 */
export function occupantOf(file: string, served: ReadonlyMap<string, string>): string | undefined {
  const normalized = file.normalize('NFC');
  const same = served.get(normalized);
  if (same !== undefined) return same;
  const parts = normalized.split('/');
  for (let end = 1; end < parts.length; end++) {
    const folder = parts.slice(0, end).join('/');
    const asFile = served.get(folder);
    if (asFile !== undefined) return asFile;
    const owned = served.get(`${folder}/`);
    if (owned !== undefined) return owned;
  }
  return undefined;
}

/**
 * Every redirect page to write. Throws when two posts claim one old path, or when an old
 * path is where a page of the site already lives, naming the files involved.
 */
export function collectRedirects(posts: RedirectSource[], taken: (file: string) => string | undefined): Redirect[] {
  const byFile = new Map<string, Redirect & { owner: string }>();
  for (const post of posts) {
    for (const from of post.from) {
      const file = redirectFile(from);
      const existing = byFile.get(file);
      if (existing && existing.to !== post.id) {
        throw new Error(`redirect_from: ${existing.owner} and ${post.file} both redirect from ${from}.`);
      }
      const page = taken(file);
      if (page !== undefined) {
        throw new Error(`redirect_from: ${post.file} redirects from ${from}, where ${page} is published.`);
      }
      byFile.set(file, { file, from, to: post.id, owner: post.file });
    }
  }
  return [...byFile.values()].map(({ file, from, to }) => ({ file, from, to }));
}
