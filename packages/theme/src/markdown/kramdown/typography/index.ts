/**
 * Typography as kramdown makes it (lib/kramdown/parser/kramdown/typographic_symbol.rb and
 * smart_quote.rb), on top of Astro's SmartyPants pass, which the integration sets to kramdown's
 * dashes, ellipses and quotes (`KRAMDOWN_SMARTYPANTS`). What SmartyPants cannot be told:
 *
 * - A backslash-escaped quote, dash, dot, backtick or angle bracket stays as typed: `\"quoted\"`
 *   keeps straight quotes and `\-\-` two hyphens. SmartyPants runs on the parsed text, where the
 *   backslash is gone, so the parser writes each such character as a private-use stand-in, which
 *   SmartyPants leaves alone, and this plugin's transform (the first after SmartyPants) puts the
 *   characters back.
 * - `''` after a word is two closing single quotes (`x’’`); SmartyPants leaves the pair straight.
 * - A quote after punctuation and before a word closes (`"(괄호)"로`, `"100%"를`); SmartyPants
 *   opened it.
 * - A run of four or more hyphens is em dashes from the left, then an en dash or a hyphen.
 * - `<<` and `>>` are guillemets, `« ` and ` »` with a no-break space when a space is inside
 *   (kramdown's `laquo_space`/`raquo_space`): a micromark construct, so `<<b>>` is `«b»` and no
 *   HTML tag.
 *
 * With `smart: false` (the site turned smart punctuation off) `<<` and `>>` are still read as
 * kramdown reads them (no HTML tag), and written as typed.
 */
import type { Parent, Root, Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { visit } from 'unist-util-visit';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownGuillemet: 'kramdownGuillemet';
  }
}

/** The characters SmartyPants would change, each with its stand-in (U+E000 onwards). */
const KEPT = `"'-.\`<>`;
const STAND_IN_BASE = 0xe000;
const STAND_INS = new RegExp(
  `[\\u{${STAND_IN_BASE.toString(16)}}-\\u{${(STAND_IN_BASE + KEPT.length - 1).toString(16)}}]`,
  'gu',
);

const LESS_THAN = 60;
const GREATER_THAN = 62;
const SPACE = 32;
const NO_BREAK_SPACE = '\u00a0';

/** Set on a `>>` token with a space before it (` >>`). */
interface GuillemetToken {
  chirpySpaceBefore?: boolean;
}

function tokenizeGuillemet(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let first: Code = null;
  const close: State = (code) => {
    effects.exit('kramdownGuillemet');
    return ok(code);
  };
  // `<< ` takes the space after it.
  const afterOpening: State = (code) => {
    if (code !== SPACE) return close(code);
    effects.consume(code);
    return close;
  };
  const second: State = (code) => {
    if (code !== first) return nok(code);
    effects.consume(code);
    return first === LESS_THAN ? afterOpening : close;
  };
  return (code) => {
    first = code;
    const token = effects.enter('kramdownGuillemet') as GuillemetToken;
    token.chirpySpaceBefore = code === GREATER_THAN && self.previous === SPACE;
    effects.consume(code);
    return second;
  };
}

const guillemet: Construct = { name: 'kramdownGuillemet', tokenize: tokenizeGuillemet };

function syntax(): Extension {
  return { text: { [LESS_THAN]: guillemet, [GREATER_THAN]: guillemet } };
}

/** Adds `value` to the text at the end of `parent`, or as a new text node. */
function appendText(parent: Parent, value: string, token: Token): void {
  const end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
  const tail = parent.children[parent.children.length - 1];
  if (tail?.type === 'text') {
    tail.value += value;
    if (tail.position) tail.position.end = end;
    return;
  }
  const start = { line: token.start.line, column: token.start.column, offset: token.start.offset };
  parent.children.push({ type: 'text', value, position: { start, end } } as Text);
}

