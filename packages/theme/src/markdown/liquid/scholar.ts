/**
 * jekyll-scholar's `{% cite %}`, `{% bibliography %}`, `{% reference %}`, `{% nocite %}` and
 * `{% bibliography_count %}` as pure functions: no Liquid engine in here. The Liquid layer parses a
 * tag's markup with `parseScholarArguments`, resolves Liquid variables in the keys, and calls a
 * `Scholar` made once per site with `createScholar({ dir })`, handing it the page's cited keys.
 *
 * Defaults are jekyll-scholar's (lib/jekyll/scholar/defaults.rb): style `apa`, locale `en`,
 * bibliography `references.bib` in the source folder (jekyll-scholar's `./_bibliography`; the theme
 * passes its own), `bibliography_template` `{{reference}}`, `reference_tagname` `span`,
 * `bibliography_class` `bibliography`, `cite_class` `citation`, `missing_reference`
 * `(missing reference)`, query `@*`, `sort_by` `none`. The markup follows jekyll-scholar's
 * utilities.rb (`content_tag`, `link_to`, `cite`, `reference_tag`) and tags/bibliography.rb:
 *
 *   cite          <a class="citation" href="#ruby">(Flanagan &amp; Matsumoto, 2008)</a>
 *   bibliography  <ol class="bibliography"><li><span id="ruby">Flanagan, D., &amp; Matsumoto, Y. (2008).
 *                 <i>The Ruby Programming Language</i>. O’Reilly Media.</span></li>\n<li>…</li></ol>
 *   unknown key   (missing reference)   — the whole `cite` tag, as jekyll-scholar renders it; no error
 *   missing .bib  a ScholarError naming the file (jekyll-scholar stops with Errno::ENOENT)
 *
 * Behaviour kept from jekyll-scholar: several `--file`s are read as one text (an `@string` in the
 * first serves the second; a repeated key is renamed with Ruby's `String#succ`, first one wins);
 * a file name without extension gets `.bib`; a `bibliography` with `*` is a glob in the folder;
 * `--cited` lists the page's cited keys in citation order when unsorted (`sort_by: none`), else the
 * sorted entries that were cited; `--cited` skips keys cited from another file; a `cite` with one
 * unknown key renders only `(missing reference)` and marks none of its keys cited; a citation of
 * several keys is one link to the first key; `--prefix p` gives ids and links `p-key`; `--query`
 * is bibtex-ruby's filter language (`@book[year <= 2000]`, `@*[author ~= \bAlbert\b]`, `!@misc`,
 * `@*[url]`, `||`, `&&`); `--offset`/`--max`; `--clear`; `-A`; `--locator`/`--label`.
 *
 * Rendering: citation-js (@citation-js/plugin-bibtex) turns BibTeX into CSL-JSON, and citeproc-js
 * (through @citation-js/plugin-csl, which bundles the APA 7th edition CSL style, CC BY-SA 3.0, and the
 * en-US locale) renders it. jekyll-scholar renders each reference and each cited item on its own
 * (citeproc-ruby's Renderer, not its Engine), so each item is rendered alone here too, in the order
 * given, then joined with the style's layout delimiter and wrapped in its prefix and suffix. That
 * keeps jekyll-scholar's absence of citation sorting, cite collapsing ("Smith, 2008, 2010") and
 * disambiguation ("2008a"), and bibliography entries in file order. Each rendering is cached per
 * entry until its file changes.
 *
 * Known differences from jekyll-scholar (citeproc-ruby + bibtex-ruby + latex-decode):
 * - HTML escaping is complete: `AT&T` becomes `AT&amp;T` (citeproc-ruby only escapes `& `, `< `, ` >`).
 * - Names in non-Latin scripts (Korean, Chinese, Japanese) split into family and given name
 *   (`{이, 영희}`) follow citeproc-js: `이영희` (no space) in references and the family name `이` alone
 *   in citations. citeproc-ruby prints them whole with a space everywhere (`이 영희`, also in
 *   citations: its static-order names ignore the short form). A name written as one word (`{김철수}`)
 *   is the same in both. Neither abbreviates them.
 * - Hyphenated given names follow citeproc-js (`Park, Ji-hoon` is `Park, J.`); citeproc-ruby may
 *   initialise both parts.
 * - Page ranges follow APA's expanded form with an en dash: `336--54` is `336–354` and a locator
 *   `2-3` is `pp. 2–3` (jekyll-scholar's features record `pp. 2-3`); a locator `4,5` with label
 *   figure is `Figure 4,5` (features: `Figures 4,5`).
 * - LaTeX markup follows citation-js: `\textsc{x}` is `<span style="font-variant:small-caps;">x</span>`
 *   (jekyll-scholar: `<font style="font-variant: small-caps">x</font>`), `\emph` inside an italic
 *   title flips to `<span style="font-style:normal;">`; `\textsuperscript`, `\emph`, `\textit` are
 *   `<sup>`/`<i>` in both. Month names are numbers (`aug` is `08`) for `--query` and sorting.
 * - `@misc` is CSL `document` (bibtex-ruby passes `misc` through); other types map alike, and genres
 *   and `and` in publisher-like fields are brought back to bibtex-ruby's reading (`asBibtexRubyCsl`).
 * - Only the APA style is available (jekyll-scholar loads any CSL style by name): `createScholar`
 *   rejects another `style`. Grouping (`group_by`), `--template` (it needs Liquid: pass a
 *   `template` function), `--remove_duplicates`, `bibliography_list_attributes`, repository links
 *   and details pages are not implemented; `parseScholarArguments` lists such options in
 *   `unsupported` so the caller can warn.
 * - `{% nocite %}` renders nothing (jekyll-scholar's tag can print the cited keys by accident).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { plugins, type CSL } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';

/** jekyll-scholar's defaults that this module honours (lib/jekyll/scholar/defaults.rb). */
export const SCHOLAR_DEFAULTS = {
  file: 'references.bib',
  style: 'apa',
  locale: 'en',
  missingReference: '(missing reference)',
  citeClass: 'citation',
  bibliographyClass: 'bibliography',
  bibliographyListTag: 'ol',
  bibliographyItemTag: 'li',
  referenceTagname: 'span',
  query: '@*',
  sortBy: 'none',
  order: 'ascending',
  relative: '',
} as const;

