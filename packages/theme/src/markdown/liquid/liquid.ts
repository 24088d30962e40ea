/**
 * Liquid in posts, run on the Markdown source before it is parsed, as Jekyll runs it: LiquidJS
 * (the maintained TypeScript Liquid) set up like Jekyll 4's Liquid 4: Jekyll's include syntax,
 * lax variables and filters (an unknown filter keeps its input), Jekyll's URL, date and escape
 * filters, `post_url`, `link` and `highlight`, and `site`/`page` variables. Posts are untrusted
 * input: Liquid has exactly the tags and filters Jekyll 4 has, reads files only where Jekyll's
 * includes do, and runs within limits of time, memory and size (all in markdown/liquid/allowed.ts, with
 * the reasons and the measurements).
 *
 * `{% include file %}`: Chirpy's `embed/*.html` become the theme's own embeds (markdown/html/embeds.ts); any
 * other file is read from the site's `src/includes/` (Jekyll's `_includes/`) and rendered with
 * Jekyll's `include.*` parameters; `{% include_relative file %}` reads beside the post, inside the
 * posts folder. An include found nowhere stays as written, with a warning. What Jekyll stops on
 * (an unknown tag, a broken tag, a path out of the folder) stops the build, naming the line; an
 * output Jekyll's lax parser would render as nothing (`{{ .Values.x }}`, `{{\log p}}`), renders as
 * nothing here too.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import {
  Liquid,
  LiquidError,
  ParseError,
  Tag,
  TokenizationError,
  type Context,
  type Emitter,
  type FS,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import { toZonedISOString } from '../../utils/dates.ts';
import { slugifyTerm } from '../../utils/slug.ts';
import { embedHtml, parseIncludeArguments } from '../html/embeds.ts';
import type { parseScholarArguments, Scholar } from './scholar.ts';
import {
  BIBLIOGRAPHY_DIR,
  INCLUDE_DEPTH_LIMIT,
  LIQUID_FILTERS,
  LIQUID_TAGS,
  MARKUP_LIMIT,
  MEMORY_LIMIT,
  PARSE_LIMIT,
  PARSE_LIMIT_PER_POST,
  RENDER_LIMIT_MS,
  SCHOLAR_TAGS,
} from './allowed.ts';

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
  /**
   * Where `{% include %}` and `{% include_relative %}` may read files. Without it they read none
   * (an include that is not one of the theme's embeds stays as written).
   */
  files?: LiquidFiles;
  /**
   * jekyll-scholar's bibliography (markdown/liquid/scholar.ts), made once per site from `src/bibliography/`
   * when a post uses its tags. Without it those tags stop the build, saying where the files go.
   */
  scholar?: LiquidScholar | undefined;
}

/** The bibliography and jekyll-scholar's argument reading, from markdown/liquid/scholar.ts (loaded only when used). */
export interface LiquidScholar {
  site: Scholar;
  parseArguments: typeof parseScholarArguments;
}

/** The folders Liquid's includes read from (absolute paths). */
export interface LiquidFiles {
  /** The project root: paths in messages are written relative to it. */
  root: string;
  /** The site's includes folder, Jekyll's `_includes/` (`src/includes/`; it need not exist). */
  includes: string;
  /** The posts folder: `include_relative` reads only inside it. */
  posts: string;
  /** This post's file: `include_relative` is relative to its folder, as in Jekyll. */
  post: string;
}

export interface LiquidWarning {
  /** The line in the post (of the outermost include, for an include inside an included file). */
  line: number;
  text: string;
  /** For an include inside an included file: where it is (`src/includes/a.html:3`). */
  within?: string;
  /** `include`: an include left as written (the default); `note`: `text` says it all. */
  kind?: 'include' | 'note';
}

/**
 * What Jekyll would stop the build on; `line` counts from the first line of the text given. An
 * error inside an included file has the line of the include in the post, and `trail` says where
 * it happened: the included file and line, then the files that included it.
 */
