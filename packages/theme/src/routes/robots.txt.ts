/** `/robots.txt`, as Chirpy writes it, naming the sitemap. */
import type { APIRoute } from 'astro';
import { absoluteUrl, url } from '../data/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Disallow: /norobots/', ''];
  if (site) lines.push(`Sitemap: ${absoluteUrl(url('/sitemap.xml'), site)}`, '');
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
