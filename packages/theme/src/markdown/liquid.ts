/**
 * The part of Jekyll's Liquid that Chirpy posts use, run on the Markdown source before it
 * is parsed (as Jekyll does): `{% raw %}`, the `embed/*` includes, `{{ site.url }}`,
 * `{{ site.baseurl }}`, `{{ page.url }}`, `{% post_url %}` and `{% link %}`. Anything else
 * stays as written and is reported with its line.
 */
import { embedHtml, parseIncludeArguments } from './embeds.ts';

export interface LiquidContext {
  /** `site.url`: the site origin, no trailing slash (`https://example.com`). */
  siteUrl: string;
  /** `site.baseurl`: Astro's base without trailing slash (`''` or `/blog`). */
  baseurl: string;
  /** This post's URL path (`/posts/x/`). */
  pageUrl: string;
  /** URL path of another post, from the name `post_url` takes (`2021-01-01-slug`, maybe in a subfolder). */
  postUrl(name: string): string | undefined;
  /** Media path rule for embed sources (cdn, media_subpath). */
  media(src: string): string;
}

export interface LiquidWarning {
  line: number;
  text: string;
}

const TAG = /\{%-?\s*([\s\S]*?)\s*-?%\}|\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function renderTag(tag: string, context: LiquidContext): string | undefined {
  const [name, ...rest] = tag.split(/\s+/);
  const argument = rest.join(' ');
  switch (name) {
    case 'include': {
      const match = /^embed\/([\w-]+)\.html\b([\s\S]*)$/.exec(argument);
      if (!match) return undefined;
      return embedHtml(match[1]!, parseIncludeArguments(match[2]!), context);
    }
    case 'post_url': {
      const url = context.postUrl(argument.trim());
      return url === undefined ? undefined : `${context.baseurl}${url}`;
    }
    case 'link': {
      const path = argument.trim().replace(/^\//, '');
      const post = /^_posts\/(.+)\.(md|markdown)$/.exec(path);
      if (post) {
        const url = context.postUrl(post[1]!);
        return url === undefined ? undefined : `${context.baseurl}${url}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function renderOutput(expression: string, context: LiquidContext): string | undefined {
  switch (expression.trim()) {
    case 'site.url':
      return context.siteUrl;
    case 'site.baseurl':
      return context.baseurl;
    case 'page.url':
      return `${context.baseurl}${context.pageUrl}`;
    default:
      return undefined;
  }
}

/** Renders the supported Liquid in `source`; returns the new source and what was left as written. */
export function renderLiquid(source: string, context: LiquidContext): { text: string; warnings: LiquidWarning[] } {
  const warnings: LiquidWarning[] = [];
  // `{% raw %}` content is set aside first, so nothing inside it is touched.
  const kept: string[] = [];
  const withoutRaw = source.replace(RAW, (_match, content: string) => {
    kept.push(content);
    return `\u0000RAW${kept.length - 1}\u0000`;
  });
  const rendered = withoutRaw.replace(
    TAG,
    (match, tag: string | undefined, output: string | undefined, offset: number) => {
      const result = tag !== undefined ? renderTag(tag, context) : renderOutput(output ?? '', context);
      if (result === undefined) {
        warnings.push({ line: lineAt(withoutRaw, offset), text: match.replace(/\s+/g, ' ') });
        return match;
      }
      return result;
    },
  );
  const text = rendered.replace(/\u0000RAW(\d+)\u0000/g, (_match, index: string) => kept[Number(index)]!);
  return { text, warnings };
}
