/**
 * What Liquid may do in a post, in one place: the tags, the filters and the limits. Posts are
 * untrusted input (guest posts; CI builds what lands), so Liquid gets exactly what Jekyll 4's
 * Liquid has and nothing more (markdown/liquid/liquid.ts removes every other tag and filter LiquidJS
 * brings, and checks that each one listed here has an implementation).
 *
 * Tags. Jekyll 4 (4.3, the version Chirpy's Gemfile asks for) runs Liquid 4.0 (`liquid ~> 4.0`,
 * so 4.0.4): its tags are the files of liquid-4.0.4/lib/liquid/tags/ (assign, break, capture,
 * case, comment, continue, cycle, decrement, for, if, ifchanged, include, increment, raw,
 * tablerow, unless; `when`/`else`/`elsif`/`end…` belong to their blocks), and Jekyll adds
 * include, include_relative, highlight, link and post_url (jekyll/tags/*.rb); plugins Chirpy blogs
 * use add jekyll-polyglot's `static_href` (as its block, `Static_Href` too) and jekyll-scholar's
 * citation tags (markdown/liquid/scholar.ts; the `.bib` files in BIBLIOGRAPHY_DIR). LiquidJS also
 * has `render`, `layout`, `block`, `echo`, `liquid` and `#` (Liquid 5 or LiquidJS's own; `render`
 * and `layout` read files): they are unknown tags here, and an unknown tag stops the build naming
 * the post and the line, as Jekyll stops on it (`Liquid syntax error (line 2): Unknown tag 'frob'`,
 * checked with Debian's jekyll 4.3.1). (Debian's jekyll package runs Liquid 5.4, which knows
 * `render` and `echo`; a Chirpy site installed from its Gemfile runs 4.0.4, which does not.)
 *
 * Filters. Liquid 4.0.4's StandardFilters (lib/liquid/standardfilters.rb; `h` is its alias of
 * `escape`) and Jekyll 4.3's (jekyll/filters.rb with filters/date_filters.rb,
 * filters/url_filters.rb and filters/grouping_filters.rb; `strip_index` is one of its URL
 * filters). LiquidJS's others (base64_*, sha256, hmac_sha256, json, raw, has, reject, sum,
 * find_index, squish, remove_last, replace_last, …) are not there. `sassify`/`scssify` keep their
 * text: the theme has no Sass compiler (and a compiler's `@import` would read files).
 *
 * An unknown filter keeps its input, unchanged: Liquid 4's lax mode (Jekyll's, `strict_filters`
 * off) answers a filter it does not have with its first argument (Strainer#invoke: `args.first`,
 * the same in 4.0.4 and 5.4). Checked with Debian's jekyll 4.3.1: `{{ "abc" | nofilter }}` gives
 * `abc`, `{{ "x" | upcase | nofilter | append: "!" }}` gives `X!`, `{{ "x" | nofilter: 1, 2 }}`
 * gives `x`. LiquidJS with `strictFilters: false` does the same.
 *
 * Files. Liquid reads no file by itself: LiquidJS is given a file system that refuses everything
 * (no `render`, `layout` or LiquidJS `include` could read one anyway). `{% include %}` reads only
 * from the site's includes folder (INCLUDES_DIR, Jekyll's `_includes/`) and `include_relative`
 * only inside the posts folder; paths with `..`, absolute paths and files whose real path
 * (symlinks followed) is outside the folder stop the build.
 *
 * Limits. A post could otherwise keep the build busy for ever (`{% for i in (1..100000) %}{% for j
 * in (1..100000) %}{% endfor %}{% endfor %}`: 40 minutes) or crash Node out of memory (six
 * `{% assign x = (1..100000000) %}`). Exceeding a limit stops the build, naming the post and the
 * line (the bombs above stop in 1.5 s and at once). What LiquidJS's limits count:
 *   - `parseLimit`: characters handed to one parse (the post; each included file);
 *   - `memoryLimit`: over one render, the items of ranges and arrays filters make and the
 *     characters of strings they make (markdown/liquid/liquid.ts adds what `capture` and `ifchanged` keep, the
 *     post's output and Jekyll's filters' text);
 *   - `renderLimit`: the wall time of one render, checked before each tag and output (a single
 *     filter is bounded by the memory limit instead);
 * and two of the theme's: characters and `{{`/`{%` over the post and all it includes (LiquidJS's
 * parse is quadratic in the number of tags: 40,000 `{% if %}…{% endif %}` take 2.8 s, 160,000
 * take 48 s, whatever `parseLimit` says), and includes inside includes (Liquid 4's "Nesting too
 * deep" at 100, which Jekyll 4.3.1 reports for an include that includes itself).
 *
 * Measured with renderLiquid (Node 22, a 2-core machine under load, 20 renders each), every post
 * of the corpora (../shared/corpus chirpy-demo/*.md and seed/*.md, examples/blog/src/content/posts):
 *
 *   post (body, front matter off)                   chars   {{ {%   memory   render: median  max   first
 *   chirpy-demo/2019-08-08-write-a-new-post.md ¹   15,371     14   15,876           0.4 ms  2.6   1.6 ms
 *   chirpy-demo/2019-08-08-text-and-typography.md   5,453      1    5,662           0.2 ms  4.1    17 ms ²
 *   the other 11 posts (examples/blog, seed, demo)           0         (no Liquid: not rendered)
 *   synthetic: a 1,000-row table from 1,000 items  30,814     19  157,883            15 ms   56   106 ms ²
 *   (for, if, assign, capture, sort, where, map, uniq, join, upcase, truncate, date, slugify,
 *   relative_url on each row: more Liquid than any real post; tests/unit/liquid.test.ts renders it)
 *
 *   ¹ the largest; it has `render_with_liquid: false` and was rendered anyway (its one
 *     `{% highlight %}` mention put in a raw block).
 *   ² the first render of a process, which makes the engine and warms up the JIT.
 *
 * The limits, and their margin over the largest real post (over the synthetic one):
 *   parse 10,000,000 characters: 650× (320×); a longer post is refused before it is parsed;
 *   markup 10,000 `{{`/`{%`: 700× (500×); parsing 10,000 takes about 0.1 s;
 *   memory 10,000,000: 630× (63×); a range that large is an 80 MB array;
 *   render 1,500 ms: 85× the slowest first render of a real post, 27× the slowest synthetic;
 *     well under the 3 s the hostile tests allow (tests/hostile/liquid-sandbox.test.ts), and
 *     high enough that a garbage-collection pause on a loaded machine is no false alarm.
 */
