/**
 * Where math begins and ends, by kramdown's rules (kramdown 2.4, lib/kramdown/parser/kramdown/math.rb),
 * as a micromark extension: the syntax half of `remarkKramdownMath`.
 *
 * - **Block math** (`mathFlow`): at a block boundary (first in its container, or after a blank
 *   line), `$$` opens and the *first* `$$` after it closes, across lines and blank lines, with TeX
 *   before and after on the delimiter lines (`$$ \begin{aligned}` … `\end{aligned} $$`). Only
 *   white space may follow the closing `$$` on its line, and the next line must be blank (or the
 *   end of the container, or a `{: …}` attribute list). Otherwise it is not a block: kramdown reads
 *   the lines as a paragraph, and the span rule below applies.
 * - **Span math** (`mathText`): in running text, `$$` opens and the first `$$` after it closes,
 *   across line ends within the paragraph; the TeX between is taken as written (no Markdown).
 * - `\$$…$$` alone on the first line of a paragraph is span math (kramdown's escape for a list
 *   item that would otherwise be block math). Anywhere else kramdown drops the backslash and
 *   leaves `$$…$$` in the page, which MathJax renders in display style: the token is marked
 *   `chirpyDisplay`. Elsewhere `\$` is a literal dollar sign.
 * - Single `$…$` is not kramdown's: Chirpy's MathJax finds it in the published page. It is read as
 *   MathJax reads it (`\x` skips a character, braces nest, the first `$` outside braces closes;
 *   the dollars of a `$$…$$` span on the way close nothing, as kramdown made it `\(…\)` first;
 *   a code span starting inside breaks it, as kramdown reads code spans there).
 * - On a post without math (the `singleDollar` answer of kramdownMath), Chirpy loads no MathJax:
 *   only kramdown's own math is read, `$$…$$` and the `\$$…$$` that kramdown makes span math (alone
 *   on the first line of a paragraph). A single `$` is text, `\$` kramdown's escaped dollar, and
 *   the Markdown around them is read as kramdown reads it.
 *
 * - A line of `=` or `-` under a paragraph is no setext underline while a `$$…$$` span the
 *   paragraph opened is still open: kramdown reads such a line as part of the paragraph (its
 *   setext headers are one line of text, and a paragraph runs on over `=` and `-` lines), so the
 *   formula goes on over it (`The loss is\n$$\nf\n=\n…\n$$` is one paragraph with one formula).
 *   Nor does a rule (`***`, `___`, `---`) break the paragraph there: a kramdown paragraph ends at
 *   a list, a quote, a heading or a fence, not at a rule.
 *
 * Tokens: `kramdownMathFlow` and `kramdownMathText`, each holding `kramdownMathMarker` (the
 * delimiters) and `kramdownMathValue` (the TeX), and `kramdownMathInnerSpan` around a `$$…$$` span
 * inside single-dollar math; the mdast half is in markdown/kramdown/math/index.ts.
 */
import { setextUnderline } from 'micromark-core-commonmark';
import type { Code, Construct, Effects, Event, Extension, State, TokenizeContext } from 'micromark-util-types';
import { isLineEnding, isSpace, isWhiteSpace } from '../shared/codes.ts';
import { readRest, textState, type TextScan } from '../shared/text-scan.ts';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownMathFlow: 'kramdownMathFlow';
    kramdownMathText: 'kramdownMathText';
    kramdownMathMarker: 'kramdownMathMarker';
    kramdownMathValue: 'kramdownMathValue';
    kramdownMathInnerSpan: 'kramdownMathInnerSpan';
  }
}

/** kramdown's `after_block_boundary?`: nothing before in this container, or a blank line. */
function afterBlockBoundary(events: Event[]): boolean {
  for (let index = events.length - 1; index >= 0; index--) {
    const type = events[index]![1].type;
    if (type === 'linePrefix' || type === 'whitespace') continue;
    return type === 'lineEndingBlank';
  }
  return true;
}

/** The last thing read was a whole formula. */
function afterFormula(events: Event[]): boolean {
  const last = events[events.length - 1];
  return last !== undefined && last[0] === 'exit' && last[1].type === 'kramdownMathText';
}

