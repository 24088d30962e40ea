/** A default `/favicon.svg` (the site's initial), injected only when the site has none of its own. */
import type { APIRoute } from 'astro';
import config from 'virtual:chirpy/config';
import { escapeXml } from '../feed/xml-text.ts';

export const GET: APIRoute = () => {
  const initial = escapeXml([...config.title.trim()][0]?.toUpperCase() ?? 'C');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    '<rect width="64" height="64" rx="14" fill="#2a408e"/>' +
    `<text x="32" y="44" text-anchor="middle" font-family="system-ui, sans-serif" font-size="36" font-weight="700" fill="#fff">${initial}</text>` +
    '</svg>';
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