function fromMarkdown(smart: boolean): FromMarkdownExtension {
  return {
    exit: {
      // As mdast-util-from-markdown's own handler (the escaped character joins the text), with
      // the stand-in for a character SmartyPants would change.
      characterEscapeValue(this: CompileContext, token: Token) {
        const text = this.stack.pop() as Text;
        const value = this.sliceSerialize(token);
        const index = KEPT.indexOf(value);
        text.value += index < 0 ? value : String.fromCodePoint(STAND_IN_BASE + index);
        text.position!.end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
      },
      kramdownGuillemet(this: CompileContext, token: Token) {
        const parent = this.stack[this.stack.length - 1] as Parent;
        const raw = this.sliceSerialize(token);
        if (!smart) {
          appendText(parent, raw, token);
          return;
        }
        if (raw.startsWith('<')) {
          appendText(parent, raw.length > 2 ? `«${NO_BREAK_SPACE}` : '«', token);
          return;
        }
        // ` >>`: the space before is part of the symbol.
        const tail = parent.children[parent.children.length - 1];
        if ((token as GuillemetToken).chirpySpaceBefore && tail?.type === 'text' && tail.value.endsWith(' ')) {
          tail.value = tail.value.slice(0, -1);
          appendText(parent, `${NO_BREAK_SPACE}»`, token);
          return;
        }
        appendText(parent, '»', token);
      },
    },
  };
}

/** Runs of four or more hyphens, which SmartyPants leaves alone. */
const HYPHEN_RUN = /-{4,}/g;
/**
 * An opening quote SmartyPants put after a character that is neither white space nor one of
 * kramdown's openers (`[`, `{`, `(`, `-`, `\\`, or another opening quote): kramdown's rule
 * `SQ_CLOSE` makes it a closing one (`"(x)"로`, `"100%"를` end with `”`).
 */
const OPENING_AFTER_TEXT = /(?<=[^\s[{(\-\\“‘])[“‘]/gu;
/**
 * A closing quote SmartyPants put after white space before something that is neither white space
 * nor ASCII punctuation (`'≈'는`): kramdown's last rule opens it. `’80s` stays.
 */
const CLOSING_AFTER_SPACE = /(?<=\s)[”’](?![\s!-/:-@[-`{-~]|\d\ds)/gu;

/** Where SmartyPants and kramdown part on a text node's dashes and quotes, kramdown's reading. */
function kramdownPunctuation(text: string, next: { type: string } | undefined): string {
  const beforeEmphasis = next?.type === 'emphasis' || next?.type === 'strong';
  return (
    text
      // `''` after a word: what SmartyPants left straight, kramdown curled.
      .replace(/(?<=\S)''/g, '’’')
      // kramdown reads a longer run of hyphens as em dashes from the left, then an en dash or a hyphen.
      .replace(HYPHEN_RUN, (run) => '—'.repeat(Math.floor(run.length / 3)) + ['', '-', '–'][run.length % 3])
      .replace(CLOSING_AFTER_SPACE, (quote: string) => (quote === '”' ? '“' : '‘'))
      .replace(OPENING_AFTER_TEXT, (quote: string, at: number, whole: string) =>
        // A quote before emphasis opens it (`"*word*"`), whatever comes before.
        beforeEmphasis && at === whole.length - 1 ? quote : quote === '“' ? '”' : '’',
      )
  );
}

export interface KramdownTypographyOptions {
  /** Smart punctuation is on: guillemets and `''` too. */
  smart?: boolean;
}

export function remarkKramdownTypography(this: Processor, options: KramdownTypographyOptions = {}) {
  const smart = options.smart ?? true;
  const data = this.data() as Data & { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(syntax());
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown(smart));
  const restore = (text: string) => text.replace(STAND_INS, (char) => KEPT[char.codePointAt(0)! - STAND_IN_BASE]!);
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (smart && node.type === 'text')
        node.value = kramdownPunctuation(node.value, parent?.children[(index ?? 0) + 1]);
      // Text, and what the parser read as text: image alt, link and image URLs and titles, labels.
      const fields = node as unknown as Record<string, unknown>;
      for (const field of ['value', 'alt', 'url', 'title', 'label']) {
        if (typeof fields[field] === 'string') fields[field] = restore(fields[field]);
      }
    });
  };
}