/**
 * A line ending inside block math. Unlike a code fence, the math goes on over a lazy line (one
 * without the quote's `>`): kramdown's quotes and list items take such lines as their own.
 */
const mathLineEnding: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return (code) => {
      if (!isLineEnding(code)) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return ok;
    };
  },
};

/** The characters kramdown's GFM parser unescapes (kramdown-parser-gfm 1.1, `ESCAPED_CHARS_GFM`). */
const KRAMDOWN_ESCAPABLE = new Set([...'\\.*_+`<>()[]{}#!:|"\'$=-~'].map((char) => char.charCodeAt(0)));

/** Two characters here, as one `kramdownMathMarker` (a look-ahead for `$$` and `\$`). */
function pair(first: number, second: number): Construct {
  return {
    partial: true,
    tokenize(effects, ok, nok) {
      return (code) => {
        if (code !== first) return nok(code);
        effects.enter('kramdownMathMarker');
        effects.consume(code);
        return (next: Code) => {
          if (next !== second) return nok(next);
          effects.consume(next);
          effects.exit('kramdownMathMarker');
          return ok;
        };
      };
    },
  };
}

/** `\$` here. */
const escapedDollar = pair(codes.backslash, codes.dollarSign);
/** `$$` here. */
const twoDollars = pair(codes.dollarSign, codes.dollarSign);

/**
 * Reads on to the first run of `size` `marker`s in the paragraph: `ok` after it, `nok` at its end
 * (and the paragraph is marked as read to its end for nothing: see markdown/kramdown/shared/text-scan.ts).
 */
function untilRun(
  context: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
  marker: number,
  size: number,
): State {
  let run = 0;
  const content = (code: Code): State | undefined => {
    if (code === null) {
      textState(context).exhausted = true;
      return nok(code);
    }
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      run = 0;
      return content;
    }
    effects.enter('kramdownMathValue');
    effects.consume(code);
    effects.exit('kramdownMathValue');
    run = code === marker ? run + 1 : 0;
    return run === size ? ok : content;
  };
  return content;
}

/**
 * A kramdown code span here: a run of backticks with as many following before the paragraph
 * ends (markdown/kramdown/code-spans/index.ts reads it the same way), and not a lone backtick between
 * white space.
 */
const codeSpanAhead: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const before = this.previous;
    let size = 0;
    const white = (value: Code) => value === null || isWhiteSpace(value);
    const opening = (code: Code): State | undefined => {
      if (code === codes.graveAccent) {
        effects.enter('kramdownMathValue');
        effects.consume(code);
        effects.exit('kramdownMathValue');
        size++;
        return opening;
      }
      if (size === 1 && white(before) && code !== null && white(code)) return nok(code);
      return untilRun(this, effects, ok, nok, codes.graveAccent, size)(code);
    };
    return opening;
  },
};

/** A whole `$$…$$` span here: `$$`, then a closing `$$` before the paragraph ends. */
const spanAhead: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return (code) => effects.attempt(twoDollars, untilRun(this, effects, ok, nok, codes.dollarSign, 2), nok)(code);
  },
};

/**
 * kramdown's `before_block_boundary?` after a closing `$$` and its line ending: a blank line,
 * the end of the container, or a block attribute list (`{: …}`).
 */
const blockBoundaryAfter: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return (code) => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return space;
    };
    function space(code: Code): State | undefined {
      if (isSpace(code)) {
        effects.enter('whitespace');
        effects.consume(code);
        effects.exit('whitespace');
        return space;
      }
      if (code === null || isLineEnding(code)) return ok(code);
      // What blockMathAhead already let through: the next item of the list the math is in
      // (a nested list item does not end the container for micromark here), and `^`.
      if (code === 42 || code === 43 || code === 45 || (code >= 48 && code <= 57) || code === 94) return ok(code);
      if (code === codes.leftCurlyBrace) {
        effects.enter('data');
        effects.consume(code);
        return (next: Code) => {
          if (next !== codes.colon) return nok(next);
          effects.consume(next);
          effects.exit('data');
          return (after: Code) => (after === codes.colon || after === codes.slash ? nok(after) : ok(after));
        };
      }
      return nok(code);
    }
  },
};

