/**
 * kramdown's smart quotes (kramdown 2.4, lib/kramdown/parser/kramdown/smart_quotes.rb): each `"`
 * and `'` in running text is decided by `SQ_RULES`, the first of ten regular expressions that
 * matches where kramdown's span parser stands. That place is the character before the quote when
 * that character is plain text the parser has not yet passed (its start pattern is
 * `[^\\]?["']`), and the quote itself when something else ended right before it: the start of
 * the text (a paragraph, a heading, a table cell, link text, emphasis), the end of an element
 * (emphasis, a code span, a link, HTML, math, an entity, an escaped character, a dash, another
 * quote), or a `*`, `_`, backtick or `[` (kramdown's emphasis, code span and link parsers take
 * those even when they make no element of them). So `x"*em*"` ends in a closing quote after the
 * emphasis (nothing before it, end of text after it), and `**b**"y` opens one.
 *
 * The micromark half (`smartQuote`) reads the quote and the few characters after it, as written
 * (escapes and all, as kramdown's rules see them); whether a character stands before it is
 * known once the tree is built (`quoteBefore`, from the node the quote follows), since micromark
 * decides emphasis and strikethrough only after the text is read. `decideQuotes` then applies the
 * rules. Ruby's classes are kept: `\s`, `\w` and `\d` are ASCII, a word boundary (`\b`) is Unicode
 * (Hangul is a word character there), `.` in the last two rules matches a line end too.
 */
import type { Parent } from 'mdast';
import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownSmartQuote: 'kramdownSmartQuote';
  }
  interface Token {
    /** A smart quote: up to four characters after it, as kramdown's text has them. */
    _kramdownAhead?: string;
    /** Something other than plain text ended right before this token (an escape, an entity, a symbol). */
    _kramdownAfterElement?: boolean;
  }
}

/** What kramdown's rules look at after a quote: at most three characters; one more to be safe. */
const AHEAD = 4;

/** Token types after which kramdown's parser stands on the quote itself (see the header). */
const ELEMENT_ENDS = new Set(['characterReference', 'kramdownSmartQuote', 'kramdownTypographicSymbol']);
/** kramdown-parser-gfm's escapable characters (gfm.rb: `ESCAPED_CHARS_GFM`); other escapes stay text to it. */
const KRAMDOWN_ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~');

/** Whether the token that ended right before the current code leaves kramdown on that code. */
export function afterElement(context: TokenizeContext): boolean {
  const last = context.events[context.events.length - 1];
  if (!last || last[0] !== 'exit') return false;
  const type = last[1].type;
  if (type === 'characterEscape') return KRAMDOWN_ESCAPABLE.has(String.fromCodePoint(context.previous!));
  return ELEMENT_ENDS.has(type);
}

/** A micromark code as the character kramdown's text has there ('' for a tab's virtual spaces). */
function character(code: number): string {
  if (code < -2) return '\n';
  if (code === -2) return '\t';
  if (code === -1) return '';
  return String.fromCodePoint(code);
}

/** A check that reads the characters after a quote into its token, and goes back. */
function readAhead(token: Token): Construct {
  return {
    partial: true,
    tokenize(effects: Effects, _ok: State, nok: State): State {
      let ahead = '';
      let count = 0;
      const read: State = (code) => {
        if (code === null || count === AHEAD) {
          token._kramdownAhead = ahead;
          return nok(code);
        }
        const char = character(code);
        ahead += char;
        if (char) count++;
        effects.consume(code);
        return read;
      };
      return (code) => {
        effects.enter('data');
        return read(code);
      };
    },
  };
}

function tokenizeQuote(this: TokenizeContext, effects: Effects, ok: State): State {
  const self = this;
  return (code: Code) => {
    const after = afterElement(self);
    const token = effects.enter('kramdownSmartQuote');
    token._kramdownAfterElement = after;
    effects.consume(code);
    effects.exit('kramdownSmartQuote');
    return effects.check(readAhead(token), ok, ok);
  };
}

export const smartQuote: Construct = { name: 'kramdownSmartQuote', tokenize: tokenizeQuote };
export const SMART_QUOTE_CODES = [codes.quotationMark, codes.apostrophe];

// ------------------------------------------------------------------------------ the rules