/** The keys a page has cited so far, in citation order (jekyll-scholar's `page.cited`). One per page. */
export type CitedKeys = Set<string>;

/** A build error that names what is wrong: a missing or unreadable BibTeX file, a bad option. */
export class ScholarError extends Error {
  override name = 'ScholarError';
}

/** The site's scholar configuration (jekyll-scholar's `scholar:` block in `_config.yml`). */
export interface ScholarConfig {
  /** The folder of the BibTeX files (jekyll-scholar's `source`, default `./_bibliography`). */
  dir: string;
  /** The default bibliography (jekyll-scholar's `bibliography`): a name in `dir`, `.bib` optional; `*` globs. */
  file?: string | undefined;
  /** Only `apa` (the default) is available. */
  style?: string | undefined;
  /** `en` (default), `en-US`, `de`, `es`, `fr`, `nl` and their `-XX` forms bundled with citation-js. */
  locale?: string | undefined;
  missingReference?: string | undefined;
  citeClass?: string | undefined;
  bibliographyClass?: string | undefined;
  bibliographyListTag?: string | undefined;
  bibliographyItemTag?: string | undefined;
  referenceTagname?: string | undefined;
  /** The default bibliography filter (bibtex-ruby query), `@*`. */
  query?: string | undefined;
  /** Field names to sort bibliographies by, `none` (default) for file order; `name` is author→editor→…→publisher. */
  sortBy?: string | readonly string[] | undefined;
  /** `ascending` or `descending` per sort key; the last one repeats. */
  order?: string | readonly string[] | undefined;
  /** Page that citation links point to (jekyll-scholar's `relative`), '' for the same page. */
  relative?: string | undefined;
  /** Told of every key that renders as the missing reference (jekyll-scholar says nothing). */
  onMissingKey?: ((key: string, files: readonly string[]) => void) | undefined;
}

/** One BibTeX entry as read: key, lower-case type and raw field values (LaTeX kept, `@string`s replaced). */
export interface ScholarEntry {
  key: string;
  type: string;
  fields: Readonly<Record<string, string>>;
}

/** Which files a tag reads: its `--file` options, else the configured default. */
export interface FileOption {
  file?: string | readonly string[] | undefined;
}

export interface CiteOptions extends FileOption {
  /** The page's cited keys; `cite` adds to it. */
  page: CitedKeys;
  /** `--prefix`: the link points to `#prefix-key`. */
  prefix?: string | undefined;
  /** `-A`/`--suppress_author`. */
  suppressAuthor?: boolean | undefined;
  /** `-l`/`--locator`, one per key in order. */
  locators?: readonly string[] | undefined;
  /** `-L`/`--label` (CSL locator label, `page` by default), one per key in order. */
  labels?: readonly string[] | undefined;
}

export interface ReferenceOptions extends FileOption {
  prefix?: string | undefined;
}

/** What a bibliography template sees for one entry (jekyll-scholar's `reference_data`). */
export interface BibliographyItem {
  key: string;
  type: string;
  /** 1-based position in this bibliography. */
  index: number;
  /** `<span id="key">…</span>`: the default template's whole output. */
  reference: string;
  /** The entry's raw fields plus `key` and `type`. */
  entry: Readonly<Record<string, string>>;
}