/**
 * Whether a `$$` at `offset` of the document opens block math, read ahead in the source: the
 * first `$$` after it must end its line, and the next line must be blank (inside a quote, `>`
 * alone), a `{: …}` attribute list, the end of the document, or, for math in a list item, the
 * next item (the end of the item's text in kramdown). This is decided before the block crosses
 * a line, because a block (like a code fence) keeps lists and quotes from starting inside it,
 * and a failed attempt would leave those lines unparsed.
 */
export function blockMathAhead(source: string, offset: number): boolean {
  const close = closingAfter(source, offset + 2);
  if (close === undefined) return false;
  if (close.ends !== 'item') return close.ends;
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const prefix = source.slice(lineStart, offset);
  const inListItem =
    /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(prefix) || /^(?:\t|[ \t]{2,})[ \t]*$/.test(prefix);
  return inListItem;
}

/**
 * Where a block that opens before `from` would close: the first `$$` from there, and whether what
 * follows it ends a block (`'item'`: only inside a list, the next line being an item). Every `$$`
 * at a block boundary asks, and each would read the document on to its next `$$` and that line
 * again: the answer is kept while the questions come from before the same `$$`.
 */
function closingAfter(source: string, from: number): { at: number; ends: boolean | 'item' } | undefined {
  const last = lastClosing;
  if (last && last.source === source && from >= last.from && (last.at === undefined || from <= last.at.at)) {
    return last.at;
  }
  const at = source.indexOf('$$', from);
  const closing = at < 0 ? undefined : { at, ends: blockEndsAfter(source, at) };
  lastClosing = { source, from, at: closing };
  return closing;
}

let lastClosing: { source: string; from: number; at: { at: number; ends: boolean | 'item' } | undefined } | undefined;

/** Whether what follows the `$$` at `close` ends a block (see blockMathAhead). */
function blockEndsAfter(source: string, close: number): boolean | 'item' {
  const after = /^[ \t]*(?:\r?\n|$)/.exec(source.slice(close + 2));
  if (!after) return false;
  if (!after[0].endsWith('\n')) return true; // the end of the document
  const rest = source.slice(close + 2 + after[0].length);
  const next = /^[^\n]*/.exec(rest)![0].replace(/^(?:[ \t]*>)*[ \t]*/, '');
  if (/^\s*$/.test(next) || /^\{:(?![:/])/.test(next) || /^\^\s*$/.test(next)) return true;
  return /^(?:[-*+]|\d+[.)])(?:[ \t]|$)/.test(next) ? 'item' : false;
}

function tokenizeMathFlow(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
  source: () => string | undefined,
): State {
  const self = this;
  let boundaryKnown = false;
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.dollarSign || self.interrupt || !afterBlockBoundary(self.events)) return nok(code);
    const document = source();
    if (document !== undefined) {
      if (!blockMathAhead(document, self.now().offset)) return nok(code);
      // The boundary after the block is settled: the block must not look at the next line itself,
      // or micromark decides that line's lists and quotes while the block still holds it.
      boundaryKnown = true;
    }
    effects.enter('kramdownMathFlow');
    effects.enter('kramdownMathMarker');
    effects.consume(code);
    return openSecond;
  }
  function openSecond(code: Code): State | undefined {
    if (code !== codes.dollarSign) return nok(code);
    effects.consume(code);
    effects.exit('kramdownMathMarker');
    return content;
  }
  function content(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (isLineEnding(code)) return effects.attempt(mathLineEnding, content, nok)(code);
    if (code === codes.dollarSign) return effects.check(twoDollars, close, valueStart)(code);
    return valueStart(code);
  }
  function valueStart(code: Code): State | undefined {
    effects.enter('kramdownMathValue');
    effects.consume(code);
    return value;
  }
  function value(code: Code): State | undefined {
    if (code === null || isLineEnding(code) || code === codes.dollarSign) {
      effects.exit('kramdownMathValue');
      return content(code);
    }
    effects.consume(code);
    return value;
  }
  function close(code: Code): State | undefined {
    effects.enter('kramdownMathMarker');
    effects.consume(code);
    return (next: Code) => {
      effects.consume(next);
      effects.exit('kramdownMathMarker');
      effects.exit('kramdownMathFlow');
      return trailing;
    };
  }
  // Only white space may follow on the closing line, and then a block boundary.
  function trailing(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.enter('whitespace');
      return trailingSpace(code);
    }
    if (code === null) return ok(code);
    if (isLineEnding(code)) return boundaryKnown ? ok(code) : effects.check(blockBoundaryAfter, ok, nok)(code);
    return nok(code);
  }
  function trailingSpace(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return trailingSpace;
    }
    effects.exit('whitespace');
    return trailing(code);
  }
}

