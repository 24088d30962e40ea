/** `/categories/<slug>/feed.xml` and `/tags/<slug>/feed.xml`: one feed per category and tag. */
import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:chirpy/config';
import { getSiteData, type Post } from '../data/site.ts';
import { feedResponse } from '../feed/rss.ts';
import { routeLanguage } from '../data/languages.ts';
import type { Term } from '../utils/taxonomy.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const { categories, tags } = await getSiteData(routePattern);
  const paths = (kind: 'categories' | 'tags', terms: Map<string, Term<Post>>) =>
    config.routes[kind]
      ? [...terms.values()].map((term) => ({ params: { kind, slug: term.slug }, props: { term } }))
      : [];
  return [...paths('categories', categories), ...paths('tags', tags)];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site, routePattern }) => {
  const { term } = props as { term: Term<Post> };
  const name = term.names.join(' / ');
  return feedResponse({
    title: `${name} · ${config.title}`,
    description: config.description || config.title,
    path: `/${params.kind}/${term.slug}/feed.xml`,
    posts: term.posts,
    site: site ?? new URL('http://localhost/'),
    language: routeLanguage(routePattern),
    term: term.names,
  });
};