export interface BibliographyOptions extends FileOption {
  /** The page's cited keys: needed for `cited`, cleared by `clear`. */
  page?: CitedKeys | undefined;
  /** `-c`/`--cited`: only the entries the page cited. */
  cited?: boolean | undefined;
  /** `-C`/`--cited_in_order`: cited entries in citation order, never sorted. */
  citedInOrder?: boolean | undefined;
  /** `--clear`: forget the page's cited keys after this bibliography. */
  clear?: boolean | undefined;
  /** `-q`/`--query`: replaces the configured query. */
  query?: string | undefined;
  prefix?: string | undefined;
  /** `-o`/`--offset`: skip this many entries. */
  offset?: number | undefined;
  /** `-m`/`--max`: at most this many entries. */
  max?: number | undefined;
  /** `-h`/`--bibliography_list_tag`. */
  listTag?: string | undefined;
  /** A `bibliography_template` other than `{{reference}}`, rendered by the caller (it is Liquid). */
  template?: ((item: BibliographyItem) => string) | undefined;
}

export interface Scholar {
  /** `{% cite k1 k2 %}`: one link to the first key, or the missing-reference text. */
  cite(keys: readonly string[], options: CiteOptions): string;
  /** `{% nocite k1 k2 %}`: marks keys cited; '' or the missing-reference text. */
  nocite(keys: readonly string[], options: CiteOptions): string;
  /** `{% reference k %}`: the `<span id>` reference of each key, one per line. */
  reference(keys: readonly string[], options?: ReferenceOptions): string;
  /** `{% bibliography %}`. */
  bibliography(options?: BibliographyOptions): string;
  /** `{% bibliography_count %}`: how many entries that bibliography would list. */
  bibliographyCount(options?: BibliographyOptions): number;
  /** The entries a tag would read, in file order. */
  entries(options?: FileOption): ScholarEntry[];
  /** The absolute paths a tag would read (for dependency tracking); throws if one is missing. */
  paths(options?: FileOption): string[];
}

// ---------------------------------------------------------------------------------------------------
// Tag arguments

/** A scholar tag's markup, read as jekyll-scholar's `split_arguments` and `optparse` read it. */
export interface ScholarArguments {
  /** The leading words before the first option: cite keys (maybe Liquid variable names). */
  keys: string[];
  /** `-f`/`--file`, in order (empty: the default bibliography). */
  files: string[];
  cited: boolean;
  citedInOrder: boolean;
  clear: boolean;
  suppressAuthor: boolean;
  query?: string;
  prefix?: string;
  listTag?: string;
  locators: string[];
  labels: string[];
  offset?: number;
  max?: number;
  style?: string;
  template?: string;
  text?: string;
  /** Options given that the `Scholar` functions cannot honour alone (`--template` needs Liquid). */
  unsupported: string[];
}

type OptionName =
  | 'cited'
  | 'cited_in_order'
  | 'clear'
  | 'remove_duplicates'
  | 'suppress_author'
  | 'file'
  | 'query'
  | 'bibliography_list_tag'
  | 'prefix'
  | 'text'
  | 'locator'
  | 'label'
  | 'offset'
  | 'max'
  | 'style'
  | 'group_by'
  | 'group_order'
  | 'type_order'
  | 'template';

/** Short and long spellings (utilities.rb `optparse`); `-h` is the list tag, not help. */
const OPTION_SWITCHES: Record<string, OptionName> = {
  '-c': 'cited',
  '--cited': 'cited',
  '-C': 'cited_in_order',
  '--cited_in_order': 'cited_in_order',
  '--clear': 'clear',
  '-r': 'remove_duplicates',
  '--remove_duplicates': 'remove_duplicates',
  '-A': 'suppress_author',
  '--suppress_author': 'suppress_author',
  '-f': 'file',
  '--file': 'file',
  '-q': 'query',
  '--query': 'query',
  '-h': 'bibliography_list_tag',
  '--bibliography_list_tag': 'bibliography_list_tag',
  '-p': 'prefix',
  '--prefix': 'prefix',
  '-t': 'text',
  '--text': 'text',
  '-l': 'locator',
  '--locator': 'locator',
  '-L': 'label',
  '--label': 'label',
  '-o': 'offset',
  '--offset': 'offset',
  '-m': 'max',
  '--max': 'max',
  '-s': 'style',
  '--style': 'style',
  '-g': 'group_by',
  '--group_by': 'group_by',
  '-G': 'group_order',
  '--group_order': 'group_order',
  '-O': 'type_order',
  '--type_order': 'type_order',
  '-T': 'template',
  '--template': 'template',
};

const FLAG_OPTIONS = new Set<OptionName>(['cited', 'cited_in_order', 'clear', 'suppress_author']);

/**
 * The option pattern jekyll-scholar splits the markup with, so option values keep their spaces
 * (`-q @book[year <= 2000]`, `-l 23 & 42`). Ruby's `\B-` is "a `-` not after a word character"; the
 * empty long alternative makes a bare `--` (or an unknown `--long` option) end the options.
 */