/** Only white space up to the end of the line (kramdown's `(\s*?\n)` after a block's `$$`). */
const restOfLineBlank: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const rest = (code: Code): State | undefined => {
      if (code === null || isLineEnding(code)) return ok(code);
      if (!isSpace(code)) return nok(code);
      effects.enter('whitespace');
      effects.consume(code);
      effects.exit('whitespace');
      return rest;
    };
    return rest;
  },
};

const NONE = -1;

/**
 * The single-dollar rule (`single` and the states after it in tokenizeMathText) over the rest of a
 * paragraph read at once, in one pass from its end, so that a `$` that opens no formula is known
 * without reading on to the end from it. Indexes are into `scan.codes`.
 */
interface SingleDollarTables {
  /** For TeX beginning at `index`, outside braces: the index of the `$` or `\$` that closes it, or NONE. */
  close: Int32Array;
  /** Whether a code span starts at the backtick at `index`, which ends the formula it is in. */
  codeSpan(index: number): boolean;
}

const tablesOf = new WeakMap<TextScan, SingleDollarTables>();

function singleDollarTables(scan: TextScan): SingleDollarTables {
  const known = tablesOf.get(scan);
  if (known) return known;
  const { codes: text } = scan;
  const n = text.length;
  const { run, longest } = scan.backticks();
  const at = (index: number): Code => (index < n ? text[index]! : null);
  // codeSpanAhead: not a lone backtick between white space, and a run as long after it.
  const codeSpan = (index: number): boolean => {
    const size = run[index]!;
    const white = (value: Code) => value === null || isWhiteSpace(value);
    if (size === 1 && white(scan.previous(index)) && at(index + 1) !== null && white(at(index + 1))) return false;
    return longest[index + size]! >= size;
  };
  // `pair[i]`: where the first `$$` at or after `i` begins.
  const pair = new Int32Array(n + 3).fill(NONE);
  // `group[i]`: inside braces opened just before `i`, the index after the brace that closes them.
  const group = new Int32Array(n + 3).fill(NONE);
  const close = new Int32Array(n + 3).fill(NONE);
  // After a group that ends at `end` (or does not end), what follows.
  const after = (table: Int32Array, end: number) => (end === NONE ? NONE : table[end]!);
  for (let index = n - 1; index >= 0; index--) {
    const code = text[index]!;
    pair[index] = code === codes.dollarSign && at(index + 1) === codes.dollarSign ? index : pair[index + 1]!;
    if (code === codes.graveAccent) {
      const spans = codeSpan(index);
      group[index] = spans ? NONE : group[index + run[index]!]!;
      close[index] = spans ? NONE : close[index + run[index]!]!;
    } else if (code === codes.leftCurlyBrace) {
      group[index] = after(group, group[index + 1]!);
      close[index] = after(close, group[index + 1]!);
    } else if (code === codes.rightCurlyBrace) {
      group[index] = index + 1;
      close[index] = close[index + 1]!;
    } else if (code === codes.dollarSign) {
      // Outside braces a `$` closes, unless a whole `$$…$$` span starts here.
      group[index] = group[index + 1]!;
      const span = at(index + 1) === codes.dollarSign ? pair[index + 2]! : NONE;
      close[index] = span === NONE ? index : close[span + 2]!;
    } else if (code === codes.backslash) {
      // `\x` as `backslash` reads it: one character, two, or (after `\\`) three.
      const next = at(index + 1);
      if (next === null || isLineEnding(next) || !KRAMDOWN_ESCAPABLE.has(next)) {
        const skip = next === null || isLineEnding(next) ? 1 : 2;
        group[index] = group[index + skip]!;
        close[index] = close[index + skip]!;
      } else if (next === codes.leftCurlyBrace) {
        group[index] = after(group, group[index + 2]!);
        close[index] = after(close, group[index + 2]!);
      } else if (next === codes.rightCurlyBrace) {
        group[index] = index + 2;
        close[index] = close[index + 2]!;
      } else {
        const third = at(index + 2);
        const skip = next === codes.backslash && third !== null && !isLineEnding(third) ? 3 : 2;
        group[index] = group[index + skip]!;
        close[index] = close[index + skip]!;
      }
      // Outside braces `\$` closes.
      if (next === codes.dollarSign) close[index] = index;
    } else {
      group[index] = group[index + 1]!;
      close[index] = close[index + 1]!;
    }
  }
  const tables = { close, codeSpan };
  tablesOf.set(scan, tables);
  return tables;
}

