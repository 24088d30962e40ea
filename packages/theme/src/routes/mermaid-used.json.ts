/**
 * Whether any post draws a mermaid diagram, written during the build and read (then removed)
 * by integration/mermaid.ts, which copies mermaid's bundle into the build only if one does.
 */
import type { APIRoute } from 'astro';
import { pageLanguages } from '../data/languages.ts';
import { getRenderInfo, getSiteDataIn } from '../data/site.ts';

export const GET: APIRoute = async () => {
  let used = false;
  for (const language of pageLanguages) {
    const { posts } = await getSiteDataIn(language);
    const infos = await Promise.all(posts.map((post) => getRenderInfo(post)));
    used ||= infos.some((info) => info.hasMermaid);
  }
  return new Response(JSON.stringify({ used }), { headers: { 'Content-Type': 'application/json' } });
};
