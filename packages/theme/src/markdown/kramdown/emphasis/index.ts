/**
 * Emphasis delimiters as kramdown reads them (kramdown 2.4, lib/kramdown/parser/kramdown/emphasis.rb),
 * in place of CommonMark's flanking rules: a run of `*` opens unless white space follows it and
 * closes unless white space comes before it, whatever punctuation is around. CommonMark refuses
 * to close `**일(Work)**은` (punctuation before, a letter after), which Korean writing does all the
 * time: kramdown shows it bold, and so does a Chirpy post. `_` keeps kramdown's word rule: it does
 * not open after a letter, nor close before a letter or digit.
 *
 * Only which runs may open or close changes; pairing them up is micromark's own (its `attention`
 * resolver), so nesting and `***` work as before.
 */
import { attention } from 'micromark-core-commonmark';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { isWhiteSpace } from '../shared/codes.ts';
import type { Data, Processor } from 'unified';
import { codes } from 'micromark-util-symbol';

/** Ruby's `\s`, or the start or end of the paragraph. */
const isWhiteSpaceOrEdge = (code: Code): boolean => code === null || isWhiteSpace(code);
const isLetter = (code: Code): boolean => code !== null && code > 0 && /\p{L}/u.test(String.fromCodePoint(code));
const isLetterOrDigit = (code: Code): boolean =>
  code !== null && code > 0 && /[\p{L}\p{N}]/u.test(String.fromCodePoint(code));

function tokenizeEmphasis(this: TokenizeContext, effects: Effects, ok: State): State {
  const before = this.previous;
  let marker: Code = null;
  const inside: State = (code) => {
    if (code === marker) {
      effects.consume(code);
      return inside;
    }
    const token = effects.exit('attentionSequence');
    let open = !isWhiteSpaceOrEdge(code);
    let close = !isWhiteSpaceOrEdge(before);
    if (marker === codes.underscore) {
      if (isLetter(before)) open = false;
      if (isLetterOrDigit(code)) close = false;
    }
    token._open = open;
    token._close = close;
    return ok(code);
  };
  return (code) => {
    marker = code;
    effects.enter('attentionSequence');
    return inside(code);
  };
}

const kramdownAttention: Construct = {
  name: 'kramdownAttention',
  tokenize: tokenizeEmphasis,
  resolveAll: attention.resolveAll!,
};

export function remarkKramdownEmphasis(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: unknown[] };
  const extension: Extension = {
    disable: { null: ['attention'] },
    text: { [codes.asterisk]: kramdownAttention, [codes.underscore]: kramdownAttention },
  };
  (data.micromarkExtensions ??= []).push(extension);
}