/** Set on a `kramdownMathText` token that MathJax shows in display style. */
export interface MathTextToken {
  chirpyDisplay?: boolean;
}

function tokenizeMathText(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
  singleDollar: () => boolean,
): State {
  const self = this;
  const text = textState(self);
  /** Single-dollar math (MathJax's) is read: the post has math. */
  let singles = true;
  let depth = 0;
  let escaped: { token: MathTextToken; atStart: boolean } | undefined;
  /** Where the formula's first delimiter is, in the document. */
  let from = 0;
  return start;

  /** No formula here, after reading on (to the end of the paragraph, or to a code span). */
  function fail(code: Code): State | undefined {
    text.exhausted = true;
    return nok(code);
  }
  /**
   * Once a formula in this paragraph failed, or a look-ahead read to its end, the rest of the
   * paragraph is read at once and the single-dollar rule answered from it (SingleDollarTables):
   * reading on from every `$` of a run such as `${${${…` would cost the paragraph's length each.
   */
  function scanned(offset: number): { scan: TextScan; index: number } | undefined {
    const index = text.scan?.indexAt(offset);
    return index === undefined ? undefined : { scan: text.scan!, index };
  }
  /** Whether single-dollar TeX `skip` codes after the first delimiter can close (unknown: true). */
  function canClose(skip: number): boolean {
    const known = scanned(from);
    return !known || singleDollarTables(known.scan).close[known.index + skip] !== NONE;
  }

  function start(code: Code): State | undefined {
    from = self.now().offset;
    singles = singleDollar();
    if (!singles) {
      // Only kramdown's math: `$$`, and `\$$` where it can be span math (first in the paragraph).
      return code === codes.backslash && self.previous !== null ? nok(code) : open(code);
    }
    if (text.exhausted && !scanned(from) && !refused(code)) return effects.check(readRest, open, open)(code);
    return open(code);
  }
  // A `$` right after another is part of a `$$` that did not open math; right after a formula's
  // closing `$` it is free (MathJax pairs it with the next one). After `\\` (kramdown's escaped
  // backslash) MathJax reads `\$`: a literal dollar.
  function refused(code: Code): boolean {
    if (code !== codes.dollarSign) return false;
    return self.previous === codes.backslash || (self.previous === codes.dollarSign && !afterFormula(self.events));
  }
  function open(code: Code): State | undefined {
    if (code === codes.backslash) {
      escaped = { token: effects.enter('kramdownMathText') as MathTextToken, atStart: self.previous === null };
      effects.enter('kramdownMathMarker');
      effects.consume(code);
      return (next: Code) => (next === codes.dollarSign ? escapedFirst(next) : nok(next));
    }
    if (code !== codes.dollarSign || refused(code)) return nok(code);
    effects.enter('kramdownMathText');
    effects.enter('kramdownMathMarker');
    effects.consume(code);
    return afterFirst;
  }
  function escapedFirst(code: Code): State | undefined {
    effects.consume(code);
    return (next: Code) => {
      if (next === codes.dollarSign) return double(next);
      // `\$`: kramdown leaves `$` in the page, and MathJax pairs it like any other.
      if (!singles) return nok(next);
      escaped = undefined;
      if (!canClose(2)) return fail(next);
      effects.exit('kramdownMathMarker');
      return single(next);
    };
  }
  function afterFirst(code: Code): State | undefined {
    if (code === codes.dollarSign) return double(code);
    if (!singles) return nok(code);
    if (!canClose(1)) return fail(code);
    effects.exit('kramdownMathMarker');
    return single(code);
  }

  // `$$…$$`: raw TeX up to the first `$$`.
  function double(code: Code): State | undefined {
    effects.consume(code);
    effects.exit('kramdownMathMarker');
    return doubleContent;
  }
  function doubleContent(code: Code): State | undefined {
    if (code === null) return fail(code);
    if (code === codes.dollarSign) return effects.check(twoDollars, doubleClose, doubleValueStart)(code);
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return doubleContent;
    }
    return doubleValueStart(code);
  }
  function doubleValueStart(code: Code): State | undefined {
    effects.enter('kramdownMathValue');
    effects.consume(code);
    return doubleValue;
  }
  function doubleValue(code: Code): State | undefined {
    if (code === null || code === codes.dollarSign || isLineEnding(code)) {
      effects.exit('kramdownMathValue');
      return doubleContent(code);
    }
    effects.consume(code);
    return doubleValue;
  }
  function doubleClose(code: Code): State | undefined {
    effects.enter('kramdownMathMarker');
    effects.consume(code);
    return (next: Code) => {
      effects.consume(next);
      effects.exit('kramdownMathMarker');
      if (!escaped) {
        effects.exit('kramdownMathText');
        return ok;
      }
      return escapedEnd;
    };
  }
  // `\$$…$$`: span math only when it opens the paragraph and ends its line. Anywhere else kramdown
  // leaves `$$…$$` for MathJax: without MathJax, no formula.
  function escapedEnd(code: Code): State | undefined {
    const inline = () => finish(false);
    const display = () => (singles ? finish(true) : nok);
    if (!escaped!.atStart) return display()(code);
    return effects.check(restOfLineBlank, inline(), display())(code);
  }
  function finish(display: boolean): State {
    return (code) => {
      escaped!.token.chirpyDisplay = display;
      effects.exit('kramdownMathText');
      return ok(code);
    };
  }

  // `$…$` as MathJax finds it in what kramdown leaves: kramdown unescapes `\x` for its escapable
  // characters first (so `\$` closes and `\{` opens a brace), then MathJax skips `\x` pairs and
  // nests braces; the first `$` outside braces closes.
  function single(code: Code): State | undefined {
    if (code === null) return fail(code);
    if (code === codes.dollarSign && depth === 0) return effects.check(spanAhead, span, singleClose)(code);
    if (code === codes.backslash && depth === 0)
      return effects.check(escapedDollar, singleClose, singleValueStart)(code);
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return single;
    }
    return singleValueStart(code);
  }
  function singleClose(code: Code): State | undefined {
    effects.enter('kramdownMathMarker');
    effects.consume(code);
    if (code === codes.backslash) {
      return (next: Code) => {
        effects.consume(next);
        return singleClosed;
      };
    }
    return singleClosed;
  }
  function singleClosed(code: Code): State | undefined {
    effects.exit('kramdownMathMarker');
    effects.exit('kramdownMathText');
    return ok(code);
  }
  function singleValueStart(code: Code): State | undefined {
    effects.enter('kramdownMathValue');
    return singleValue(code);
  }
  function singleValue(code: Code): State | undefined {
    // kramdown reads code spans inside `$…$` (it is no math to kramdown): a code span that starts
    // here takes the dollar after it, and MathJax finds no formula.
    if (code === codes.graveAccent) {
      const known = scanned(self.now().offset);
      if (known) return singleDollarTables(known.scan).codeSpan(known.index) ? fail(code) : backtickRun(code);
      if (text.exhausted) return effects.check(readRest, singleValue, singleValue)(code);
      return effects.check(codeSpanAhead, fail, backtickRun)(code);
    }
    if (
      code === null ||
      isLineEnding(code) ||
      (depth === 0 && (code === codes.dollarSign || code === codes.backslash))
    ) {
      if (code === codes.backslash) return effects.check(escapedDollar, endValue, backslash)(code);
      return endValue(code);
    }
    return backslash(code);
  }
  // A `$$…$$` span on the way: kramdown turned it into `\(…\)` before MathJax looked for the
  // closing `$`, so its dollars close nothing; it is part of this formula's TeX.
  function span(code: Code): State | undefined {
    effects.enter('kramdownMathInnerSpan');
    effects.enter('kramdownMathValue');
    effects.consume(code);
    return (next: Code) => {
      effects.consume(next);
      return spanContent;
    };
  }
  function spanContent(code: Code): State | undefined {
    if (code === null) return fail(code);
    if (code === codes.dollarSign) return effects.check(twoDollars, spanClose, spanCharacter)(code);
    if (isLineEnding(code)) {
      effects.exit('kramdownMathValue');
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      effects.enter('kramdownMathValue');
      return spanContent;
    }
    return spanCharacter(code);
  }
  function spanCharacter(code: Code): State | undefined {
    effects.consume(code);
    return spanContent;
  }
  function spanClose(code: Code): State | undefined {
    effects.consume(code);
    return (next: Code) => {
      effects.consume(next);
      effects.exit('kramdownMathValue');
      effects.exit('kramdownMathInnerSpan');
      return single;
    };
  }
  function backtickRun(code: Code): State | undefined {
    if (code !== codes.graveAccent) return singleValue(code);
    effects.consume(code);
    return backtickRun;
  }
  function endValue(code: Code): State | undefined {
    effects.exit('kramdownMathValue');
    return single(code);
  }
  function backslash(code: Code): State | undefined {
    if (code === codes.leftCurlyBrace) depth++;
    else if (code === codes.rightCurlyBrace && depth > 0) depth--;
    effects.consume(code);
    if (code !== codes.backslash) return singleValue;
    return (next: Code) => {
      if (next === null || isLineEnding(next)) return singleValue(next);
      if (!KRAMDOWN_ESCAPABLE.has(next)) {
        // MathJax's `\x`: a macro letter or an escaped character, skipped whole.
        effects.consume(next);
        return singleValue;
      }
      // kramdown turns `\x` into `x`; the `x` then counts as MathJax sees it.
      if (next === codes.leftCurlyBrace) depth++;
      else if (next === codes.rightCurlyBrace && depth > 0) depth--;
      effects.consume(next);
      if (next !== codes.backslash) return singleValue;
      // `\\` is one `\` for MathJax, which then skips the character after it.
      return (after: Code) => {
        if (after === null || isLineEnding(after)) return singleValue(after);
        effects.consume(after);
        return singleValue;
      };
    };
  }
}

