/**
 * Code spans as kramdown reads them (kramdown 2.4, lib/kramdown/parser/kramdown/codespan.rb),
 * replacing micromark's CommonMark construct:
 *
 * - the opening run of backticks closes at the *first* place the same number of backticks
 *   follow one another, even inside a longer run (CommonMark wants a run of exactly that length):
 *   in ``a `x` and ``b``'' the single backtick closes at the first of the two;
 * - what is left of a run after a span closed may open the next span;
 * - a lone backtick with white space (or the start of the paragraph) before it and white space
 *   after it is a plain backtick;
 * - a span of two or more backticks drops one space after the opening and one before the closing
 *   run, each on its own; a span of one backtick keeps its spaces (CommonMark drops a space on
 *   both sides, and only when both are there).
 *
 * A Chirpy post shows code spans as kramdown made them, and a stray backtick pairs with the same
 * backtick kramdown paired it with (which decides whether the `$…$` after it is math or code).
 * Tokens are micromark's own (`codeText`, `codeTextSequence`, `codeTextData`,
 * `codeTextPadding`), so the rest of the pipeline reads them as before.
 */
import type { Code, Construct, Effects, Event, Extension, State, Token, TokenizeContext } from 'micromark-util-types';
import { isLineEnding, isWhiteSpace } from '../shared/codes.ts';
import { readRest, textState } from '../shared/text-scan.ts';
import type { Data, Processor } from 'unified';
import { codes } from 'micromark-util-symbol';

/** Whether a run of backticks may open a span here: not in the middle of a run. */
function previous(this: TokenizeContext, code: Code): boolean {
  if (code !== codes.graveAccent) return true;
  const last = this.events[this.events.length - 1]?.[1].type;
  // An escaped backtick, or the rest of a run whose first backticks closed a span.
  return last === 'characterEscape' || last === 'codeText';
}

/** kramdown's padding rule, then every space becomes data (micromark's compiler reads only data). */
function resolve(events: Event[]): Event[] {
  const opening = events[1]![1];
  const size = opening.end.offset - opening.start.offset;
  let head = 3;
  let tail = events.length - 4;
  if (size > 1) {
    if (head < tail && events[head]![1].type === 'space') {
      events[head]![1].type = 'codeTextPadding';
      head += 2;
    }
    if (head < tail && events[tail]![1].type === 'space') events[tail]![1].type = 'codeTextPadding';
  }
  for (let index = head; index <= tail; index++) {
    if (events[index]![1].type === 'space') events[index]![1].type = 'codeTextData';
  }
  return events;
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const text = textState(self);
  const before = this.previous;
  let sizeOpen = 0;
  let size = 0;
  let closing: Token | undefined;
  /** Where the opening run begins in the document. */
  let from = 0;

  // An opening run with no run as long after it reads on to the end of the paragraph; once one
  // did, the rest of the paragraph is read at once and the runs after each backtick are known
  // (markdown/kramdown/shared/text-scan.ts), or a paragraph of unmatched runs costs the square of its length.
  const start: State = (code) => {
    from = self.now().offset;
    if (text.exhausted && text.scan?.indexAt(from) === undefined) return effects.check(readRest, open, open)(code);
    return open(code);
  };

  const open: State = (code) => {
    effects.enter('codeText');
    effects.enter('codeTextSequence');
    return sequenceOpen(code);
  };

  const sequenceOpen: State = (code) => {
    if (code === codes.graveAccent) {
      effects.consume(code);
      sizeOpen++;
      return sequenceOpen;
    }
    effects.exit('codeTextSequence');
    // A lone backtick between white space is text.
    if (sizeOpen === 1 && (before === null || isWhiteSpace(before)) && isWhiteSpace(code)) return nok(code);
    const index = text.scan?.indexAt(from);
    if (index !== undefined && text.scan!.backticks().longest[index + sizeOpen]! < sizeOpen) return nok(code);
    return between(code);
  };

  const between: State = (code) => {
    if (code === null) {
      text.exhausted = true;
      return nok(code);
    }
    if (code === codes.space) {
      effects.enter('space');
      effects.consume(code);
      effects.exit('space');
      return between;
    }
    if (code === codes.graveAccent) {
      closing = effects.enter('codeTextSequence');
      size = 0;
      return sequenceClose(code);
    }
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return between;
    }
    effects.enter('codeTextData');
    return data(code);
  };

  const data: State = (code) => {
    if (code === null || code === codes.space || code === codes.graveAccent || isLineEnding(code)) {
      effects.exit('codeTextData');
      return between(code);
    }
    effects.consume(code);
    return data;
  };

  const sequenceClose: State = (code) => {
    if (code === codes.graveAccent && size < sizeOpen) {
      effects.consume(code);
      size++;
      // The first `sizeOpen` backticks close the span, whatever follows them.
      if (size === sizeOpen) {
        effects.exit('codeTextSequence');
        effects.exit('codeText');
        return ok;
      }
      return sequenceClose;
    }
    // Fewer backticks than opened: they are code.
    closing!.type = 'codeTextData';
    effects.exit('codeTextData');
    return between(code);
  };

  return start;
}

const kramdownCodeText: Construct = { name: 'kramdownCodeText', previous, resolve, tokenize };

export function kramdownCodeSpans(): Extension {
  return { disable: { null: ['codeText'] }, text: { [codes.graveAccent]: kramdownCodeText } };
}

export function remarkKramdownCodeSpans(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(kramdownCodeSpans());
}