export class LiquidSyntaxError extends Error {
  override name = 'LiquidSyntaxError';
  readonly detail: string;
  readonly line: number;
  readonly trail: readonly string[];
  constructor(detail: string, line: number, trail: readonly string[] = []) {
    super(trail.length === 0 ? detail : `${detail} (in ${shortTrail(trail).join(', included from ')})`);
    this.detail = detail;
    this.line = line;
    this.trail = trail;
  }
}

/** A long chain of includes (an include that includes itself) is shown by its ends. */
function shortTrail(trail: readonly string[]): readonly string[] {
  return trail.length <= 6 ? trail : [...trail.slice(0, 3), `… ${trail.length - 5} more …`, ...trail.slice(-2)];
}

/** An included file being rendered: its name in messages and the line of its include tag. */
interface OpenInclude {
  label: string;
  line: number;
}

/** The per-render facts the custom tags need, kept on the render's own scope. */
interface RenderState {
  context: LiquidContext;
  warnings: LiquidWarning[];
  /** The included files being rendered, outermost first. */
  includes: OpenInclude[];
  /** Included files parsed in this render, by real path. */
  parsed: Map<string, Template[]>;
  /** Characters of template parsed in this render. */
  parsedLength: number;
  /** Liquid tags and outputs parsed in this render. */
  markup: number;
  /** The bibliography keys this post cited, in order (jekyll-scholar's `--cited`). */
  cited: Set<string>;
}
const STATE = '__chirpy';
const stateOf = (ctx: Context): RenderState => ctx.environments[STATE as never] as unknown as RenderState;
/** A tag's line in its own file (the post, or the included file it is in). */
const lineOf = (token: TagToken) => token.getPosition()[0] ?? 1;

/** How many Liquid tags and outputs `text` may hold: each `{{` and `{%`. */
function markupIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 0x7b /* { */ || next === 0x25 /* % */) count++;
  }
  return count;
}

/**
 * Parses a template this render reads (the post, an included file, a file name with variables)
 * within the render's limits: characters, and Liquid tags and outputs (LiquidJS's parse takes
 * time growing with the square of their number).
 */
function parseCounted(state: RenderState, liquid: Liquid, text: string): Template[] {
  state.parsedLength += text.length;
  // LiquidJS's own message, explained with the others in `explain`.
  if (state.parsedLength > PARSE_LIMIT_PER_POST) throw new Error('parse length limit exceeded');
  state.markup += markupIn(text);
  if (state.markup > MARKUP_LIMIT) throw new Error(MARKUP_LIMIT_EXCEEDED);
  return liquid.parse(prepare(text, liquid));
}
const MARKUP_LIMIT_EXCEEDED = 'markup limit exceeded';

/** Records an include left as written, with the post's line. */
function warnLeftAsWritten(state: RenderState, token: TagToken): void {
  const line = lineOf(token);
  const open = state.includes;
  if (open.length === 0) {
    state.warnings.push({ line, text: token.getText() });
    return;
  }
  const within = [`${open.at(-1)!.label}:${line}`];
  for (let i = open.length - 2; i >= 0; i--) within.push(`${open[i]!.label}:${open[i + 1]!.line}`);
  state.warnings.push({ line: open[0]!.line, text: token.getText(), within: within.join(', included from ') });
}

/**
 * `{% include file %}` and `{% include file key="value" key=variable %}` as Jekyll splits them:
 * the file name (which may hold `{{ variables }}`) runs to the first space outside `{{ }}`.
 */
function splitInclude(markup: string): { file: string; params: string } {
  let depth = 0;
  for (let i = 0; i < markup.length; i++) {
    if (markup.startsWith('{{', i)) {
      depth++;
      i++;
    } else if (depth > 0 && markup.startsWith('}}', i)) {
      depth--;
      i++;
    } else if (depth === 0 && /\s/.test(markup[i]!)) {
      return { file: markup.slice(0, i), params: markup.slice(i).trim() };
    }
  }
  return { file: markup, params: '' };
}