/** How far a scan of a paragraph for `$$` got: where, whether a span is open, whether it is sure. */
interface SpanScan {
  to: number;
  open: boolean;
  /** A backtick run found no closing run before `to`: reading on could change the answer. */
  unsure: boolean;
}

function scanSpans(text: string, from: number, state: SpanScan): SpanScan {
  let { open, unsure } = state;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '$' && text[index + 1] === '$') {
      open = !open;
      index++;
    } else if (char === '`' && !open) {
      let end = index;
      while (text[end] === '`') end++;
      const run = text.slice(index, end);
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = end;
      const found = close.exec(text);
      if (!found) unsure = true;
      index = (found ? found.index + run.length : end) - 1;
    }
  }
  return { to: text.length, open, unsure };
}

/**
 * Whether `text` (a paragraph up to a line) leaves a `$$…$$` span open: each `$$` opens or closes
 * one, outside code spans (a backtick run closed by a run as long); inside a span, backticks are TeX.
 */
export function openDollarSpan(text: string): boolean {
  return scanSpans(text, 0, { to: 0, open: false, unsure: false }).open;
}

/** Where the paragraph the flow is in began (the `content` or `paragraph` token before the line). */
function paragraphStart(events: Event[]): number | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index]![1];
    if (token.type === 'content' || token.type === 'paragraph') return token.start.offset;
  }
  return undefined;
}

