/**
 * Math the way Chirpy posts write it (kramdown + MathJax), on posts with `math: true`. Where a
 * formula begins and ends is kramdown's rule (remark-kramdown-math); on top of that:
 * - `\\(…\\)` is inline math and `\\[…\\]` display math (kramdown leaves `\(…\)` and `\[…\]`
 *   in the page and MathJax renders them);
 * - inside single `$…$`, kramdown's Markdown escapes apply first (`\_` is `_`), as MathJax saw it;
 * - equation numbers, `\label{x}`, `\ref{x}` and `\eqref{x}` are MathJax's (math-numbering,
 *   before rehype-katex);
 * - a formula KaTeX cannot render is reported with file, line and TeX, and shown as code
 *   (rehype-math-errors, after rehype-katex).
 * On other posts Chirpy loads no MathJax: the parser reads no single-dollar math there
 * (markdown/kramdown/math/index.ts, postHasMath), and the `$$…$$` formulas kramdown reads on every
 * post are shown as written (listed difference `no-math-posts`).
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math as DisplayMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { mathDelimiter, postHasMath } from '../kramdown/math/index.ts';
import { MAX_MATH_NESTING, REFUSED_MATH, REFUSED_MATH_DATA, mathNesting } from './errors.ts';

/** The characters kramdown's GFM parser unescapes (kramdown-parser-gfm 1.1, `ESCAPED_CHARS_GFM`). */
const MARKDOWN_ESCAPE = /\\([\\.*_+`<>()[\]{}#!:|"'$=\-~])/g;

/** A formula MathJax finds in text (see textMath), and where it is. */
interface TextMath {
  index: number;
  end: number;
  /** `\(…\)`: the TeX between. */
  inline?: string;
  /** `\[…\]`: the TeX between. */
  block?: string;
  /** `\begin{env}…\end{env}`: all of it. */
  environment?: string;
}

/**
 * What MathJax renders from text kramdown leaves in the page: `\(…\)`, `\[…\]`, and a whole
 * `\begin{env}…\end{env}` (MathJax's `processEnvironments`), in order. Each opening closes at the
 * first closing after it (a `\(` with something between), as the regular expression
 * `/\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|(\\begin\{([^}]*)\}[\s\S]*?\\end\{\4\})/g` matches; that
 * expression reads from every opening on to the end of the text when nothing closes it (a text
 * of `\begin{` costs the square of its length), so the closings are looked up instead: the next
 * `\)`, `\]` or `}` is kept while the openings come before it, and every `\end{…}` is listed once.
 */
function textMath(text: string): TextMath[] {
  const found: TextMath[] = [];
  const closeParen = nextOccurrence(text, '\\)');
  const closeBracket = nextOccurrence(text, '\\]');
  const closeBrace = nextOccurrence(text, '}');
  /** Where each `\end{name}` is, by name (up to the first `}`), and how many a search passed. */
  let ends: Map<string, { at: number[]; passed: number }> | undefined;
  const endAfter = (name: string, from: number): number | undefined => {
    if (!ends) {
      ends = new Map();
      const braceAfterEnd = nextOccurrence(text, '}');
      for (let at = text.indexOf('\\end{'); at >= 0; at = text.indexOf('\\end{', at + 1)) {
        const brace = braceAfterEnd(at + 5);
        if (brace < 0) break;
        const key = text.slice(at + 5, brace);
        const list = ends.get(key);
        if (list) list.at.push(at);
        else ends.set(key, { at: [at], passed: 0 });
      }
    }
    const list = ends.get(name);
    if (!list) return undefined;
    while (list.passed < list.at.length && list.at[list.passed]! < from) list.passed++;
    return list.at[list.passed];
  };
  const opening = /\\(?:\(|\[|begin\{)/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const index = match.index;
    if (match[0] !== '\\begin{') {
      const close = (match[0] === '\\(' ? closeParen : closeBracket)(index + 3);
      if (close < 0) continue;
      const tex = text.slice(index + 2, close);
      found.push(match[0] === '\\(' ? { index, end: close + 2, inline: tex } : { index, end: close + 2, block: tex });
      opening.lastIndex = close + 2;
      continue;
    }
    const brace = closeBrace(index + 7);
    if (brace < 0) continue;
    const name = text.slice(index + 7, brace);
    const close = endAfter(name, brace + 1);
    if (close === undefined) continue;
    const end = close + '\\end{'.length + name.length + 1;
    found.push({ index, end, environment: text.slice(index, end) });
    opening.lastIndex = end;
  }
  return found;
}

/**
 * `text.indexOf(search, from)` for `from` that only grow: the answer is kept while it still
 * stands, so asking from every opening before the same closing costs nothing.
 */
function nextOccurrence(text: string, search: string): (from: number) => number {
  let asked = Infinity;
  let found = -1;
  return (from) => {
    if (from < asked || (found >= 0 && from > found)) {
      asked = from;
      found = text.indexOf(search, from);
    }
    return found;
  };
}

function mapChildren(parent: Parent, fn: (child: RootContent, parent: Parent) => RootContent | RootContent[]): void {
  parent.children = (parent.children as RootContent[]).flatMap((child) => fn(child, parent)) as Parent['children'];
}

const display = (value: string, position?: DisplayMath['position']): DisplayMath => ({ type: 'math', value, position });
/** Inline math; `block` marks `\[…\]` written inside a sentence, rendered in display style. */
const inlineMathNode = (value: string, block = false): InlineMath =>
  ({ type: 'inlineMath', value, data: { chirpyDisplay: block } }) as InlineMath;

const isDisplayStyle = (node: InlineMath) =>
  Boolean((node.data as { chirpyDisplay?: boolean } | undefined)?.chirpyDisplay);

/**
 * A formula nested too deeply for KaTeX (see MAX_MATH_NESTING) becomes a `code` element that
 * neither KaTeX nor Shiki touches; rehype-math-errors reports it and shows its TeX. Returns
 * whether it did.
 */
function refuseDeep(node: DisplayMath | InlineMath, file: VFile): boolean {
  if (mathNesting(node.value) <= MAX_MATH_NESTING) return false;
  const display = node.type === 'math' || isDisplayStyle(node);
  node.data = {
    ...node.data,
    hName: 'code',
    hProperties: { className: [REFUSED_MATH], dataChirpyMath: display ? 'display' : 'inline' },
    hChildren: [{ type: 'text', value: node.value }],
  };
  (file.data as Record<string, unknown>)[REFUSED_MATH_DATA] = true;
  return true;
}

/**
 * A ```` ```math ```` block, which rehype-katex renders in every post: nested too deeply, it is
 * display math refused as above.
 */
