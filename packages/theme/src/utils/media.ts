/**
 * Chirpy's `media-url.html`: a media path without a scheme becomes
 * `[cdn/][media_subpath/]src`, slashes collapsed, so a bare `assets/x.png` is root-relative.
 * `.` and `..` segments are then resolved as the browser resolves them: Chirpy publishes
 * `../../assets/img/x.png` (written relative to the post file in `_posts/`) as
 * `/../../assets/img/x.png`, which the browser reads as `/assets/img/x.png`, the same file the
 * relative path names from the post's URL `/posts/<slug>/` (Chirpy before 7 left it relative).
 */
import { withBase } from './urls.ts';

export interface MediaOptions {
  cdn?: string | undefined;
  subpath?: string | undefined;
  /** Astro's `base`, prepended to root-relative results. */
  base?: string | undefined;
}

/** True for URLs this rule leaves alone: any scheme (`https:`, `data:`), protocol-relative or a fragment. */
export function isExternalMedia(src: string): boolean {
  return src.includes(':') || src.startsWith('//') || src.startsWith('#');
}

/**
 * A URL path with its `.` and `..` segments resolved, as a browser resolves them (RFC 3986,
 * remove_dot_segments): `/a/../b` is `/b`, and `..` above the root stays at the root. The query
 * and fragment are kept as written.
 */
export function resolveDotSegments(path: string): string {
  const cut = path.search(/[?#]/);
  const pathPart = cut === -1 ? path : path.slice(0, cut);
  const rest = cut === -1 ? '' : path.slice(cut);
  if (!/(?:^|\/)\.\.?(?:\/|$)/.test(pathPart)) return path;
  const segments = pathPart.split('/');
  const out: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && out.length > 1) out.pop();
      // A trailing `.` or `..` names a folder: the path keeps its final slash.
      if (last) out.push('');
      return;
    }
    out.push(segment);
  });
  return out.join('/') + rest;
}

export function mediaUrl(src: string, { cdn, subpath, base }: MediaOptions = {}): string {
  if (!src || isExternalMedia(src)) return src;
  let url = `${subpath ?? ''}/${src}`;
  if (cdn) url = `${cdn}/${url}`;
  url = url.replace(/\/{2,}/g, '/').replace(/:\//, '://');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)?.[0];
  if (scheme) return scheme + resolveDotSegments(url.slice(scheme.length));
  return withBase(resolveDotSegments(url), base);
}
