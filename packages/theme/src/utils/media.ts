/**
 * Chirpy's `media-url.html`: a media path without a scheme becomes
 * `[cdn/][media_subpath/]src`, slashes collapsed, so a bare `assets/x.png` is root-relative.
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

export function mediaUrl(src: string, { cdn, subpath, base }: MediaOptions = {}): string {
  if (!src || isExternalMedia(src)) return src;
  let url = `${subpath ?? ''}/${src}`;
  if (cdn) url = `${cdn}/${url}`;
  url = url.replace(/\/{2,}/g, '/').replace(/:\//, '://');
  if (url.includes('://')) return url;
  return withBase(url, base);
}
