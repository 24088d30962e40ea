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

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
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