const OPTION_SPLIT =
  /((?<!\w)-[cCfhqptTsgGOlLomAr]|(?<!\w)--(?:cited_in_order|cited|clear|bibliography_list_tag|file|query|prefix|text|style|group_by|group_order|type_order|template|locator|label|offset|max|suppress_author|remove_duplicates|))/;

/** Reads `{% cite a b --file refs -l 23 %}` / `{% bibliography --cited -q @book %}` markup (after the tag name). */
export function parseScholarArguments(markup: string): ScholarArguments {
  const tokens = markup.trim().split(/\s+/).filter(Boolean);
  const firstOption = tokens.findIndex((token) => token.startsWith('-'));
  const keys = firstOption === -1 ? tokens : tokens.slice(0, firstOption);
  // Ruby's `tokens - args`: every occurrence of a key word leaves the option text.
  const optionText = tokens.filter((token) => !keys.includes(token)).join(' ');
  const parsed: ScholarArguments = {
    keys,
    files: [],
    cited: false,
    citedInOrder: false,
    clear: false,
    suppressAuthor: false,
    locators: [],
    labels: [],
    unsupported: [],
  };
  if (!optionText) return parsed;

  const argv = optionText
    .split(OPTION_SPLIT)
    .map((part) => part.trim())
    .filter(Boolean);
  const unsupported = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const option = OPTION_SWITCHES[token];
    if (!option) continue; // OptionParser leaves stray words as arguments, which the tags ignore.
    if (FLAG_OPTIONS.has(option)) {
      if (option === 'cited') parsed.cited = true;
      else if (option === 'cited_in_order') parsed.cited = parsed.citedInOrder = true;
      else if (option === 'clear') parsed.clear = true;
      else parsed.suppressAuthor = true;
      continue;
    }
    if (option === 'remove_duplicates') {
      // Its match-fields argument is optional: take the next word unless it is an option.
      if (argv[i + 1] !== undefined && !OPTION_SWITCHES[argv[i + 1]!] && argv[i + 1] !== '--') i++;
      unsupported.add(option);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new ScholarError(`jekyll-scholar option ${token} needs a value: "${markup.trim()}"`);
    switch (option) {
      case 'file':
        parsed.files.push(value);
        break;
      case 'query':
        parsed.query = value;
        break;
      case 'bibliography_list_tag':
        parsed.listTag = value;
        break;
      case 'prefix':
        parsed.prefix = value;
        break;
      case 'text':
        parsed.text = value;
        break;
      case 'locator':
        parsed.locators.push(value);
        break;
      case 'label':
        parsed.labels.push(value);
        break;
      case 'offset':
        parsed.offset = rubyToInt(value);
        break;
      case 'max':
        parsed.max = rubyToInt(value);
        break;
      case 'style':
        parsed.style = value;
        if (value !== SCHOLAR_DEFAULTS.style) unsupported.add(option);
        break;
      case 'template':
        parsed.template = value;
        unsupported.add(option);
        break;
      default:
        unsupported.add(option); // group_by, group_order, type_order
    }
  }
  parsed.unsupported = [...unsupported];
  return parsed;
}

/** Ruby's `String#to_i`: leading integer, else 0. */
function rubyToInt(value: string): number {
  const match = /^\s*[+-]?\d+/.exec(value.replace(/_/g, ''));
  return match ? Number.parseInt(match[0], 10) : 0;
}

// ---------------------------------------------------------------------------------------------------
// Files and entries

interface LoadedEntry extends ScholarEntry {
  /** Unique across sources: the CSL id citeproc sees. */
  id: string;
  csl: CSL;
  /** Rendered once: the reference's inner HTML and the citation body (no layout prefix/suffix). */
  referenceHtml?: string;
  citationHtml?: string;
}

interface Source {
  paths: string[];
  entries: LoadedEntry[];
  byKey: Map<string, LoadedEntry>;
}

let nextEntryId = 0;

/** Ruby's `String#succ` for the alphanumeric tail: `ruby` → `rubz`, `a9` → `b0`, `zz` → `aaa`. */
export function rubySucc(value: string): string {
  const chars = [...value];
  let i = chars.length - 1;
  while (i >= 0 && !/[A-Za-z0-9]/.test(chars[i]!)) i--;
  if (i < 0) {
    if (chars.length === 0) return '';
    const last = chars.length - 1;
    chars[last] = String.fromCodePoint(chars[last]!.codePointAt(0)! + 1);
    return chars.join('');
  }
  let leftmost = i;
  for (;;) {
    const c = chars[i]!;
    if (c === 'z' || c === 'Z' || c === '9') {
      chars[i] = c === 'z' ? 'a' : c === 'Z' ? 'A' : '0';
      leftmost = i;
      let j = i - 1;
      while (j >= 0 && !/[A-Za-z0-9]/.test(chars[j]!)) j--;
      if (j < 0) {
        chars.splice(leftmost, 0, c === 'z' ? 'a' : c === 'Z' ? 'A' : '1');
        return chars.join('');
      }
      i = j;
      continue;
    }
    chars[i] = String.fromCharCode(c.charCodeAt(0) + 1);
    return chars.join('');
  }
}

