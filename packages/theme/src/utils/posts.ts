/**
 * Pure post-list logic: what is published, in which order, on which home page, and
 * what relates to what. Works on a minimal shape so it is testable without Astro.
 */

export interface PostLike {
  id: string;
  data: {
    title: string;
    date: Date;
    last_modified_at?: Date | undefined;
    published: boolean;
    pin: boolean;
    hidden: boolean;
    categories: string[];
    tags: string[];
  };
}

/** A post is public when it is not `published: false` and its date is not in the future. */
export function isPublic(post: PostLike, now: Date): boolean {
  return post.data.published !== false && post.data.date.getTime() <= now.getTime();
}

/** Newest first; posts of the same instant by id, so every build orders them the same way. */
export function byDateDesc<P extends PostLike>(a: P, b: P): number {
  const diff = b.data.date.getTime() - a.data.date.getTime();
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortPosts<P extends PostLike>(posts: readonly P[]): P[] {
  return [...posts].sort(byDateDesc);
}

/** The home list: pinned posts first (newest first), then the rest, `hidden` posts left out. */
export function homeOrder<P extends PostLike>(sorted: readonly P[]): P[] {
  const listed = sorted.filter((post) => !post.data.hidden);
  return [...listed.filter((post) => post.data.pin), ...listed.filter((post) => !post.data.pin)];
}

export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  current: number;
  total: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    current: index + 1,
    total,
  }));
}

/**
 * The page numbers a page of the home list links to, as Chirpy's paginator shows them: the
 * first and last page, the pages next to the current one, and a gap (`'gap'`) for each run
 * left out. A gap never hides a single page; that page is shown instead. Linking every page
 * would put N / 10 links on each of N / 10 pages.
 */
export function pageWindow(current: number, total: number): (number | 'gap')[] {
  const shown = new Set([1, total, current - 1, current, current + 1]);
  if (current === 1) shown.add(3);
  if (current === total) shown.add(total - 2);
  const numbers = [...shown].filter((n) => n >= 1 && n <= total).sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const n of numbers) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous === 2) out.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push('gap');
    out.push(n);
  }
  return out;
}

/**
 * Lookups over one sorted post list, built once per list: a post page asks for its
 * neighbours and related posts, and scanning every post for every page is quadratic.
 */
interface PostIndex {
  rankOf: Map<string, number>;
  byTag: Map<string, number[]>;
  byCategory: Map<string, number[]>;
}

const indexes = new WeakMap<readonly PostLike[], PostIndex>();

function addRank(map: Map<string, number[]>, key: string, rank: number): void {
  const ranks = map.get(key);
  if (ranks) ranks.push(rank);
  else map.set(key, [rank]);
}

function indexOf<P extends PostLike>(sorted: readonly P[]): PostIndex {
  let index = indexes.get(sorted) as PostIndex | undefined;
  if (!index) {
    index = { rankOf: new Map(), byTag: new Map(), byCategory: new Map() };
    for (const [rank, post] of sorted.entries()) {
      if (!index.rankOf.has(post.id)) index.rankOf.set(post.id, rank);
      for (const tag of new Set(post.data.tags)) addRank(index.byTag, tag, rank);
      for (const category of new Set(post.data.categories)) addRank(index.byCategory, category, rank);
    }
    indexes.set(sorted, index);
  }
  return index;
}

/** Older and newer neighbours in the global date order (hidden posts included, as in Chirpy). */
export function neighbours<P extends PostLike>(
  sorted: readonly P[],
  id: string,
): { older: P | undefined; newer: P | undefined } {
  const rank = indexOf(sorted).rankOf.get(id);
  if (rank === undefined) return { older: undefined, newer: undefined };
  return { newer: sorted[rank - 1], older: sorted[rank + 1] };
}

/**
 * Chirpy's "Further Reading": +1 for each shared tag, +0.5 for each shared category,
 * at most `limit` posts, best score first and newer first among equals. Only posts that
 * share a tag or category are looked at.
 */
export function relatedPosts<P extends PostLike>(sorted: readonly P[], post: P, limit = 3): P[] {
  const index = indexOf(sorted);
  // Scores in half points, by rank; `touched` lists the ranks that scored.
  const halves = new Uint16Array(sorted.length);
  const touched: number[] = [];
  const add = (ranks: number[] | undefined, points: number) => {
    for (const rank of ranks ?? []) {
      if (halves[rank] === 0) touched.push(rank);
      halves[rank]! += points;
    }
  };
  for (const tag of new Set(post.data.tags)) add(index.byTag.get(tag), 2);
  for (const category of new Set(post.data.categories)) add(index.byCategory.get(category), 1);
  // The best `limit` kept in order as the scored ranks go by (a few hundred on a big blog,
  // for every post page: cheaper than sorting them all). Ranks are unique, so the order is total.
  const before = (a: number, b: number) => halves[a]! > halves[b]! || (halves[a] === halves[b] && a < b);
  const best: number[] = [];
  for (const rank of touched) {
    if (sorted[rank]!.id === post.id) continue;
    if (best.length === limit && !before(rank, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && before(rank, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at -= 1;
    }
    best[at] = rank;
  }
  return best.map((rank) => sorted[rank]!);
}

/** The date a post was last changed: `last_modified_at`, else its date. */
export function updatedAt(post: PostLike): Date {
  return post.data.last_modified_at ?? post.data.date;
}

/** Chirpy's "Recently Updated": the `limit` posts changed last (`last_modified_at`, else date). */
export function recentlyUpdated<P extends PostLike>(posts: readonly P[], limit = 5): P[] {
  return [...posts].sort((a, b) => updatedAt(b).getTime() - updatedAt(a).getTime() || byDateDesc(a, b)).slice(0, limit);
}