/**
 * The scan of the paragraph asked about last, so that a paragraph of many `-` or `=` lines is read
 * once, line by line, not again from its start at each line.
 */
let lastScan: { document: string; start: number; scan: SpanScan } | undefined;

/** Whether the paragraph the flow is in has a `$$…$$` span open at this line. */
function inOpenSpan(context: TokenizeContext, document: string | undefined): boolean {
  const start = document === undefined ? undefined : paragraphStart(context.events);
  if (document === undefined || start === undefined) return false;
  const offset = context.now().offset;
  const known =
    lastScan && lastScan.document === document && lastScan.start === start && lastScan.scan.to <= offset
      ? lastScan.scan
      : undefined;
  const text = document.slice(start, offset);
  const scan =
    known && !known.unsure
      ? scanSpans(text, known.to - start, known)
      : scanSpans(text, 0, { to: 0, open: false, unsure: false });
  const absolute = { ...scan, to: start + scan.to };
  lastScan = { document, start, scan: absolute };
  return scan.open;
}

/** micromark's setext underline, refused inside a `$$…$$` span (see the top of the file). */
function kramdownSetextUnderline(source: () => string | undefined): Construct {
  return {
    name: 'kramdownSetextUnderline',
    resolveTo: setextUnderline.resolveTo!,
    tokenize(effects, ok, nok) {
      const self = this;
      const underline = setextUnderline.tokenize.call(self, effects, ok, nok);
      return (code: Code): State | undefined => (inOpenSpan(self, source()) ? nok(code) : underline(code));
    },
  };
}