/** `*`, `?`, `**` (any folders) and `{a,b}` as in Ruby's `Dir.glob`, over `/`-separated relative paths. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*' && pattern[i + 2] === '/') {
      source += '(?:.*/)?';
      i += 2;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '{') {
      source += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      source += ')';
      braces--;
    } else if (c === ',' && braces > 0) {
      source += '|';
    } else {
      source += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where jekyll-scholar's `extend_path` looks for a bibliography name. */
function bibPath(dir: string, name: string): string {
  if (isAbsolute(name) && isFile(name)) return name;
  const path = join(dir, name);
  return extname(path) === '' && !isFile(path) ? `${path}.bib` : path;
}

/** Concatenated BibTeX text → entries; a syntax error names the file and its line. */
function parseBibtex(texts: readonly { path: string; text: string }[]): Source {
  const text = texts.map((file) => file.text).join('\n');
  let raw: { type: string; label: string; properties: Record<string, unknown> }[];
  let csl: CSL[];
  try {
    raw = plugins.input.data(text, '@biblatex/text') as unknown as typeof raw;
    csl = plugins.input.data(raw as never, '@biblatex/entries+list') as unknown as CSL[];
  } catch (error) {
    throw parseError(texts, error);
  }
  const entries: LoadedEntry[] = [];
  const byKey = new Map<string, LoadedEntry>();
  raw.forEach((entry, index) => {
    let key = entry.label;
    while (byKey.has(key)) key = rubySucc(key);
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.properties)) fields[name.toLowerCase()] = String(value);
    const id = `scholar-${++nextEntryId}`;
    const type = entry.type.toLowerCase();
    const loaded: LoadedEntry = { key, type, fields, id, csl: asBibtexRubyCsl({ ...csl[index]!, id }, type, fields) };
    entries.push(loaded);
    byKey.set(key, loaded);
  });
  return { paths: texts.map((file) => file.path), entries, byKey };
}

/**
 * Brings citation-js's biblatex reading back to BibTeX's, as bibtex-ruby converts (citeproc_converter.rb):
 * `publisher`, `address`, `institution` and `organization` are plain text, not `and`-separated lists
 * (citation-js hands citeproc an array for `{Science and Technology}`, which it drops); the entry type is
 * no genre (`[Phdthesis]`, `(Techreport No. 42)`): only a `type` field is, and theses get bibtex-ruby's
 * `PhD thesis` and `Master's thesis`.
 */
function asBibtexRubyCsl(csl: CSL, type: string, fields: Record<string, string>): CSL {
  const record = csl as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (name !== 'categories' && Array.isArray(value) && value.every((part) => typeof part === 'string')) {
      record[name] = value.join(' and ');
    }
  }
  if (fields['type'] === undefined) {
    delete record['genre'];
    if (type === 'phdthesis') record['genre'] = 'PhD thesis';
    else if (type === 'mastersthesis') record['genre'] = "Master's thesis";
  }
  return csl;
}

function parseError(texts: readonly { path: string; text: string }[], error: unknown): ScholarError {
  const message = error instanceof Error ? error.message : String(error);
  const at = /line (\d+) col (\d+)/.exec(message);
  if (at) {
    // Map the line of the joined text back to its file.
    let line = Number(at[1]);
    for (const file of texts) {
      const lines = file.text.split('\n').length;
      if (line <= lines) {
        const first = message.split('\n')[0]!.replace(/line \d+ col/, `line ${line} col`);
        return new ScholarError(`Cannot parse BibTeX file ${file.path}: ${first}`, { cause: error });
      }
      line -= lines;
    }
  }
  const names = texts.map((file) => file.path).join(', ');
  return new ScholarError(`Cannot parse BibTeX file ${names}: ${message.split('\n')[0]}`, { cause: error });
}

// ---------------------------------------------------------------------------------------------------
// Queries and sorting (bibtex-ruby's Element#matches? and jekyll-scholar's sort)

function fieldValue(entry: ScholarEntry, property: string): string | undefined {
  if (property === 'key' || property === 'id') return entry.key;
  return entry.fields[property.toLowerCase()];
}

function queryRegExp(pattern: string, query: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new ScholarError(`Bad jekyll-scholar query "${query}": ${(error as Error).message}`, { cause: error });
  }
}

