/**
 * A post's authors as readers see them: `author:`/`authors:` ids looked up in the `authors`
 * option (Chirpy's `_data/authors.yml`: `<id>: { name, url, twitter }`); an id with no entry is
 * shown as written; a post with none has the site's `author`. Worked out once here for the post
 * page, its head and the post meta line.
 */
import config from 'virtual:chirpy/config';

export interface Author {
  name: string;
  url?: string | undefined;
  /** A Twitter handle, without `@`. */
  twitter?: string | undefined;
}

export function postAuthors(ids: string[]): Author[] {
  if (ids.length === 0) return config.author ? [{ name: config.author }] : [];
  return ids.map((id) => {
    const entry = config.authors[id];
    if (!entry) return { name: id };
    return { name: entry.name, url: entry.url, twitter: entry.twitter?.replace(/^@/, '') };
  });
}

/**
 * The feed's `<dc:creator>`: the post's author ids as written, else the site's author, as
 * Chirpy's feed names them (`post.author | default: …`, no lookup in authors.yml).
 */
export function feedCreator(ids: string[]): string | undefined {
  return ids.join(', ') || config.author;
}
