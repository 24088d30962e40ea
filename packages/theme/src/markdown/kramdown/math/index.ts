/**
 * Math as kramdown reads it, in place of remark-math: registers the micromark extension
 * (markdown/kramdown/math/syntax.ts) and turns its tokens into mdast-util-math's `math` (block) and
 * `inlineMath` (span) nodes, which rehype-katex renders. Each node records how it was written in
 * `data.chirpyDelimiter` (`'$$'` or `'$'`), and an inline formula that MathJax would show in
 * display style has `data.chirpyDisplay`; remark-math-dialect reads both.
 *
 * Whether a post has math is decided here, in the parser, from the front matter of the post
 * being parsed (postHasMath): on a post without `math: true` Chirpy loads no MathJax, so the
 * single-dollar formulas MathJax would find are not read at all and their `$` is text, as in
 * kramdown's page. kramdown's own `$$…$$` math is read on every post.
 */
import type { Data, Processor } from 'unified';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Root } from 'mdast';
import type { InlineMath, Math as DisplayMath } from 'mdast-util-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { kramdownMath, type MathTextToken } from './syntax.ts';
import { frontmatterOf, isOn } from '../../frontmatter.ts';
import { parseState } from '../shared/parse-source.ts';

/**
 * Whether the post asks for math (`math: true` in its front matter, which Astro puts on the file
 * before parsing, for Markdown and MDX alike). The one decision the parser (single-dollar math)
 * and remark-math-dialect (MathJax's reading) both follow.
 */
export function postHasMath(file: VFile | undefined): boolean {
  const astro = file?.data.astro as { frontmatter?: unknown } | undefined;
  return astro?.frontmatter !== undefined && isOn(frontmatterOf(file!).math);
}

/** Ruby's `String#strip`, which kramdown applies to every formula (not JavaScript's Unicode-wide trim). */
export const rubyStrip = (text: string): string => text.replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, '');

export type MathDelimiter = '$$' | '$';

export function mathDelimiter(node: InlineMath | DisplayMath): MathDelimiter {
  return (node.data as { chirpyDelimiter?: MathDelimiter } | undefined)?.chirpyDelimiter ?? '$$';
}

/** The delimiters of the span being read (`kramdownMathMarker` tokens), in order. */
function markersOf(context: CompileContext): string[] {
  const data = context.data as CompileContext['data'] & { chirpyMathMarkers?: string[] };
  return (data.chirpyMathMarkers ??= []);
}

/** The `$$…$$` spans inside the single-dollar formula being read, as written. */
function innerSpansOf(context: CompileContext): string[] {
  const data = context.data as CompileContext['data'] & { chirpyMathInnerSpans?: string[] };
  return (data.chirpyMathInnerSpans ??= []);
}

function fromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownMathFlow(this: CompileContext, token: Token) {
        this.enter({ type: 'math', meta: null, value: '', data: { chirpyDelimiter: '$$' } } as DisplayMath, token);
      },
      kramdownMathText(this: CompileContext, token: Token) {
        this.enter({ type: 'inlineMath', value: '', data: {} } as InlineMath, token);
        markersOf(this).length = 0;
        innerSpansOf(this).length = 0;
      },
    },
    exit: {
      kramdownMathMarker(this: CompileContext, token: Token) {
        markersOf(this).push(this.sliceSerialize(token));
      },
      kramdownMathInnerSpan(this: CompileContext, token: Token) {
        innerSpansOf(this).push(this.sliceSerialize(token));
      },
      kramdownMathFlow(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as DisplayMath;
        this.exit(token);
        node.value = rubyStrip(this.sliceSerialize(token).slice(2, -2));
      },
      kramdownMathText(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as InlineMath;
        this.exit(token);
        const raw = this.sliceSerialize(token);
        // The delimiters as written: `$$`, `\$$` or `$$`…; `$` or `\$` (kramdown's escape, which
        // MathJax then reads as `$`).
        const markers = markersOf(this);
        const open = markers[0] ?? '$';
        const close = markers.length > 1 ? markers[markers.length - 1]! : '';
        const delimiter: MathDelimiter = open.endsWith('$$') ? '$$' : '$';
        node.value = rubyStrip(raw.slice(open.length, raw.length - close.length));
        const display = Boolean((token as MathTextToken).chirpyDisplay);
        // `$$…$$` spans inside single-dollar math, as written (remark-math-dialect writes them as
        // kramdown did, `\(…\)`).
        const innerSpans = [...innerSpansOf(this)];
        node.data = {
          ...node.data,
          chirpyDelimiter: delimiter,
          chirpyDisplay: display,
          ...(innerSpans.length > 0 ? { chirpyInnerSpans: innerSpans } : {}),
        } as InlineMath['data'];
      },
    },
  };
}

/**
 * kramdown's block quote runs on to the next blank line, taking any line after it; micromark ends
 * the quote where a new list or quote starts. A block formula that ends such a quote is then
 * followed by a line kramdown counts as the quote's, so it is no block: span math in a paragraph.
 */
function quoteEndingFormulasToSpans(tree: Root, source: string): void {
  visit(tree, 'blockquote', (quote) => {
    // Every formula in the quote, in quotes within it too.
    visit(quote, 'math', (formula, index, parent) => {
      if (!parent || index === undefined || formula.position?.end.offset === undefined) return;
      const rest = source.slice(formula.position.end.offset);
      const next = /^[ \t]*\r?\n([^\n]*)/.exec(rest)?.[1];
      // A blank line, a quote line or an attribute list (`{: .prompt-tip }`) is a block boundary.
      if (next === undefined || !/\S/.test(next) || /^\s*(?:>|\{:)/.test(next)) return;
      const span: InlineMath = { type: 'inlineMath', value: formula.value, position: formula.position, data: {} };
      span.data = { chirpyDelimiter: '$$', chirpyDisplay: false } as InlineMath['data'];
      parent.children[index] = { type: 'paragraph', children: [span], position: formula.position };
    });
    return SKIP;
  });
}

export function remarkKramdownMath(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  // The block rule reads ahead in the document being parsed; single-dollar math is read only in
  // a post that has math.
  const state = parseState(this);
  (data.micromarkExtensions ??= []).push(kramdownMath(state.document, () => postHasMath(state.post())));
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown());
  return (tree: Root, file: VFile) => quoteEndingFormulasToSpans(tree, String(file.value));
}