/** Ruby's `\s` (ASCII), and what is not. */
const S = '[ \\t\\n\\v\\f\\r]';
const NOT_S = '[^ \\t\\n\\v\\f\\r]';
/** A word character for Ruby's `\b` on UTF-8 text: letters, marks, numbers, connectors. */
const WORD = '[\\p{L}\\p{M}\\p{N}\\p{Pc}]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NOT_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
/** `SQ_PUNCT`: ASCII punctuation. */
const PUNCT = '[!"#$%&\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]';
/** `SQ_CLOSE`: what a closing quote may follow. */
const CLOSE = '[^ \\\\\\t\\r\\n\\[{(\\-]';

type Subst = 'group' | 'lquote' | 'rquote' | '‘' | '’' | '“' | '”';

/** `SQ_RULES`, in kramdown's order; `group` is the text of the first group (the character before). */
const RULES: [RegExp, Subst[]][] = (
  [
    [`(["'])(?=[_*]{1,2}${NOT_S})`, ['lquote']],
    [`(["'])(?=${PUNCT}(?!\\.\\.)${NOT_BOUNDARY})`, ['rquote']],
    [`(${S}?)"'(?=\\w)`, ['group', '“', '‘']],
    [`(${S}?)'"(?=\\w)`, ['group', '‘', '“']],
    [`(${S}?)'(?=\\d\\ds)`, ['group', '’']],
    [`(${S})(['"])(?=\\w)`, ['group', 'lquote']],
    [`(${CLOSE})(['"])`, ['group', 'rquote']],
    [`(["'])(?=${S}|s${BOUNDARY}|$)`, ['rquote']],
    [`([\\s\\S]?)'`, ['group', '‘']],
    [`([\\s\\S]?)"`, ['group', '“']],
  ] as [string, Subst[]][]
).map(([source, substs]) => [new RegExp(source, 'uy'), substs]);

/**
 * What kramdown makes of a quote: `before` is the character its parser stands on before the quote
 * (`undefined` when it stands on the quote), `ahead` what follows the quote. Returns the text for
 * this quote and, when the rule took the next quote too (`"'` before a word, or a quote before a
 * quote with nothing before them), the text for that one.
 */
export function decideQuotes(before: string | undefined, quote: string, ahead: string): [string, string | undefined] {
  const text = (before ?? '') + quote + ahead;
  const at = before === undefined ? 0 : before.length;
  for (const [rule, substs] of RULES) {
    rule.lastIndex = 0;
    const match = rule.exec(text);
    if (!match) continue;
    const out: string[] = [];
    let index = 0;
    for (const subst of substs) {
      if (subst === 'group') {
        // The character before (already in the text), or the quote itself kept as typed.
        const group = match[1]!;
        if (index >= at && group) out.push(group);
        else if (index + group.length > at) out.push(text.slice(at, index + group.length));
        index += group.length;
        continue;
      }
      const char = text[index]!;
      const double = char === '"';
      if (subst === 'lquote') out.push(double ? '“' : '‘');
      else if (subst === 'rquote') out.push(double ? '”' : '’');
      else out.push(subst);
      index++;
    }
    return [out[0]!, out[1]];
  }
  // Every text holding a quote matches the last rule; kept for the type checker.
  return [quote, undefined];
}

/** What kramdown's emphasis, code span and link parsers take, element or not (see the header). */
const TAKEN = new Set(['*', '_', '`', '[']);

/** The last character of a text (a surrogate pair whole). */
function lastCharacter(value: string): string {
  const low = value.charCodeAt(value.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && value.length > 1 ? value.slice(-2) : value.slice(-1);
}

/**
 * The character kramdown's parser stands on before a token, from the node the token follows in
 * `parent`: the last character of a text that ends right there (unless kramdown's emphasis, code
 * span or link parser took it), a line end after a hard line break (kramdown's break takes the
 * spaces or the backslash, not the line end), and nothing after any other node.
 */
export function quoteBefore(parent: Parent, token: Token): string | undefined {
  if (token._kramdownAfterElement) return undefined;
  const last = parent.children[parent.children.length - 1];
  if (last?.type === 'break') return '\n';
  if (last?.type !== 'text') return undefined;
  const char = lastCharacter(last.value);
  // A line end, then the indentation micromark left out of the text (kramdown keeps some of
  // it): white space either way, and the rules tell no white space from another.
  if (char === '\n' || char === '\r') return '\n';
  if (last.position?.end.offset !== token.start.offset) return undefined;
  return char === '' || TAKEN.has(char) ? undefined : char;
}