function refuseDeepMathBlocks(tree: Root, file: VFile): void {
  visit(tree, 'code', (node, index, parent) => {
    if (node.lang !== 'math' || !parent || index === undefined) return;
    const formula = display(node.value, node.position);
    if (refuseDeep(formula, file)) parent.children[index] = formula;
  });
}

/**
 * The parser puts the HTML of each formula in `data.hChildren` when it parses; formulas
 * changed or made here need theirs written again, or rehype-katex sees the old text.
 */
function syncHast(node: DisplayMath | InlineMath, file: VFile): void {
  if (refuseDeep(node, file)) return;
  const code = (value: string, kind: 'math-inline' | 'math-display') => ({
    type: 'element' as const,
    tagName: 'code',
    properties: { className: ['language-math', kind] },
    children: [{ type: 'text' as const, value }],
  });
  if (node.type === 'math') {
    node.data = { ...node.data, hName: 'pre', hProperties: {}, hChildren: [code(node.value, 'math-display')] };
  } else {
    const element = code(node.value, isDisplayStyle(node) ? 'math-display' : 'math-inline');
    node.data = { ...node.data, hName: 'code', hProperties: element.properties, hChildren: element.children };
  }
}

function splitTextMath(text: Text): PhrasingContent[] {
  // MathJax shows `\$` (what kramdown makes of `\\$`) as a dollar sign.
  text = { ...text, value: text.value.replace(/\\\$/g, '$') };
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of textMath(text.value)) {
    if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
    if (match.inline !== undefined) parts.push(inlineMathNode(match.inline.trim()));
    else if (match.block !== undefined) parts.push(inlineMathNode(match.block.trim(), true));
    else parts.push(inlineMathNode(match.environment!, true));
    last = match.end;
  }
  if (parts.length === 0) return [text];
  if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
  return parts;
}

/**
 * The TeX MathJax read from a single-dollar formula: kramdown's escapes undone, and each `$$…$$`
 * span inside (kramdown's math) as kramdown wrote it, `\(…\)`, its TeX untouched.
 */
function singleDollarTex(node: InlineMath): string {
  const spans = (node.data as { chirpyInnerSpans?: string[] } | undefined)?.chirpyInnerSpans ?? [];
  let tex = '';
  let rest = node.value;
  for (const span of spans) {
    const at = rest.indexOf(span);
    if (at < 0) break;
    tex += `${rest.slice(0, at).replace(MARKDOWN_ESCAPE, '$1')}\\(${span.slice(2, -2)}\\)`;
    rest = rest.slice(at + span.length);
  }
  return tex + rest.replace(MARKDOWN_ESCAPE, '$1');
}

export function remarkMathDialect() {
  return (tree: Root, file: VFile) => {
    if (postHasMath(file)) readMath(tree, file);
    else showAsWritten(tree, file);
    // Last: the steps of readMath leave these blocks alone.
    refuseDeepMathBlocks(tree, file);
  };
}

/**
 * On a post without math, each formula the parser read (kramdown's `$$…$$`, block or span) as its
 * source text: a block as a paragraph.
 */
function showAsWritten(tree: Root, file: VFile): void {
  const source = String(file.value);
  const sourceOf = (node: RootContent): string => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return 'value' in node ? String(node.value) : '';
    return source.slice(start, end);
  };
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'inlineMath') parent.children[index] = { type: 'text', value: sourceOf(node) };
    if (node.type === 'math') {
      parent.children[index] = { type: 'paragraph', children: [{ type: 'text', value: sourceOf(node) }] };
    }
  });
}

/** The dialect's steps, on a post with `math: true`. */
function readMath(tree: Root, file: VFile): void {
  // 1. Escapes inside single-dollar math (kramdown unescaped them before MathJax saw the text);
  // in a table row kramdown turns every `\|` into `|` before it reads math.
  visit(tree, (node) => {
    if (node.type === 'inlineMath' && mathDelimiter(node) === '$') node.value = singleDollarTex(node);
    if (node.type === 'tableCell') {
      visit(node, 'inlineMath', (inner) => {
        inner.value = inner.value.replace(/\\\|/g, '|');
      });
    }
  });

  // 2. MathJax's other delimiters, left in text: `\(…\)`, `\[…\]`.
  visit(tree, (node) => {
    if (!('children' in node)) return;
    mapChildren(node as Parent, (child) => (child.type === 'text' ? splitTextMath(child) : child));
    mapChildren(node as Parent, (child) => {
      if (child.type === 'paragraph' && child.children.length === 1) {
        const only = child.children[0]!;
        if (only.type === 'inlineMath' && isDisplayStyle(only)) return display(only.value, child.position);
      }
      return child;
    });
  });

  // 3. Formulas changed or made above get their HTML written again. (Formulas KaTeX cannot
  // render are reported after rehype-katex, by rehype-math-errors.)
  visit(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') syncHast(node, file);
  });
}
