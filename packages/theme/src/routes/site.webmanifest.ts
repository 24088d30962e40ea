/** `/site.webmanifest`: the site as an installable app (name, colours, icon). */
import type { APIRoute } from 'astro';
import config, { favicons } from 'virtual:chirpy/config';
import { url } from '../data/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: config.title,
      short_name: config.title,
      description: config.description || config.tagline,
      start_url: url('/'),
      display: 'standalone',
      theme_color: '#2a408e',
      background_color: '#ffffff',
      icons: favicons.appIcons.map((icon) => ({ ...icon, src: url(icon.src) })),
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
