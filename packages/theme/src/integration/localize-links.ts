/**
 * Middleware for multilingual sites: on every page of a non-default language, links to the
 * site gain the language's prefix, as jekyll-polyglot rewrites them (utils/languages.ts
 * `localizeHrefs`), so the theme's own links and the links authors wrote in posts stay in the
 * reader's language. Added by `chirpy()` only when `languages` are configured.
 */
import { defineMiddleware } from 'astro:middleware';
import { routeLanguage } from '../data/languages.ts';
import { localizedHtml } from '../data/urls.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const language = routeLanguage(context.routePattern);
  if (!language || language.isDefault) return response;
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = localizedHtml(await response.text(), language, context.site?.origin ?? '');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
