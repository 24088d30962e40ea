/**
 * Liquid in posts, run on the Markdown source before it is parsed, as Jekyll runs it: LiquidJS
 * (the maintained TypeScript Liquid) set up like Jekyll's Liquid 4: Jekyll's include syntax,
 * lax variables and filters (an unknown one renders nothing), Jekyll's URL, date and escape
 * filters, `post_url`, `link` and `highlight`, and `site`/`page` variables. Chirpy's
 * `{% include embed/*.html %}` become the theme's own embeds (embeds.ts). An include the theme
 * does not have stays as written, with a warning. What Jekyll stops on (an unknown tag, a broken
 * tag) stops the build, naming the line; an output Jekyll's lax parser would render as nothing
 * (`{{ .Values.x }}`, `{{\log p}}`), renders as nothing here too.
 */
import {
  Liquid,
  LiquidError,
  Tag,
  type Context,
  type Emitter,
  type Parser,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs';
import { toZonedISOString } from '../utils/dates.ts';
import { slugifyTerm } from '../utils/slug.ts';
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
  /** The post's front matter, as `page.*` (with `page.url` from `pageUrl`). */
  page?: Record<string, unknown>;
  /** More `site.*` values (`title`, …). */
  site?: Record<string, unknown>;
  /**
   * The site's `timezone` (IANA), `UTC` if not given. Jekyll runs in it: `page.date` and Jekyll's
   * date filters show times there, and Liquid's `date` filter formats dates there (a date written
   * as text with an offset keeps its offset).
   */
  timeZone?: string;
}

export interface LiquidWarning {
  line: number;
  text: string;
}

/** What Jekyll would stop the build on; `line` counts from the first line of the text given. */
export class LiquidSyntaxError extends Error {
  override name = 'LiquidSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The per-render facts the custom tags need, kept on the render's own scope. */
interface RenderState {
  context: LiquidContext;
  warnings: LiquidWarning[];
  /** The line of the text's first character (1 unless a part of the text is rendered). */
  lineOffset: number;
}
const STATE = '__chirpy';
const stateOf = (ctx: Context): RenderState => ctx.environments[STATE as never] as unknown as RenderState;
const lineOf = (token: TagToken) => token.getPosition()[0] ?? 1;

/** `{% include file args %}`: Chirpy's embeds; any other include is left as written. */
class IncludeTag extends Tag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = stateOf(ctx);
    const embed = /^\s*embed\/([\w-]+)\.html\b([\s\S]*)$/.exec(this.token.args);
    const args = embed ? parseIncludeArguments(embed[2]!) : {};
    // Unquoted values are variables (`id=page.video`), as in Jekyll's include.
    for (const match of (embed?.[2] ?? '').matchAll(/([\w-]+)\s*=\s*([A-Za-z_][\w.]*)(?=\s|$)/g)) {
      const value = this.liquid.evalValueSync(match[2]!, ctx);
      if (value !== undefined && value !== null && value !== '') args[match[1]!] = String(value);
    }
    const html = embed ? embedHtml(embed[1]!, args, state.context) : undefined;
    if (html === undefined) {
      state.warnings.push({ line: lineOf(this.token) + state.lineOffset - 1, text: this.token.getText() });
      emitter.write(this.token.getText());
      return;
    }
    emitter.write(html);
  }
}

/** `{% post_url 2021-01-01-slug %}` and `{% link _posts/2021-01-01-slug.md %}`. */
function postLinkTag(kind: 'post_url' | 'link') {
  return class extends Tag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const { context } = stateOf(ctx);
      const argument = this.token.args.trim().replace(/^\//, '');
      const name = kind === 'post_url' ? argument : /^_posts\/(.+)\.(?:md|markdown)$/.exec(argument)?.[1];
      const url = name === undefined ? undefined : context.postUrl(name);
      if (url === undefined) {
        // Jekyll stops here too: the post (or file) does not exist.
        throw new LiquidSyntaxError(
          `{% ${kind} ${this.token.args.trim()} %} names no post`,
          lineOf(this.token) + stateOf(ctx).lineOffset - 1,
        );
      }
      emitter.write(`${context.baseurl}${url}`);
    }
  };
}

