/**
 * Code fences as kramdown's GFM parser reads them (kramdown-parser-gfm 1.1, FENCED_CODEBLOCK_MATCH):
 * after the fence (three or more backticks or tildes) the line holds at most one word, the
 * language; and the block needs a closing fence. Otherwise the line is text. CommonMark takes
 * any info string and runs an unclosed fence to the end of the document, so a line such as
 * `~~~~~\nabla x` inside a formula, or a stray fence, would swallow the rest of a post.
 *
 * The check reads ahead in the document (markdown/kramdown/shared/parse-source.ts), then hands over to micromark's own
 * fenced-code construct, which it replaces.
 */
import { codeFenced } from 'micromark-core-commonmark';
import type { Code, Construct, Extension, State } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { documentBeingParsed } from '../shared/parse-source.ts';
import { codes } from 'micromark-util-symbol';

const quote = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** Whether kramdown reads a code fence at `offset` (the first fence character) of `source`. */
export function kramdownFenceAt(source: string, offset: number): boolean {
  const lineEnd = source.indexOf('\n', offset);
  if (lineEnd < 0) return false; // nothing can close it
  const line = source.slice(offset, lineEnd).replace(/\r$/, '');
  const fence = /^(`{3,}|~{3,})/.exec(line)?.[1];
  if (!fence || !/^[ \t]*(?:\S+)?[ \t]*$/.test(line.slice(fence.length))) return false;
  // A closing fence: the same fence or a longer one, alone on a later line (quote markers and
  // indentation before it are the container's).
  const closing = new RegExp(`^(?:[ \\t]*>)*[ \\t]*${quote(fence)}${quote(fence[0]!)}*[ \\t]*\\r?$`, 'gm');
  closing.lastIndex = lineEnd + 1;
  return closing.test(source);
}

function kramdownFences(source: () => string | undefined): Extension {
  const construct: Construct = {
    name: 'kramdownCodeFenced',
    concrete: true,
    tokenize(effects, ok, nok) {
      const self = this;
      const fenced = codeFenced.tokenize.call(self, effects, ok, nok);
      return (code: Code): State | undefined => {
        const document = source();
        if (document !== undefined && !kramdownFenceAt(document, self.now().offset)) return nok(code);
        return fenced(code);
      };
    },
  };
  return { disable: { null: ['codeFenced'] }, flow: { [codes.graveAccent]: construct, [codes.tilde]: construct } };
}

export function remarkKramdownFences(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(kramdownFences(documentBeingParsed(this)));
}