function meetsCondition(entry: ScholarEntry, condition: string, query: string): boolean {
  const [property, operator, value = ''] = condition.split(/\s*([!~/^<>]?=|!~|=~|<|>)\s*/);
  if (!property) return true;
  const actual = fieldValue(entry, property.trim());
  if (operator === undefined) return actual !== undefined;
  const expected = value.trim();
  switch (operator) {
    case '!=':
    case '/=':
      return actual === undefined || actual !== expected;
    case '^=':
      return actual !== undefined && queryRegExp(`^${expected}`, query).test(actual);
    case '~=':
    case '=~':
      return actual !== undefined && queryRegExp(expected, query).test(actual);
    case '!~':
      return actual === undefined || !queryRegExp(expected, query).test(actual);
    case '<=':
    case '>=':
    case '<':
    case '>': {
      if (actual === undefined) return false;
      const numeric = /^\d+$/.test(actual) && /^\d+$/.test(expected);
      const a = numeric ? Number(actual) : actual;
      const b = numeric ? Number(expected) : expected;
      return operator === '<=' ? a <= b : operator === '>=' ? a >= b : operator === '<' ? a < b : a > b;
    }
    default:
      return actual !== undefined && actual === expected;
  }
}

function entryText(entry: ScholarEntry): string {
  const fields = Object.entries(entry.fields).map(([name, value]) => `  ${name} = {${value}}`);
  return `@${entry.type}{${entry.key},\n${fields.join(',\n')}\n}`;
}

/** bibtex-ruby's query language: `@type[cond, cond || cond]`, `!@type`, `@*`, `/regexp/`, or a key. */
export function matchesQuery(entry: ScholarEntry, query: string | undefined): boolean {
  if (!query) return true;
  const regexp = /^\/(.+)\/$/.exec(query);
  if (regexp) return queryRegExp(regexp[1]!, query).test(entryText(entry));
  const selectors = [...query.matchAll(/(!)?@(\*|\w+)(?:\[([^\]]*)\])?/g)];
  if (selectors.length === 0) return entry.key === query;
  return selectors.some(([, not, type, condition]) => {
    const typed = type === '*' || /^entry$/i.test(type!) || entry.type === type!.toLowerCase();
    if (not ? typed : !typed) return false;
    if (!condition) return true;
    return condition
      .split(/\s*\|\|\s*/)
      .some((all) => all.split(/\s*(?:,|&&)\s*/).every((one) => meetsCondition(entry, one, query)));
  });
}

function listOption(value: string | readonly string[] | undefined, fallback: string): string[] {
  const list = typeof value === 'string' ? [value] : (value ?? [fallback]);
  return list.flatMap((item) => item.split(/\s*,\s*/)).filter(Boolean);
}

function sortValue(entry: ScholarEntry, key: string): string {
  if (key === 'name') {
    const value =
      entry.fields['author'] ??
      entry.fields['editor'] ??
      entry.fields['institution'] ??
      entry.fields['organization'] ??
      entry.fields['publisher'] ??
      '';
    return value.replace(/^[{\s]+|[}\s]+$/g, '').toLowerCase();
  }
  return fieldValue(entry, key === 'month_numeric' ? 'month' : key) ?? '';
}