/** `{% highlight lang %}…{% endhighlight %}`: a fenced code block, as the Markdown that follows reads it. */
class HighlightTag extends Tag {
  private readonly language: string;
  private readonly code: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, _parser?: Parser) {
    super(token, remain, liquid);
    this.language = token.args.trim().split(/\s+/)[0] ?? '';
    const parts: string[] = [];
    let closed = false;
    for (let next = remain.shift(); next; next = remain.shift()) {
      if (next.kind === 4 /* TokenKind.Tag */ && (next as TagToken).name === 'endhighlight') {
        closed = true;
        break;
      }
      parts.push(next.getText());
    }
    // Jekyll stops on a highlight block that never ends.
    if (!closed) throw new LiquidSyntaxError(`{% highlight ${token.args.trim()} %} is not closed`, lineOf(token));
    this.code = parts.join('').replace(/^\n/, '').replace(/\n$/, '');
  }
  override *render(_ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    // A fence longer than any run of backticks in the code, so the code cannot close it.
    const longest = Math.max(2, ...[...this.code.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = '`'.repeat(longest + 1);
    emitter.write(`${fence}${this.language}\n${this.code}\n${fence}`);
  }
}

/** Percent-encodes what needs it and leaves existing escapes alone (`/a%20b` stays), as Addressable's normalize does. */
const encodeUrl = (url: string) => encodeURI(url).replace(/%25([0-9A-Fa-f]{2})/g, '%$1');

function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const escapeXmlText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A time as Ruby's `Time#to_s` writes it in `timeZone`: `2024-01-01 10:30:00 +0900`. */
function rubyTime(date: Date, timeZone: string): string {
  const iso = toZonedISOString(date, timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} ${iso.slice(19).replace(':', '')}`;
}

/** `page.date` as Jekyll hands it to Liquid: a time in the site's timezone. */
export class LiquidTime extends Date {
  constructor(
    date: Date,
    readonly timeZone: string,
  ) {
    super(date.getTime());
  }
  override toString(): string {
    return rubyTime(this, this.timeZone);
  }
}

function createEngine(timeZone: string): Liquid {
  const engine = new Liquid({
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    lenientIf: true,
    timezoneOffset: timeZone,
    preserveTimezones: true,
  });
  /** The wall-clock fields of `date` in the site's timezone, read with the `getUTC*` methods. */
  const wall = (date: Date) => new Date(Date.parse(toZonedISOString(date, timeZone).slice(0, 19) + 'Z'));
  engine.registerTag('include', IncludeTag);
  engine.registerTag('post_url', postLinkTag('post_url'));
  engine.registerTag('link', postLinkTag('link'));
  engine.registerTag('highlight', HighlightTag);
  const state = (filter: { context: Context }) => stateOf(filter.context).context;
  // Jekyll's filters (jekyll/filters.rb, jekyll/filters/url_filters.rb).
  engine.registerFilter('relative_url', function (this: { context: Context }, input: unknown) {
    const path = String(input ?? '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
    return encodeUrl(`${state(this).baseurl}/${path.replace(/^\//, '')}`);
  });
  engine.registerFilter('absolute_url', function (this: { context: Context }, input: unknown) {
    const path = String(input ?? '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
    const { siteUrl, baseurl } = state(this);
    return encodeUrl(`${siteUrl}${baseurl}/${path.replace(/^\//, '')}`);
  });
  // Jekyll's date filters show the time in the site's timezone (jekyll/filters/date_filters.rb).
  engine.registerFilter('date_to_xmlschema', (input: unknown) => {
    const date = asDate(input);
    return date ? toZonedISOString(date, timeZone) : input;
  });
  engine.registerFilter('date_to_rfc822', (input: unknown) => {
    const date = asDate(input);
    if (!date) return input;
    const local = wall(date);
    const zone = toZonedISOString(date, timeZone).slice(19).replace(':', '');
    return `${local.toUTCString().replace(' GMT', '')} ${zone}`;
  });
  engine.registerFilter('date_to_string', (input: unknown) => {
    const date = asDate(input);
    if (!date) return input;
    const local = wall(date);
    return `${String(local.getUTCDate()).padStart(2, '0')} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  });
  engine.registerFilter('date_to_long_string', (input: unknown) => {
    const date = asDate(input);
    if (!date) return input;
    const local = wall(date);
    return `${String(local.getUTCDate()).padStart(2, '0')} ${LONG_MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  });
  engine.registerFilter('xml_escape', (input: unknown) =>
    input === undefined || input === null ? '' : escapeXmlText(String(input)),
  );
  engine.registerFilter('cgi_escape', (input: unknown) => encodeURIComponent(String(input ?? '')).replace(/%20/g, '+'));
  engine.registerFilter('uri_escape', (input: unknown) => encodeURI(String(input ?? '')));
  engine.registerFilter('slugify', (input: unknown) => slugifyTerm(String(input ?? '')));
  engine.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null));
  engine.registerFilter(
    'number_of_words',
    (input: unknown) =>
      String(input ?? '')
        .split(/\s+/)
        .filter(Boolean).length,
  );
  engine.registerFilter('normalize_whitespace', (input: unknown) =>
    String(input ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  engine.registerFilter('array_to_sentence_string', (input: unknown, connector: unknown = 'and') => {
    const items = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
    if (items.length <= 1) return items.join('');
    if (items.length === 2) return `${items[0]} ${String(connector)} ${items[1]}`;
    return `${items.slice(0, -1).join(', ')}, ${String(connector)} ${items.at(-1)}`;
  });
  // Text filters that keep the text (Markdown is rendered after Liquid anyway).
  for (const name of ['markdownify', 'smartify']) engine.registerFilter(name, (input: unknown) => input);
  return engine;
}

/** One engine per timezone (a site has one). */
const engines = new Map<string, Liquid>();

/**
 * An output tag Jekyll's lax Liquid renders as nothing but LiquidJS cannot read (`{{\log p}}`,
 * `{{ .Values.x }}` inside a code block): it is taken out before rendering, as Jekyll would.
 */
function laxOutputs(source: string, liquid: Liquid): string {
  return source.replace(/\{\{-?([\s\S]*?)-?\}\}/g, (match, expression: string) => {
    if (/^\s*$/.test(expression)) return '';
    try {
      liquid.parse(match);
      return match;
    } catch {
      return '';
    }
  });
}

/** Renders the Liquid in `source`; returns the new source and the includes left as written. */
export function renderLiquid(source: string, context: LiquidContext): { text: string; warnings: LiquidWarning[] } {
  // Most posts hold no Liquid at all: nothing to parse.
  if (!source.includes('{{') && !source.includes('{%')) return { text: source, warnings: [] };
  const timeZone = context.timeZone ?? 'UTC';
  let engine = engines.get(timeZone);
  if (!engine) engines.set(timeZone, (engine = createEngine(timeZone)));
  const warnings: LiquidWarning[] = [];
  // `{% raw %}` content is set aside, so the lax clean-up of outputs never touches it.
  const kept: string[] = [];
  const withoutRaw = source.replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, (block) => {
    kept.push(block);
    return `\u0000RAW${kept.length - 1}\u0000`;
  });
  const prepared = laxOutputs(withoutRaw, engine).replace(/\u0000RAW(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
  const state: RenderState = { context, warnings, lineOffset: 1 };
  const scope = {
    [STATE]: state,
    site: { url: context.siteUrl, baseurl: context.baseurl, ...context.site },
    page: {
      ...context.page,
      ...(context.page?.date instanceof Date ? { date: new LiquidTime(context.page.date, timeZone) } : {}),
      url: `${context.baseurl}${context.pageUrl}`,
    },
  };
  try {
    const text = engine.parseAndRenderSync(prepared, scope) as string;
    return { text, warnings };
  } catch (error) {
    if (error instanceof LiquidSyntaxError) throw error;
    const cause = (error as { originalError?: unknown }).originalError;
    if (cause instanceof LiquidSyntaxError) throw cause;
    if (error instanceof LiquidError) {
      const line = Number(/line:(\d+)/.exec(error.message)?.[1] ?? 1);
      throw new LiquidSyntaxError(`Liquid syntax error: ${error.message.split(', line:')[0]}`, line);
    }
    throw error;
  }
}
