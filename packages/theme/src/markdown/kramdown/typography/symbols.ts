/**
 * kramdown's typographic symbols (kramdown 2.4, lib/kramdown/parser/kramdown/typographic_symbol.rb:
 * `TYPOGRAPHIC_SYMS`), as micromark text constructs. kramdown tries them in this order wherever
 * its span parser stands:
 *
 * - `---` an em dash, `--` an en dash: a longer run of hyphens is em dashes from the left, then an
 *   en dash or a plain hyphen (`----` is `—-`);
 * - `...` an ellipsis;
 * - `\<<` and `\>>` two angle brackets as typed (the escape covers both);
 * - `<< ` and ` >>` guillemets with a no-break space on the inside (`laquo_space`,
 *   `raquo_space`), `<<` and `>>` without; so `<<b>>` is `«b»` and no HTML tag.
 *
 * A backslash-escaped hyphen or dot (`\-\-`, `\.\.\.`) is micromark's character escape, read
 * before these constructs see the character: it stays as typed, as in kramdown.
 *
 * The token's text is what was typed; the mdast half (./index.ts) writes the symbol. A ` >>` is
 * marked when the space before it is plain text, which the symbol then takes.
 */
import type { Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownTypographicSymbol: 'kramdownTypographicSymbol';
  }
  interface Token {
    /** A `>>` with a plain space before it (kramdown's ` >>`). */
    _kramdownSpaceBefore?: boolean;
  }
}

/** `---` or `--`. */
function tokenizeDash(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const done: State = (code) => {
    effects.exit('kramdownTypographicSymbol');
    return ok(code);
  };
  const third: State = (code) => {
    if (code !== codes.dash) return done(code);
    effects.consume(code);
    return done;
  };
  const second: State = (code) => {
    if (code !== codes.dash) return nok(code);
    effects.consume(code);
    return third;
  };
  return (code) => {
    effects.enter('kramdownTypographicSymbol');
    effects.consume(code);
    return second;
  };
}

/** `...`. */
function tokenizeEllipsis(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const dots: State = (code) => {
    if (code !== codes.dot) return nok(code);
    effects.consume(code);
    if (++size < 3) return dots;
    effects.exit('kramdownTypographicSymbol');
    return ok;
  };
  return (code) => {
    effects.enter('kramdownTypographicSymbol');
    return dots(code);
  };
}

/** `<<`, `<< `, `>>` (marked when a plain space comes before it), `\<<` and `\>>`. */
function tokenizeAngles(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let angle = 0;
  let escaped = false;
  const done: State = (code) => {
    effects.exit('kramdownTypographicSymbol');
    return ok(code);
  };
  // `<< ` takes the space after it.
  const afterOpening: State = (code) => {
    if (code !== codes.space) return done(code);
    effects.consume(code);
    return done;
  };
  const second: State = (code) => {
    if (code !== angle) return nok(code);
    effects.consume(code);
    return angle === codes.lessThan && !escaped ? afterOpening : done;
  };
  const first: State = (code) => {
    if (code !== codes.lessThan && code !== codes.greaterThan) return nok(code);
    angle = code;
    effects.consume(code);
    return second;
  };
  return (code) => {
    const last = self.events[self.events.length - 1];
    const token = effects.enter('kramdownTypographicSymbol');
    token._kramdownSpaceBefore =
      code === codes.greaterThan && self.previous === codes.space && last?.[0] === 'exit' && last[1].type === 'data';
    if (code !== codes.backslash) return first(code);
    escaped = true;
    effects.consume(code);
    return first;
  };
}

const dash: Construct = { name: 'kramdownDash', tokenize: tokenizeDash };
const ellipsis: Construct = { name: 'kramdownEllipsis', tokenize: tokenizeEllipsis };
const angles: Construct = { name: 'kramdownGuillemet', tokenize: tokenizeAngles };

/** The constructs by the character they start with; with `smart` off, only the angle brackets. */
export function symbolConstructs(smart: boolean): Record<number, Construct> {
  const always = { [codes.lessThan]: angles, [codes.greaterThan]: angles, [codes.backslash]: angles };
  return smart ? { ...always, [codes.dash]: dash, [codes.dot]: ellipsis } : always;
}