/**
 * A rule (`***`, `___`, `---`) may not interrupt a paragraph inside a `$$…$$` span, unless the
 * line starts a list for kramdown too (`- - -`, `* * *`). micromark's thematic break cannot be
 * turned off for good (its list construct asks it whether a line is a rule, by name), so it sits
 * out only the one attempt: the first construct tried at a rule's first character turns it off,
 * and the last one (`add: 'after'`) turns it on again.
 */
function ruleInSpan(source: () => string | undefined): { first: Construct; last: Construct } {
  const off = new WeakSet<object>();
  const first: Construct = {
    name: 'kramdownRuleInSpan',
    tokenize(_effects, _ok, nok) {
      const self = this;
      return (code: Code): State | undefined => {
        // Always there: micromark fills in its defaults.
        const disabled = self.parser.constructs.disable.null!;
        if (!self.interrupt || disabled.includes('thematicBreak')) return nok(code);
        const document = source();
        const offset = self.now().offset;
        const listLine = document !== undefined && /^[+*-][ \t]/.test(document.slice(offset, offset + 2));
        if (!listLine && inOpenSpan(self, document)) {
          disabled.push('thematicBreak');
          off.add(self.parser);
        }
        return nok(code);
      };
    },
  };
  const last: Construct = {
    name: 'kramdownRuleInSpanEnd',
    add: 'after',
    tokenize(_effects, _ok, nok) {
      const self = this;
      return (code: Code): State | undefined => {
        if (off.has(self.parser)) {
          off.delete(self.parser);
          const disabled = self.parser.constructs.disable.null!;
          disabled.splice(disabled.lastIndexOf('thematicBreak'), 1);
        }
        return nok(code);
      };
    },
  };
  return { first, last };
}

/**
 * The micromark extension: block math in flow, span math (and `\$$`) in text, and setext
 * underlines that know about span math. `source` gives the
 * document being parsed, for the block's look-ahead (blockMathAhead); without it, the block is
 * judged line by line as it is read. `singleDollar` says whether the post being parsed has math,
 * so that MathJax's single-dollar formulas are read (asked at each formula; by default, yes).
 */
export function kramdownMath(source: () => string | undefined, singleDollar: () => boolean = () => true): Extension {
  const mathFlow: Construct = {
    name: 'kramdownMathFlow',
    concrete: true,
    tokenize(effects, ok, nok) {
      return tokenizeMathFlow.call(this, effects, ok, nok, source);
    },
  };
  const mathText: Construct = {
    name: 'kramdownMathText',
    tokenize(effects, ok, nok) {
      return tokenizeMathText.call(this, effects, ok, nok, singleDollar);
    },
  };
  const setext = kramdownSetextUnderline(source);
  const rule = ruleInSpan(source);
  const rules = [rule.first, rule.last];
  return {
    disable: { null: ['setextUnderline'] },
    flow: {
      [codes.dollarSign]: mathFlow,
      [codes.asterisk]: rules,
      [codes.dash]: [setext, ...rules],
      [codes.equalsTo]: setext,
      [codes.underscore]: rules,
    },
    text: { [codes.dollarSign]: mathText, [codes.backslash]: mathText },
  };
}