/** bibtex-ruby's `Value#<=>`: numbers as numbers, everything else as strings ('' first). */
function compareValues(a: string, b: string): number {
  if (/^\s*[+-]?\d+\s*$/.test(a) && /^\s*[+-]?\d+\s*$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Rendering

/** The part of a citeproc-js engine used here (citeproc has no types). */
interface CiteprocEngine {
  updateItems(ids: string[]): string[];
  makeBibliography(): false | [unknown, string[]];
  makeCitationCluster(items: Record<string, unknown>[]): string;
  citation: { opt: { layout_prefix?: string; layout_suffix?: string; layout_delimiter?: string } };
}

interface CslPluginConfig {
  engine(data: CSL[], style: string, locale: string | undefined, format: string): unknown;
  locales: { has(name: string): boolean };
  styles: { has(name: string): boolean };
}

const cslConfig = () => plugins.config.get('@csl') as CslPluginConfig;

/** citeproc-js escapes with numeric entities; jekyll-scholar's features record `&amp;`. */
function namedEntities(html: string): string {
  return html.replace(/&#(38|60|62);/g, (_, code: string) =>
    code === '38' ? '&amp;' : code === '60' ? '&lt;' : '&gt;',
  );
}

/** How citeproc-js writes a plain string into HTML (its `text_escape`, before `namedEntities`). */
function citeprocEscape(text: string): string {
  return text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function resolveLocale(locale: string): string {
  const { locales } = cslConfig();
  if (locales.has(locale)) return locale;
  const language = locale.split(/[-_]/)[0]!.toLowerCase();
  const region = { en: 'US', de: 'DE', es: 'ES', fr: 'FR', nl: 'NL' }[language];
  if (region && locales.has(`${language}-${region}`)) return `${language}-${region}`;
  throw new ScholarError(`jekyll-scholar locale "${locale}" is not available (en, de, es, fr, nl)`);
}

/** `[prefix, key].compact.join('-')`. */
function anchor(key: string, prefix: string | undefined): string {
  return prefix ? `${prefix}-${key}` : key;
}

export function createScholar(config: ScholarConfig): Scholar {
  const dir = resolve(config.dir);
  const style = config.style ?? SCHOLAR_DEFAULTS.style;
  if (style !== 'apa') {
    throw new ScholarError(`jekyll-scholar style "${style}" is not available: only "apa" (APA 7th edition) is`);
  }
  const localeName = config.locale ?? SCHOLAR_DEFAULTS.locale;
  let locale: string | undefined;
  const defaultFile = config.file ?? SCHOLAR_DEFAULTS.file;
  const missingReference = config.missingReference ?? SCHOLAR_DEFAULTS.missingReference;
  const citeClass = config.citeClass ?? SCHOLAR_DEFAULTS.citeClass;
  const bibliographyClass = config.bibliographyClass ?? SCHOLAR_DEFAULTS.bibliographyClass;
  const listTagDefault = config.bibliographyListTag ?? SCHOLAR_DEFAULTS.bibliographyListTag;
  const itemTag = config.bibliographyItemTag ?? SCHOLAR_DEFAULTS.bibliographyItemTag;
  const referenceTag = config.referenceTagname ?? SCHOLAR_DEFAULTS.referenceTagname;
  const defaultQuery = config.query ?? SCHOLAR_DEFAULTS.query;
  const sortKeys = listOption(config.sortBy, SCHOLAR_DEFAULTS.sortBy).map((key) =>
    key === 'month' ? 'month_numeric' : key,
  );
  const sortOrder = listOption(config.order, SCHOLAR_DEFAULTS.order);
  const unsorted = sortKeys.length === 0 || (sortKeys.length === 1 && sortKeys[0] === 'none');
  const relativeUrl = config.relative ?? SCHOLAR_DEFAULTS.relative;

  const sources = new Map<string, { stamp: string; source: Source }>();

  function fileNames(option: FileOption['file']): string[] {
    const given = typeof option === 'string' ? [option] : [...(option ?? [])];
    if (given.length > 0) return given;
    if (!defaultFile.includes('*')) return [defaultFile];
    const pattern = globToRegExp(defaultFile);
    let found: string[];
    try {
      found = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((path) => path.split('\\').join('/'))
        .filter((path) => pattern.test(path) && isFile(join(dir, path)))
        .sort();
    } catch (error) {
      throw new ScholarError(`Bibliography folder not found: ${dir}`, { cause: error });
    }
    if (found.length === 0) throw new ScholarError(`No bibliography file matches "${defaultFile}" in ${dir}`);
    return found;
  }

  function paths(options?: FileOption): string[] {
    return fileNames(options?.file).map((name) => {
      const path = bibPath(dir, name || defaultFile);
      if (!isFile(path)) {
        throw new ScholarError(`Bibliography file not found: ${path} (jekyll-scholar bibliography "${name}")`);
      }
      return path;
    });
  }

  function load(options?: FileOption): Source {
    const files = paths(options);
    const stamp = files
      .map((path) => {
        const stat = statSync(path);
        return `${stat.mtimeMs}:${stat.size}`;
      })
      .join('|');
    const cacheKey = files.join('\0');
    const cached = sources.get(cacheKey);
    if (cached?.stamp === stamp) return cached.source;
    const texts = files.map((path) => {
      try {
        return { path, text: readFileSync(path, 'utf8') };
      } catch (error) {
        throw new ScholarError(`Cannot read bibliography file ${path}`, { cause: error });
      }
    });
    const source = parseBibtex(texts);
    sources.set(cacheKey, { stamp, source });
    return source;
  }

  function engineFor(entry: LoadedEntry): CiteprocEngine {
    locale ??= resolveLocale(localeName);
    const engine = cslConfig().engine([entry.csl], style, locale, 'html') as CiteprocEngine;
    engine.updateItems([entry.id]);
    return engine;
  }

  function layout(engine: CiteprocEngine) {
    const opt = engine.citation.opt;
    return { prefix: opt.layout_prefix ?? '', suffix: opt.layout_suffix ?? '', delimiter: opt.layout_delimiter ?? '' };
  }

  let citationLayout: ReturnType<typeof layout> | undefined;

  /** One item's citation without the layout's affixes, as citeproc-ruby's render_single_citation. */
  function citationBody(entry: LoadedEntry, item: Record<string, unknown>): string {
    const plain = Object.keys(item).length === 0;
    if (plain && entry.citationHtml !== undefined) return entry.citationHtml;
    const engine = engineFor(entry);
    citationLayout ??= layout(engine);
    let html = engine.makeCitationCluster([{ ...item, id: entry.id }]);
    const prefix = citeprocEscape(citationLayout.prefix);
    const suffix = citeprocEscape(citationLayout.suffix);
    if (prefix && html.startsWith(prefix)) html = html.slice(prefix.length);
    if (suffix && html.endsWith(suffix)) html = html.slice(0, -suffix.length);
    html = namedEntities(html);
    if (plain) entry.citationHtml = html;
    return html;
  }

  function referenceBody(entry: LoadedEntry): string {
    if (entry.referenceHtml !== undefined) return entry.referenceHtml;
    const result = engineFor(entry).makeBibliography();
    const html = result ? (result[1][0] ?? '') : '';
    const inner = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/.exec(html)?.[1] ?? html.trim();
    // One line, so a Markdown HTML block around the list never meets a blank line inside it.
    entry.referenceHtml = namedEntities(inner.trim().replace(/\s*\n\s*/g, ' '));
    return entry.referenceHtml;
  }

  function referenceTagFor(entry: LoadedEntry, prefix: string | undefined): string {
    const id = escapeAttribute(anchor(entry.key, prefix));
    return `<${referenceTag} id="${id}">${referenceBody(entry)}</${referenceTag}>`;
  }

  function missing(key: string, source: Source): string {
    config.onMissingKey?.(key, source.paths);
    return missingReference;
  }

  function sortEntries(entries: LoadedEntry[]): LoadedEntry[] {
    if (unsorted) return entries;
    return [...entries].sort((a, b) => {
      for (const [index, key] of sortKeys.entries()) {
        const descending = /^(desc|reverse)/i.test(sortOrder[index] ?? sortOrder[sortOrder.length - 1] ?? '');
        const compared = compareValues(sortValue(a, key), sortValue(b, key));
        if (compared !== 0) return descending ? -compared : compared;
      }
      return 0;
    });
  }

  /** jekyll-scholar's `cited_entries`: query, sort, then `--cited`. */
  function citedEntries(options: BibliographyOptions): LoadedEntry[] {
    const source = load(options);
    const query = options.query ?? defaultQuery;
    let items = source.entries.filter((entry) => matchesQuery(entry, query));
    const skipSort = unsorted || options.citedInOrder === true;
    if (!skipSort) items = sortEntries(items);
    if (options.cited || options.citedInOrder) {
      const page = options.page;
      if (!page) throw new ScholarError('A --cited bibliography needs the page’s cited keys');
      if (skipSort) {
        const byKey = new Map(items.map((entry) => [entry.key, entry]));
        items = [...page].flatMap((key) => byKey.get(key) ?? []);
      } else {
        items = items.filter((entry) => page.has(entry.key));
      }
      if (options.clear) page.clear();
    }
    return items;
  }

  return {
    cite(keys, options) {
      if (keys.length === 0) throw new ScholarError('{% cite %} needs at least one key');
      const source = load(options);
      const entries: LoadedEntry[] = [];
      for (const key of keys) {
        const entry = source.byKey.get(key);
        if (!entry) return missing(key, source);
        entries.push(entry);
      }
      const bodies = entries.map((entry, index) => {
        options.page.add(entry.key);
        const item: Record<string, unknown> = {};
        const locator = options.locators?.[index];
        if (locator !== undefined) {
          item['locator'] = locator;
          item['label'] = options.labels?.[index] ?? 'page';
        }
        if (options.suppressAuthor) item['suppress-author'] = true;
        return citationBody(entry, item);
      });
      const { prefix, suffix, delimiter } = citationLayout!;
      const href = escapeAttribute(`${relativeUrl}#${anchor(keys[0]!, options.prefix)}`);
      const text = escapeText(prefix) + bodies.join(escapeText(delimiter)) + escapeText(suffix);
      return `<a class="${escapeAttribute(citeClass)}" href="${href}">${text}</a>`;
    },

    nocite(keys, options) {
      const source = load(options);
      for (const key of keys) {
        const entry = source.byKey.get(key);
        if (!entry) return missing(key, source);
        options.page.add(entry.key);
      }
      return '';
    },

    reference(keys, options = {}) {
      const source = load(options);
      return keys
        .map((key) => {
          const entry = source.byKey.get(key);
          return entry ? referenceTagFor(entry, options.prefix) : missing(key, source);
        })
        .join('\n');
    },

    bibliography(options = {}) {
      let items = citedEntries(options);
      const offset = Math.max(0, options.offset ?? 0);
      items = options.max === undefined ? items.slice(offset) : items.slice(offset, offset + options.max);
      const listTag = options.listTag ?? listTagDefault;
      const lines = items.map((entry, index) => {
        const reference = referenceTagFor(entry, options.prefix);
        const content = options.template
          ? options.template({
              key: entry.key,
              type: entry.type,
              index: index + 1,
              reference,
              entry: { ...entry.fields, key: entry.key, type: entry.type },
            })
          : reference;
        return `<${itemTag}>${content}</${itemTag}>`;
      });
      return `<${listTag} class="${escapeAttribute(bibliographyClass)}">${lines.join('\n')}</${listTag}>`;
    },

    bibliographyCount(options = {}) {
      return citedEntries(options).length;
    },

    entries(options) {
      return load(options).entries.map(({ key, type, fields }) => ({ key, type, fields }));
    },

    paths,
  };
}
