/**
 * Front matter defaults, as Jekyll 4.3 applies `_config.yml` `defaults:` to a post
 * (jekyll/frontmatter_defaults.rb): every set whose scope matches the post (its `type` is
 * `posts`, or none; its `path` is a prefix of the post's path from the site source, `_posts/…`,
 * or a glob one of whose matches is), merged in order, a set with a longer path (or, at equal
 * length, one with a `type`) winning over the sets before it; the post's own front matter last.
 * Nested objects merge key by key (Jekyll's deep_merge_hashes); lists are replaced.
 */

export interface FrontmatterDefaultSet {
  scope?: { path?: string | undefined; type?: string | undefined } | undefined;
  values: Record<string, unknown>;
}

/** Jekyll's deprecated singular types, which it reads as the plural ones. */
const DEPRECATED_TYPES: Record<string, string> = { post: 'posts', page: 'pages', draft: 'drafts' };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Jekyll's `Utils.deep_merge_hashes`: `overrides` wins, nested objects merge, lists are replaced. */
export function deepMerge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const existing = merged[key];
    merged[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
  }
  return merged;
}

/** Jekyll's `sanitize_path`: a leading slash is dropped. */
const sanitize = (path: string | undefined): string => (path ? path.replace(/^\//, '') : '');

/** A scope path with `*` as Ruby's `Dir.glob` reads it (`**` crosses folders, `*` and `?` do not). */
function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether a scope's path covers `path`: Jekyll compares the strings (`_posts/ko` covers
 * `_posts/korean/…` too); a glob is matched against files on disk there, and a post is covered
 * when the post or one of its folders matches.
 */
function appliesPath(scopePath: string | undefined, path: string): boolean {
  if (typeof scopePath !== 'string' || scopePath === '') return true;
  const scope = sanitize(scopePath);
  if (!scope.includes('*')) return path.startsWith(scope);
  const pattern = globPattern(scope);
  const parts = path.split('/');
  return parts.some((_, end) => pattern.test(parts.slice(0, end + 1).join('/')));
}

function appliesType(scopeType: string | undefined, type: string): boolean {
  if (scopeType === undefined) return true;
  return (DEPRECATED_TYPES[scopeType] ?? scopeType) === type;
}

function hasPrecedence(previous: FrontmatterDefaultSet['scope'] | null, next: FrontmatterDefaultSet['scope']): boolean {
  if (previous === null) return true;
  const nextPath = sanitize(next?.path);
  const previousPath = sanitize(previous?.path);
  if (nextPath.length !== previousPath.length) return nextPath.length >= previousPath.length;
  if (next?.type !== undefined) return true;
  return previous?.type === undefined;
}

/**
 * The defaults for a document at `path` (from the site source: `_posts/2024-01-01-x.md`) of
 * `type` (`posts`), merged as Jekyll's `FrontmatterDefaults#all` merges them.
 */
export function defaultsFor(
  sets: readonly FrontmatterDefaultSet[],
  path: string,
  type = 'posts',
): Record<string, unknown> {
  let defaults: Record<string, unknown> = {};
  let previous: FrontmatterDefaultSet['scope'] | null = null;
  for (const set of sets) {
    if (set.scope && !(appliesType(set.scope.type, type) && appliesPath(set.scope.path, path))) continue;
    if (hasPrecedence(previous, set.scope)) {
      defaults = deepMerge(defaults, set.values);
      previous = set.scope ?? {};
    } else {
      defaults = deepMerge(set.values, defaults);
    }
  }
  return defaults;
}

/** A post's front matter with the defaults under it: the post's own values win. */
export function withDefaults(
  sets: readonly FrontmatterDefaultSet[],
  path: string,
  frontmatter: Record<string, unknown>,
): Record<string, unknown> {
  if (sets.length === 0) return frontmatter;
  const defaults = defaultsFor(sets, path);
  return Object.keys(defaults).length === 0 ? frontmatter : deepMerge(defaults, frontmatter);
}
