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

/** Older and newer neighbours in the global date order (hidden posts included, as in Chirpy). */
export function neighbours<P extends PostLike>(
  sorted: readonly P[],
  id: string,
): { older: P | undefined; newer: P | undefined } {
  const index = sorted.findIndex((post) => post.id === id);
  if (index === -1) return { older: undefined, newer: undefined };
  return { newer: sorted[index - 1], older: sorted[index + 1] };
}

/**
 * Chirpy's "Further Reading": +1 for each shared tag, +0.5 for each shared category,
 * at most `limit` posts, best score first and newer first among equals.
 */
export function relatedPosts<P extends PostLike>(sorted: readonly P[], post: P, limit = 3): P[] {
  const tags = new Set(post.data.tags);
  const categories = new Set(post.data.categories);
  const scored: { post: P; score: number; rank: number }[] = [];
  sorted.forEach((candidate, rank) => {
    if (candidate.id === post.id) return;
    let score = 0;
    for (const tag of new Set(candidate.data.tags)) if (tags.has(tag)) score += 1;
    for (const category of new Set(candidate.data.categories)) if (categories.has(category)) score += 0.5;
    if (score > 0) scored.push({ post: candidate, score, rank });
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return scored.slice(0, limit).map((entry) => entry.post);
}

/** The date a post was last changed: `last_modified_at`, else its date. */
export function updatedAt(post: PostLike): Date {
  return post.data.last_modified_at ?? post.data.date;
}

/** Chirpy's "Recently Updated": the `limit` posts changed last (`last_modified_at`, else date). */
export function recentlyUpdated<P extends PostLike>(posts: readonly P[], limit = 5): P[] {
  return [...posts].sort((a, b) => updatedAt(b).getTime() - updatedAt(a).getTime() || byDateDesc(a, b)).slice(0, limit);
}
