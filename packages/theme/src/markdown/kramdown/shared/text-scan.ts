/**
 * The rest of a paragraph, read once, for the kramdown text constructs whose look-aheads read on
 * to the end of the paragraph when they find nothing (single-dollar math, the code span inside
 * it, code spans). Tried from every `$` or backtick, such a look-ahead costs the rest of the
 * paragraph each time, and a paragraph made of `${` or of unmatched backtick runs costs the square
 * of its length.
 *
 * micromark hands a paragraph's text to its tokenizer line by line, so what follows is not at hand
 * when a construct starts. Once a look-ahead in a paragraph has come back empty-handed, the next
 * construct that needs one reads the rest of the paragraph first (`readRest`, a check that
 * consumes to the end and keeps every code) and answers from tables made in one pass over it
 * (markdown/kramdown/math/syntax.ts, markdown/kramdown/code-spans/index.ts). A paragraph whose look-aheads all
 * succeed is never read twice.
 */
import type { Code, Construct, State, TokenizeContext } from 'micromark-util-types';
import { codes } from 'micromark-util-symbol';

/** The codes of a text from one point to its end, and where its `$`, `\` and backticks are. */
export class TextScan {
  /** The code before the first one (`null` at the start of the text). */
  readonly before: Code;
  /** Every code, without the final `null`. */
  readonly codes: number[] = [];
  /** Index in `codes` of each `$`, `\` and backtick, by its offset in the document. */
  private readonly indexes = new Map<number, number>();
  private backtickRuns: { run: Int32Array; longest: Int32Array } | undefined;

  constructor(before: Code) {
    this.before = before;
  }

  add(code: number, offset: number): void {
    if (code === codes.dollarSign || code === codes.backslash || code === codes.graveAccent)
      this.indexes.set(offset, this.codes.length);
    this.codes.push(code);
  }

  /** The index of the `$`, `\` or backtick at `offset`, if this read passed it. */
  indexAt(offset: number): number | undefined {
    return this.indexes.get(offset);
  }

  /** The code before `index`. */
  previous(index: number): Code {
    return index === 0 ? this.before : this.codes[index - 1]!;
  }

  /**
   * `run[i]`: how many backticks follow one another from `i`; `longest[i]`: the longest such run
   * from `i` to the end (`longest[length]` is 0).
   */
  backticks(): { run: Int32Array; longest: Int32Array } {
    if (this.backtickRuns) return this.backtickRuns;
    const n = this.codes.length;
    const run = new Int32Array(n + 1);
    const longest = new Int32Array(n + 1);
    for (let index = n - 1; index >= 0; index--) {
      run[index] = this.codes[index] === codes.graveAccent ? run[index + 1]! + 1 : 0;
      longest[index] = Math.max(run[index]!, longest[index + 1]!);
    }
    return (this.backtickRuns = { run, longest });
  }
}

interface TextState {
  /** A look-ahead in this text read to its end and found nothing (or a formula failed). */
  exhausted: boolean;
  scan: TextScan | undefined;
}

const states = new WeakMap<object, TextState>();

/**
 * What the constructs know about the text a tokenizer is reading. Keyed by the tokenizer's own
 * `sliceStream` function: the context a construct gets is the tokenizer's, or (for `interrupt`)
 * an object made from it, and both share that function.
 */
export function textState(context: TokenizeContext): TextState {
  const key = context.sliceStream;
  let state = states.get(key);
  if (!state) states.set(key, (state = { exhausted: false, scan: undefined }));
  return state;
}

/**
 * A check that reads from here to the end of the text and keeps it as the text's scan; it always
 * fails, so the tokenizer goes back to where it began. Use it as
 * `effects.check(readRest, again, again)` where `again` is the state that asked.
 */
export const readRest: Construct = {
  partial: true,
  tokenize(effects, _ok, nok) {
    const self = this;
    const scan = new TextScan(self.previous);
    const read: State = (code) => {
      if (code === null) {
        textState(self).scan = scan;
        return nok(code);
      }
      scan.add(code, self.now().offset);
      effects.consume(code);
      return read;
    };
    return (code) => {
      effects.enter('data');
      return read(code);
    };
  },
};
