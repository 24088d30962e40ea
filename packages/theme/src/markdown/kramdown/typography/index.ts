/**
 * kramdown's typography as part of the parser (kramdown 2.4: typographic_symbol.rb and
 * smart_quotes.rb, tried by its span parser wherever it stands in running text). micromark text
 * constructs read the symbols (./symbols.ts: dashes, ellipses, guillemets) and the quotes
 * (./smart-quotes.ts); this plugin registers them and writes what kramdown writes into the text
 * nodes of the tree. No SmartyPants pass runs after it (integration/markdown.ts turns Astro's off).
 *
 * Being text constructs, they apply in running text only, as kramdown's do: not in code spans,
 * code blocks, math, HTML, autolinks and bare URLs, link destinations and titles, or IALs. An
 * escaped character (`\"`, `\-\-`, `\.`) is micromark's character escape, taken before these
 * constructs see it, so it stays as typed. Image alt text keeps what was typed, symbols and quotes
 * alike: kramdown writes an image's alt from the source text, not from the parsed label.
 *
 * Cases the differential checks against Jekyll (tests/oracle/math-torture.ts): `--` en dash and
 * `---` em dash, `...` (not `. . .`), backticks never quotes, `''` after a word two closing quotes,
 * `'80s`, quotes after punctuation before a word closing (`"(괄호)"로`, `"100%"를`), a quote after
 * a space before a symbol opening (`'≈'는`), quotes around emphasis, runs of four or more hyphens,
 * guillemets and shift operators, escaped quotes, dashes and dots.
 *
 * With `smart: false` (the site turned smart punctuation off) there are no curly quotes, dashes or
 * ellipses, and `<<` and `>>` are written as typed, still read as kramdown reads them (no HTML tag).
 */
import type { Parent, Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { decideQuotes, quoteBefore, smartQuote, SMART_QUOTE_CODES } from './smart-quotes.ts';
import { symbolConstructs } from './symbols.ts';

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** The text for the quote starting at `offset`, which the quote before it decided. */
    kramdownNextQuote?: { offset: number; value: string } | undefined;
    /** The alt texts of images being read, innermost last: each a node on the stack, and where. */
    kramdownAlts?: { node: unknown; depth: number }[];
  }
}

const NO_BREAK_SPACE = '\u00a0';

const SYMBOLS: Record<string, string> = {
  '---': '—',
  '--': '–',
  '...': '…',
  '<<': '«',
  '<< ': `«${NO_BREAK_SPACE}`,
  '>>': '»',
};

function syntax(smart: boolean): Extension {
  const text: NonNullable<Extension['text']> = { ...symbolConstructs(smart) };
  if (smart) for (const code of SMART_QUOTE_CODES) text[code] = smartQuote;
  return { text };
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

/** An image's alt text begins: micromark's `labelText`, with the image under it on the stack. */
function enterLabelText(this: CompileContext): void {
  const depth = this.stack.length - 1;
  if (this.stack[depth - 1]?.type === 'image') (this.data.kramdownAlts ??= []).push({ node: this.stack[depth], depth });
}

/** Inside an image's alt text, which kramdown takes as typed. Alt texts already read are dropped here. */
function inImage(context: CompileContext): boolean {
  const alts = context.data.kramdownAlts;
  while (alts?.length) {
    const innermost = alts[alts.length - 1]!;
    if (context.stack[innermost.depth] === innermost.node) return true;
    alts.pop();
  }
  return false;
}

function fromMarkdown(smart: boolean): FromMarkdownExtension {
  return {
    // No default handler on entering a label's text: this one notes an image's alt text.
    enter: { labelText: enterLabelText },
    exit: {
      kramdownTypographicSymbol(this: CompileContext, token: Token) {
        const parent = this.stack[this.stack.length - 1] as Parent;
        const raw = this.sliceSerialize(token);
        // `\<<` and `\>>`: the brackets as typed.
        if (raw.startsWith('\\')) return appendText(parent, raw.slice(1), token);
        if (!smart || inImage(this)) return appendText(parent, raw, token);
        // ` >>`: the space before is part of the symbol.
        const tail = parent.children[parent.children.length - 1];
        if (token._kramdownSpaceBefore && tail?.type === 'text' && tail.value.endsWith(' ')) {
          tail.value = tail.value.slice(0, -1);
          return appendText(parent, `${NO_BREAK_SPACE}»`, token);
        }
        appendText(parent, SYMBOLS[raw] ?? raw, token);
      },
      kramdownSmartQuote(this: CompileContext, token: Token) {
        const parent = this.stack[this.stack.length - 1] as Parent;
        const quote = this.sliceSerialize(token);
        const decided = this.data.kramdownNextQuote;
        this.data.kramdownNextQuote = undefined;
        if (inImage(this)) return appendText(parent, quote, token);
        if (decided?.offset === token.start.offset) return appendText(parent, decided.value, token);
        const [value, next] = decideQuotes(quoteBefore(parent, token), quote, token._kramdownAhead ?? '');
        if (next !== undefined) this.data.kramdownNextQuote = { offset: token.end.offset, value: next };
        appendText(parent, value, token);
      },
    },
  };
}

export interface KramdownTypographyOptions {
  /** Smart punctuation is on: kramdown's typographic symbols and smart quotes. */
  smart?: boolean;
}

export function remarkKramdownTypography(this: Processor, options: KramdownTypographyOptions = {}) {
  const smart = options.smart ?? true;
  const data = this.data() as Data & { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(syntax(smart));
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown(smart));
}
