import { slugifyTerm } from './slug.ts';
import type { PostLike } from './posts.ts';

/** One category or tag page: every name that slugifies to `slug`, and all their posts. */
export interface Term<P> {
  slug: string;
  /** Every spelling that maps to this page, in first-seen order (`C++`, `C#`). */
  names: string[];
  posts: P[];
}

/** Names that share one slug; the build warns about them. */
export interface TermCollision {
  slug: string;
  names: string[];
}

function collect<P extends PostLike>(sorted: readonly P[], namesOf: (post: P) => string[]): Map<string, Term<P>> {
  const terms = new Map<string, Term<P>>();
  for (const post of sorted) {
    const seenInPost = new Set<string>();
    for (const name of namesOf(post)) {
      const slug = slugifyTerm(name);
      if (!slug) continue;
      let term = terms.get(slug);
      if (!term) {
        term = { slug, names: [], posts: [] };
        terms.set(slug, term);
      }
      if (!term.names.includes(name)) term.names.push(name);
      if (!seenInPost.has(slug)) {
        seenInPost.add(slug);
        term.posts.push(post);
      }
    }
  }
  return terms;
}

/** Category pages, one per name at any depth (jekyll-archives), posts newest first. */
export function categoryTerms<P extends PostLike>(sorted: readonly P[]): Map<string, Term<P>> {
  return collect(sorted, (post) => post.data.categories);
}

/** Tag pages, posts newest first. */
export function tagTerms<P extends PostLike>(sorted: readonly P[]): Map<string, Term<P>> {
  return collect(sorted, (post) => post.data.tags);
}

export function collisions<P>(terms: Map<string, Term<P>>): TermCollision[] {
  return [...terms.values()].filter((term) => term.names.length > 1).map(({ slug, names }) => ({ slug, names }));
}

/** Terms sorted by name, as Chirpy's tag index shows them (case-insensitive, numbers in order). */
export function sortTermsByName<P>(terms: Iterable<Term<P>>): Term<P>[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...terms].sort((a, b) => collator.compare(a.names[0]!, b.names[0]!));
}

export interface CategoryNode<P> {
  /** Every spelling of this top-level category (names that share a slug share a page). */
  names: string[];
  slug: string;
  posts: P[];
  children: { names: string[]; slug: string; count: number }[];
}

/**
 * Chirpy's categories page: top-level names (a post's first category) with their
 * sub-categories (second category) and counts. Names sharing a slug are one node.
 */
export function categoryTree<P extends PostLike>(sorted: readonly P[]): CategoryNode<P>[] {
  const tops = new Map<string, CategoryNode<P>>();
  for (const post of sorted) {
    const [top, sub] = post.data.categories;
    if (top === undefined) continue;
    const slug = slugifyTerm(top);
    if (!slug) continue;
    let node = tops.get(slug);
    if (!node) {
      node = { names: [], slug, posts: [], children: [] };
      tops.set(slug, node);
    }
    if (!node.names.includes(top)) node.names.push(top);
    node.posts.push(post);
    const subSlug = sub === undefined ? '' : slugifyTerm(sub);
    if (sub !== undefined && subSlug) {
      const child = node.children.find((c) => c.slug === subSlug);
      if (!child) node.children.push({ names: [sub], slug: subSlug, count: 1 });
      else {
        child.count += 1;
        if (!child.names.includes(sub)) child.names.push(sub);
      }
    }
  }
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const nodes = [...tops.values()].sort((a, b) => collator.compare(a.names[0]!, b.names[0]!));
  for (const node of nodes) node.children.sort((a, b) => collator.compare(a.names[0]!, b.names[0]!));
  return nodes;
}

/** Chirpy's "Trending Tags": the `limit` tags with the most posts, ties by name. */
export function trendingTags<P>(terms: Iterable<Term<P>>, limit = 10): Term<P>[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...terms]
    .sort((a, b) => b.posts.length - a.posts.length || collator.compare(a.names[0]!, b.names[0]!))
    .slice(0, limit);
}