import { LIQUID_TAGS } from '../../constants.mjs';

/** Liquid 4.0's tags, then Jekyll 4's, then the plugins' (constants.mjs, which the migration reads too). */
export { LIQUID_TAGS };

/** jekyll-scholar's tags the theme has (its `details_link`, `cite_details` and `quote` it has not). */
export const SCHOLAR_TAGS = ['cite', 'nocite', 'reference', 'bibliography', 'bibliography_count'] as const;

/** jekyll-scholar's `_bibliography/`, relative to the Astro project root: its `.bib` files. */
export const BIBLIOGRAPHY_DIR = 'src/bibliography';

/** Liquid 4.0's filters, then Jekyll 4's. */
export const LIQUID_FILTERS = [
  'size',
  'downcase',
  'upcase',
  'capitalize',
  'escape',
  'h',
  'escape_once',
  'url_encode',
  'url_decode',
  'slice',
  'truncate',
  'truncatewords',
  'split',
  'strip',
  'lstrip',
  'rstrip',
  'strip_html',
  'strip_newlines',
  'join',
  'sort',
  'sort_natural',
  'where',
  'uniq',
  'reverse',
  'map',
  'compact',
  'replace',
  'replace_first',
  'remove',
  'remove_first',
  'append',
  'concat',
  'prepend',
  'newline_to_br',
  'date',
  'first',
  'last',
  'abs',
  'plus',
  'minus',
  'times',
  'divided_by',
  'modulo',
  'round',
  'ceil',
  'floor',
  'at_least',
  'at_most',
  'default',
  // Jekyll 4 (`sort` and `where` are Jekyll's own versions of Liquid's)
  'relative_url',
  'absolute_url',
  'strip_index',
  'date_to_xmlschema',
  'date_to_rfc822',
  'date_to_string',
  'date_to_long_string',
  'xml_escape',
  'cgi_escape',
  'uri_escape',
  'markdownify',
  'smartify',
  'sassify',
  'scssify',
  'slugify',
  'jsonify',
  'normalize_whitespace',
  'number_of_words',
  'array_to_sentence_string',
  'where_exp',
  'find',
  'find_exp',
  'group_by',
  'group_by_exp',
  'pop',
  'push',
  'shift',
  'unshift',
  'sample',
  'to_integer',
  'inspect',
] as const;

/** Jekyll's `_includes/`, relative to the Astro project root. */
export const INCLUDES_DIR = 'src/includes';

/** LiquidJS `parseLimit`: characters of template in one parse (a post, an included file). */
export const PARSE_LIMIT = 10_000_000;
/** The same, for all the templates one post's render parses (the post and its includes). */
export const PARSE_LIMIT_PER_POST = PARSE_LIMIT;
/**
 * Liquid tags and outputs (`{%`, `{{`) one post's render may parse: LiquidJS's parse takes time
 * growing with the square of their number (40,000 `{% if %}…{% endif %}` pairs: 2.8 s; 160,000:
 * 48 s), which its `parseLimit` on characters does not bound.
 */
export const MARKUP_LIMIT = 10_000;
/** LiquidJS `memoryLimit`: its allocation units (items, characters) in one post's render. */
export const MEMORY_LIMIT = 10_000_000;
/** LiquidJS `renderLimit`: the wall time one post's render may take, in milliseconds. */
export const RENDER_LIMIT_MS = 1_500;
/** Includes inside includes: Liquid 4 stops at 100 nested scopes ("Nesting too deep"). */
export const INCLUDE_DEPTH_LIMIT = 100;