/** Jekyll's include parameters: `key="…"` and `key='…'` (backslash-escaped quotes), `key=variable`. */
function* includeParams(params: string, liquid: Liquid, ctx: Context): Generator<unknown, Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  const syntax = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.-]+))/g;
  for (const match of params.matchAll(syntax)) {
    const [, key, doubleQuoted, singleQuoted, variable] = match;
    if (doubleQuoted !== undefined) values[key!] = doubleQuoted.replace(/\\"/g, '"');
    else if (singleQuoted !== undefined) values[key!] = singleQuoted.replace(/\\'/g, "'");
    else values[key!] = yield liquid._evalValue(variable!, ctx);
  }
  return values;
}

/**
 * A path an include may not name: Jekyll refuses `..` (and `./`, `//`: any two of `.` and `/` in
 * a row); absolute paths are refused too (Jekyll would look for them inside `_includes/`).
 */
function refusedPath(file: string): string | undefined {
  if (isAbsolute(file) || /^[\\/]|^[A-Za-z]:/.test(file)) return 'an absolute path';
  if (file.split(/[\\/]/).includes('..')) return 'a path out of its folder (`..`)';
  if (/[./]{2,}/.test(file)) return 'a path with `./` or `//` (Jekyll refuses them too)';
  if (/[\\\0]/.test(file)) return 'a path with a backslash or a NUL character';
  return undefined;
}

/** The real path of a folder, or undefined if it does not exist. */
function realFolder(folder: string): string | undefined {
  try {
    return realpathSync(folder);
  } catch {
    return undefined;
  }
}

const inside = (folder: string, path: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** What `locate` answers for a file that resolves out of its folder. */
const OUTSIDE = Symbol('outside');

/**
 * The real path of the file `file` names in `folder`, if there is one; OUTSIDE when it resolves
 * (symlinks followed) to a path out of `limit`, the folder it must stay in.
 */
function locate(folder: string, limit: string, file: string): string | typeof OUTSIDE | undefined {
  const top = realFolder(limit);
  if (top === undefined) return undefined;
  let real: string;
  try {
    real = realpathSync(join(folder, file));
  } catch {
    return undefined;
  }
  if (!inside(top, real)) return OUTSIDE;
  try {
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** `{% include %}` (Chirpy's embeds, then `src/includes/`) and `{% include_relative %}` (beside the post). */
function includeTag(kind: 'include' | 'include_relative') {
  return class extends Tag {
    /** The file name as a template, when it has variables (parsed once, on first use). */
    private fileTemplate?: Template[];
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = stateOf(ctx);
      const line = lineOf(this.token);
      const { file: written, params } = splitInclude(this.token.args.trim());
      // A file name with variables (`{% include {{ page.widget }} %}`) is rendered first, as in Jekyll.
      if (written.includes('{{')) this.fileTemplate ??= parseCounted(state, this.liquid, written);
      const file = this.fileTemplate
        ? String(yield this.liquid.renderer.renderTemplates(this.fileTemplate, ctx)).trim()
        : written;
      const refused = refusedPath(file);
      if (refused) throw new LiquidSyntaxError(`{% ${kind} ${file} %} is refused: ${refused}`, line);
      if (kind === 'include') {
        const html = this.embed(file, params, ctx, state);
        if (html !== undefined) {
          emitter.write(html);
          return;
        }
      }
      const files = state.context.files;
      let path: string | undefined;
      if (files && /^[\w/.\-()+~#@]+$/.test(file)) {
        const [folder, limit] =
          kind === 'include' ? [files.includes, files.includes] : [dirname(files.post), files.posts];
        const found = locate(folder, limit, file);
        if (found === OUTSIDE) {
          throw new LiquidSyntaxError(
            `{% ${kind} ${file} %} is refused: ${relative(files.root, join(folder, file))} resolves to a file outside ${relative(files.root, limit) || '.'}/ (a symbolic link)`,
            line,
          );
        }
        path = found;
      }
      if (path === undefined) {
        warnLeftAsWritten(state, this.token);
        emitter.write(this.token.getText());
        return;
      }
      if (state.includes.length >= INCLUDE_DEPTH_LIMIT) {
        throw new LiquidSyntaxError(
          `Liquid error: Nesting too deep: includes inside includes more than ${INCLUDE_DEPTH_LIMIT} levels deep (an include that includes itself?)`,
          line,
        );
      }
      const label = relative(files!.root, path) || path;
      let templates = state.parsed.get(path);
      if (!templates) {
        try {
          // A file too large to parse is not read at all.
          if (state.parsedLength + statSync(path).size > PARSE_LIMIT_PER_POST) {
            throw new Error('parse length limit exceeded');
          }
          templates = parseCounted(state, this.liquid, readFileSync(path, 'utf8'));
        } catch (error) {
          throw inInclude(error, label, line);
        }
        state.parsed.set(path, templates);
      }
      // Jekyll sets `include` only when the tag has parameters; assigns still go to the page's scope.
      const scope = params ? { include: yield* includeParams(params, this.liquid, ctx) } : {};
      state.includes.push({ label, line });
      ctx.push(scope);
      try {
        yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      } catch (error) {
        throw inInclude(error, label, line);
      } finally {
        ctx.pop();
        state.includes.pop();
      }
    }

    /** Chirpy's `embed/*.html`, which come before the site's own includes. */
    private embed(file: string, params: string, ctx: Context, state: RenderState): string | undefined {
      const name = /^embed\/([\w-]+)\.html$/.exec(file)?.[1];
      if (!name) return undefined;
      const args = parseIncludeArguments(params);
      // Unquoted values are variables (`id=page.video`), as in Jekyll's include.
      for (const match of params.matchAll(/([\w-]+)\s*=\s*([A-Za-z_][\w.]*)(?=\s|$)/g)) {
        const value = this.liquid.evalValueSync(match[2]!, ctx);
        if (value !== undefined && value !== null && value !== '') args[match[1]!] = String(value);
      }
      return embedHtml(name, args, state.context);
    }
  };
}

/** An error inside an included file, as one at the include's line, saying where it happened. */
function inInclude(error: unknown, label: string, line: number): LiquidSyntaxError {
  const inner = describe(error);
  return new LiquidSyntaxError(inner.detail, line, [...inner.trail, inner.line > 0 ? `${label}:${inner.line}` : label]);
}

/** `{% ifchanged %}…{% endifchanged %}` (Liquid 4): its content, unless it is what it was last time. */
class IfchangedTag extends Tag {
  private readonly templates: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    for (let next = remain.shift(); next; next = remain.shift()) {
      if (next.kind === 4 /* TokenKind.Tag */ && (next as TagToken).name === 'endifchanged') return;
      this.templates.push(parser.parseToken(next, remain));
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const html = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    if (html === ctx.getRegister('ifchanged')) return;
    ctx.setRegister('ifchanged', html);
    emitter.write(html);
  }
}

/**
 * jekyll-polyglot's `{% static_href %}href="/about"{% endstatic_href %}` (also `Static_Href`): a
 * link that keeps its address on every language's pages. Polyglot checks the content is exactly
 * `href="…"` (else it stops the build) and writes it so its link rewriting skips it; here it is
 * written as `href="…" data-static-href`, which the theme's link localising skips
 * (utils/languages.ts `localizeHrefs`).
 */
class StaticHrefTag extends Tag {
  private readonly templates: Template[] = [];
  private readonly closer: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    this.closer = `end${token.name}`;
    for (let next = remain.shift(); next; next = remain.shift()) {
      if (next.kind === 4 /* TokenKind.Tag */ && (next as TagToken).name === this.closer) return;
      this.templates.push(parser.parseToken(next, remain));
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const text = ((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string).trim();
    const match = /^href=("[^"=]*")$/.exec(text);
    if (!match) {
      throw new LiquidSyntaxError(
        `{% ${this.token.name} %} takes one href="…" attribute (as jekyll-polyglot), got ${JSON.stringify(text)}`,
        lineOf(this.token),
      );
    }
    emitter.write(`href=${match[1]} data-static-href`);
  }
}

/**
 * jekyll-scholar's tags (`cite`, `nocite`, `reference`, `bibliography`, `bibliography_count`),
 * read as jekyll-scholar reads their arguments and rendered by markdown/liquid/scholar.ts. A key that is
 * a Liquid variable is replaced by its value, as jekyll-scholar does (`context[key] || key`).
 */
function scholarTag(kind: 'cite' | 'nocite' | 'reference' | 'bibliography' | 'bibliography_count') {
  return class extends Tag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = stateOf(ctx);
      const scholar = state.context.scholar?.site;
      if (!scholar) {
        throw new LiquidSyntaxError(
          `{% ${kind} %} is jekyll-scholar's: put the site's .bib files in ${BIBLIOGRAPHY_DIR}/ (Jekyll's _bibliography/)`,
          lineOf(this.token),
        );
      }
      const args = state.context.scholar!.parseArguments(this.token.args);
      if (args.unsupported.length > 0) {
        state.warnings.push({
          line: lineOf(this.token),
          text: `${this.token.getText()} uses jekyll-scholar options the theme does not have (${args.unsupported.join(', ')}); they were left out`,
          kind: 'note',
        });
      }
      const keys = args.keys.map((key) => {
        const value = /^[A-Za-z_][\w.-]*$/.test(key) ? this.liquid.evalValueSync(key, ctx) : undefined;
        return typeof value === 'string' && value !== '' ? value : key;
      });
      const file = args.files.length > 0 ? args.files : undefined;
      let html: string;
      try {
        if (kind === 'cite' || kind === 'nocite') {
          html = scholar[kind](keys, {
            page: state.cited,
            file,
            prefix: args.prefix,
            suppressAuthor: args.suppressAuthor,
            locators: args.locators,
            labels: args.labels,
          });
        } else if (kind === 'reference') {
          html = scholar.reference(keys, { file, prefix: args.prefix });
        } else {
          const options = {
            page: state.cited,
            file,
            cited: args.cited,
            citedInOrder: args.citedInOrder,
            clear: args.clear,
            query: args.query,
            prefix: args.prefix,
            offset: args.offset,
            max: args.max,
            listTag: args.listTag,
          };
          html = kind === 'bibliography' ? scholar.bibliography(options) : String(scholar.bibliographyCount(options));
        }
      } catch (error) {
        throw new LiquidSyntaxError(`${this.token.getText()}: ${(error as Error).message}`, lineOf(this.token));
      }
      emitter.write(html);
    }
  };
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
        throw new LiquidSyntaxError(`{% ${kind} ${this.token.args.trim()} %} names no post`, lineOf(this.token));
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
  readonly timeZone: string;
  constructor(date: Date, timeZone: string) {
    super(date.getTime());
    this.timeZone = timeZone;
  }
  override toString(): string {
    return rubyTime(this, this.timeZone);
  }
}

/** A file system that has no files: LiquidJS itself reads none (includes read through `locate`). */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => Promise.reject(new Error(`Liquid reads no file (${file})`)),
  readFileSync: (file) => {
    throw new Error(`Liquid reads no file (${file})`);
  },
  resolve: (dir, file) => `${dir}/${file}`,
  contains: async () => false,
  containsSync: () => false,
  dirname: (file) => file.replace(/\/[^/]*$/, ''),
  sep: '/',
};

/** `this` of a filter: the render's context, whose `memoryLimit` counts what filters make. */
interface FilterThis {
  context: Context;
}
/** Counts `size` units (characters, items) against the render's memory limit. */
const charge = (filter: FilterThis, size: number) => filter.context.memoryLimit.use(size);
const text = (filter: FilterThis, input: unknown): string => {
  const value = input === undefined || input === null ? '' : String(input);
  charge(filter, value.length);
  return value;
};

function createEngine(timeZone: string): Liquid {
  const engine = new Liquid({
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    lenientIf: true,
    timezoneOffset: timeZone,
    preserveTimezones: true,
    // No file is LiquidJS's to read; its `render`, `layout` and `include` are removed below too.
    fs: NO_FILES,
    root: [],
    relativeReference: false,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
  });
  /** The wall-clock fields of `date` in the site's timezone, read with the `getUTC*` methods. */
  const wall = (date: Date) => new Date(Date.parse(toZonedISOString(date, timeZone).slice(0, 19) + 'Z'));
  engine.registerTag('include', includeTag('include'));
  engine.registerTag('include_relative', includeTag('include_relative'));
  engine.registerTag('ifchanged', IfchangedTag);
  engine.registerTag('post_url', postLinkTag('post_url'));
  engine.registerTag('link', postLinkTag('link'));
  engine.registerTag('highlight', HighlightTag);
  engine.registerTag('static_href', StaticHrefTag);
  for (const kind of SCHOLAR_TAGS) engine.registerTag(kind, scholarTag(kind));
  engine.registerTag('Static_Href', StaticHrefTag);
  const state = (filter: FilterThis) => stateOf(filter.context).context;
  // Liquid 4's alias of `escape`.
  engine.registerFilter('h', engine.filters.escape!);
  // Jekyll's filters (jekyll/filters.rb, jekyll/filters/url_filters.rb).
  engine.registerFilter('relative_url', function (this: FilterThis, input: unknown) {
    const path = text(this, input);
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
    return encodeUrl(`${state(this).baseurl}/${path.replace(/^\//, '')}`);
  });
  engine.registerFilter('absolute_url', function (this: FilterThis, input: unknown) {
    const path = text(this, input);
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
    const { siteUrl, baseurl } = state(this);
    return encodeUrl(`${siteUrl}${baseurl}/${path.replace(/^\//, '')}`);
  });
  engine.registerFilter('strip_index', function (this: FilterThis, input: unknown) {
    if (input === undefined || input === null || input === '') return input;
    return text(this, input).replace(/\/index\.html?$/, '/');
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
  engine.registerFilter('xml_escape', function (this: FilterThis, input: unknown) {
    return escapeXmlText(text(this, input));
  });
  engine.registerFilter('cgi_escape', function (this: FilterThis, input: unknown) {
    return encodeURIComponent(text(this, input)).replace(/%20/g, '+');
  });
  engine.registerFilter('uri_escape', function (this: FilterThis, input: unknown) {
    return encodeURI(text(this, input));
  });
  engine.registerFilter('slugify', function (this: FilterThis, input: unknown) {
    return slugifyTerm(text(this, input));
  });
  engine.registerFilter('jsonify', function (this: FilterThis, input: unknown) {
    const json = JSON.stringify(input ?? null) ?? 'null';
    charge(this, json.length);
    return json;
  });
  engine.registerFilter('number_of_words', function (this: FilterThis, input: unknown) {
    return text(this, input).split(/\s+/).filter(Boolean).length;
  });
  engine.registerFilter('normalize_whitespace', function (this: FilterThis, input: unknown) {
    return text(this, input).replace(/\s+/g, ' ').trim();
  });
  engine.registerFilter(
    'array_to_sentence_string',
    function (this: FilterThis, input: unknown, connector: unknown = 'and') {
      const items = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
      charge(
        this,
        items.reduce((sum, item) => sum + item.length + 2, 0),
      );
      if (items.length <= 1) return items.join('');
      if (items.length === 2) return `${items[0]} ${String(connector)} ${items[1]}`;
      return `${items.slice(0, -1).join(', ')}, ${String(connector)} ${items.at(-1)}`;
    },
  );
  // Ruby's division: two integers give an integer, rounded down (`7 | divided_by: 2` is 3).
  engine.registerFilter('divided_by', (input: unknown, divisor: unknown) => {
    const [a, b] = [Number(input), Number(divisor)];
    return Number.isInteger(a) && Number.isInteger(b) && b !== 0 ? Math.floor(a / b) : a / b;
  });
  // Text filters that keep the text: Markdown is rendered after Liquid anyway, and the theme has
  // no Sass compiler (markdown/liquid/allowed.ts).
  for (const name of ['markdownify', 'smartify', 'sassify', 'scssify']) {
    engine.registerFilter(name, (input: unknown) => input);
  }
  // Exactly Jekyll 4's tags and filters: LiquidJS's others go (markdown/liquid/allowed.ts).
  const tags = new Set<string>(LIQUID_TAGS);
  const filters = new Set<string>(LIQUID_FILTERS);
  for (const name of Object.keys(engine.tags)) if (!tags.has(name)) delete engine.tags[name];
  for (const name of Object.keys(engine.filters)) if (!filters.has(name)) delete engine.filters[name];
  const missing = [...tags].filter((name) => !engine.tags[name]);
  missing.push(...[...filters].filter((name) => !engine.filters[name]).map((name) => `| ${name}`));
  if (missing.length > 0) throw new Error(`Liquid: no implementation for ${missing.join(', ')}`);
  // What a block renders into a variable (`capture`, `ifchanged`) and the post's output count
  // against the memory limit, as LiquidJS counts what filters make.
  const renderer = engine.renderer;
  const renderTemplates = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = function* (templates: Template[], ctx: Context, emitter?: Emitter) {
    const html: unknown = yield* renderTemplates(templates, ctx, emitter);
    if (!emitter && typeof html === 'string') ctx.memoryLimit.use(html.length);
    return html;
  };
  return engine;
}

/** One engine per timezone (a site has one). */
const engines = new Map<string, Liquid>();

/**
 * The text as LiquidJS should parse it. An output tag Jekyll's lax Liquid renders as nothing but
 * LiquidJS cannot read (`{{\log p}}`, `{{ .Values.x }}` inside a code block) is taken out, as
 * Jekyll would; `{% raw %}` content is left alone. One pass, in time linear in the text.
 */
function prepare(source: string, liquid: Liquid): string {
  if (!source.includes('{{')) return source;
  const rawStart = /\{%-?\s*raw\s*-?%\}/g;
  const rawEnd = /\{%-?\s*endraw\s*-?%\}/g;
  const parts: string[] = [];
  let at = 0;
  /** Copies the text up to `end` (or past it, to the end of an output tag), outputs checked. */
  const outputs = (end: number) => {
    while (at < end) {
      const open = source.indexOf('{{', at);
      if (open < 0 || open >= end) break;
      const close = source.indexOf('}}', open + 2);
      if (close < 0) break;
      const tag = source.slice(open, close + 2);
      parts.push(source.slice(at, open), readable(tag, liquid) ? tag : '');
      at = close + 2;
    }
    if (at < end) {
      parts.push(source.slice(at, end));
      at = end;
    }
  };
  for (let start = rawStart.exec(source); start; start = rawStart.exec(source)) {
    outputs(start.index);
    // A `{% raw %}` inside an output tag is part of it.
    if (at > start.index) {
      rawStart.lastIndex = at;
      continue;
    }
    rawEnd.lastIndex = start.index + start[0].length;
    // A raw block that never ends is LiquidJS's to report.
    if (!rawEnd.exec(source)) break;
    parts.push(source.slice(at, rawEnd.lastIndex));
    at = rawStart.lastIndex = rawEnd.lastIndex;
  }
  outputs(source.length);
  return parts.join('');
}

/** Whether LiquidJS reads an output tag (`{{ … }}`); an empty one is taken out, as Jekyll renders nothing. */
function readable(tag: string, liquid: Liquid): boolean {
  if (/^\{\{-?\s*-?\}\}$/.test(tag)) return false;
  try {
    liquid.parse(tag);
    return true;
  } catch {
    return false;
  }
}

/** LiquidJS's messages, said for a post's author. */
function explain(message: string): string {
  const tag = /^tag "([^"]*)" not found$/.exec(message)?.[1];
  if (tag !== undefined) return `Liquid syntax error: unknown tag "${tag}" (Jekyll 4's Liquid has no such tag)`;
  if (message === 'template render limit exceeded') {
    return `Liquid error: rendering took longer than ${RENDER_LIMIT_MS} ms, the limit (a loop too long?)`;
  }
  if (message === 'memory alloc limit exceeded') {
    return `Liquid error: more than ${MEMORY_LIMIT.toLocaleString('en')} items or characters made, the limit (a range or a loop too large?)`;
  }
  if (message === 'parse length limit exceeded') {
    return `Liquid error: more than ${PARSE_LIMIT.toLocaleString('en')} characters of Liquid to read, the limit`;
  }
  if (message === MARKUP_LIMIT_EXCEEDED) {
    return `Liquid error: more than ${MARKUP_LIMIT.toLocaleString('en')} Liquid tags and outputs to read, the limit`;
  }
  if (message === 'Maximum call stack size exceeded') {
    return 'Liquid error: tags nested too deep (Maximum call stack size exceeded)';
  }
  return message;
}

/** An error from LiquidJS or a tag: the message for the author, the line (0 if unknown) and where it happened. */
function describe(error: unknown): { detail: string; line: number; trail: readonly string[] } {
  if (error instanceof LiquidSyntaxError) return { detail: error.detail, line: error.line, trail: error.trail };
  const cause = (error as { originalError?: unknown } | undefined)?.originalError;
  if (cause instanceof LiquidSyntaxError) return describe(cause);
  if (error instanceof LiquidError) {
    const line = (error as { token?: { getPosition(): number[] } }).token?.getPosition()[0] ?? 0;
    const message = cause instanceof Error ? cause.message : error.message.replace(/, line:\d+, col:\d+[\s\S]*$/, '');
    const explained = explain(message);
    const syntax = error instanceof ParseError || error instanceof TokenizationError;
    return {
      detail:
        explained !== message || /^Liquid (?:syntax )?error:/.test(explained)
          ? explained
          : `Liquid ${syntax ? 'syntax error' : 'error'}: ${message}`,
      line,
      trail: [],
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const explained = explain(message);
  return { detail: explained === message ? `Liquid error: ${message}` : explained, line: 0, trail: [] };
}

/** Renders the Liquid in `source`; returns the new source and the includes left as written. */
export function renderLiquid(source: string, context: LiquidContext): { text: string; warnings: LiquidWarning[] } {
  // Most posts hold no Liquid at all: nothing to parse.
  if (!source.includes('{{') && !source.includes('{%')) return { text: source, warnings: [] };
  const timeZone = context.timeZone ?? 'UTC';
  let engine = engines.get(timeZone);
  if (!engine) engines.set(timeZone, (engine = createEngine(timeZone)));
  const warnings: LiquidWarning[] = [];
  const state: RenderState = {
    context,
    warnings,
    includes: [],
    parsed: new Map(),
    parsedLength: 0,
    markup: 0,
    cited: new Set(),
  };
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
    const templates = parseCounted(state, engine, source);
    const text = engine.renderSync(templates, scope) as string;
    return { text, warnings };
  } catch (error) {
    const { detail, line, trail } = describe(error);
    throw new LiquidSyntaxError(detail, line || 1, trail);
  }
}
