/**
 * Math the way Chirpy posts write it (kramdown + MathJax), on posts with `math: true`. Where a
 * formula begins and ends is kramdown's rule (remark-kramdown-math); on top of that:
 * - `\\(…\\)` is inline math and `\\[…\\]` display math (kramdown leaves `\(…\)` and `\[…\]`
 *   in the page and MathJax renders them);
 * - inside single `$…$`, kramdown's Markdown escapes apply first (`\_` is `_`), as MathJax saw it;
 * - `\begin{equation}` blocks are numbered; `\label{x}` and `\eqref{x}` link to them;
 * - a formula KaTeX cannot render is reported with file, line and TeX, and shown as code
 *   (rehype-math-errors, after rehype-katex).
 * On other posts every `$` stays text (see remark-math-gate).
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math as DisplayMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { frontmatterOf, isOn } from './frontmatter.ts';
import { mathDelimiter } from './remark-kramdown-math.ts';

/** The characters kramdown's GFM parser unescapes (kramdown-parser-gfm 1.1, `ESCAPED_CHARS_GFM`). */
const MARKDOWN_ESCAPE = /\\([\\.*_+`<>()[\]{}#!:|"'$=\-~])/g;
/**
 * What MathJax renders from text kramdown leaves in the page: `\(…\)`, `\[…\]`, and a whole
 * `\begin{env}…\end{env}` (MathJax's `processEnvironments`).
 */
const TEXT_MATH = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|(\\begin\{([^}]*)\}[\s\S]*?\\end\{\4\})/g;

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
 * The parser puts the HTML of each formula in `data.hChildren` when it parses; formulas
 * changed or made here need theirs written again, or rehype-katex sees the old text.
 */
function syncHast(node: DisplayMath | InlineMath): void {
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
  for (const match of text.value.matchAll(TEXT_MATH)) {
    if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
    if (match[1] !== undefined) parts.push(inlineMathNode(match[1].trim()));
    else if (match[2] !== undefined) parts.push(inlineMathNode(match[2].trim(), true));
    else parts.push(inlineMathNode(match[3]!, true));
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return [text];
  if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
  return parts;
}

function labelId(label: string): string {
  return `eq-${label.replace(/[^\p{L}\p{N}_-]+/gu, '-')}`;
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
    if (!isOn(frontmatterOf(file).math)) return;
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

    // 3. Number `equation` blocks; remember labels.
    const labels = new Map<string, number>();
    let counter = 0;
    visit(tree, (node) => {
      if (!('children' in node)) return;
      mapChildren(node as Parent, (child) => {
        if (child.type !== 'math' || !/\\begin\{equation\}/.test(child.value)) return child;
        counter += 1;
        const label = /\\label\{([^}]*)\}/.exec(child.value)?.[1];
        child.value = child.value
          .replace(/\\begin\{equation\}|\\end\{equation\}/g, '')
          .replace(/\\label\{[^}]*\}/g, '')
          .trim();
        if (!/\\tag\{/.test(child.value)) child.value += ` \\tag{${counter}}`;
        if (!label) return child;
        labels.set(label, counter);
        return [{ type: 'html', value: `<span id="${labelId(label)}" class="eq-anchor"></span>` }, child];
      });
    });

    // 4. `\eqref{x}` and `\ref{x}`: links in text, numbers inside formulas.
    const reference = /\\(eq)?ref\{([^}]*)\}/g;
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        node.value = node.value.replace(reference, (match, eq: string | undefined, label: string) => {
          const n = labels.get(label);
          return n === undefined ? match : eq ? `\\text{(${n})}` : `\\text{${n}}`;
        });
        return;
      }
      if (!('children' in node)) return;
      mapChildren(node as Parent, (child) => {
        if (child.type !== 'text' || !reference.test(child.value)) return child;
        reference.lastIndex = 0;
        const parts: RootContent[] = [];
        let last = 0;
        for (const match of child.value.matchAll(reference)) {
          const n = labels.get(match[2]!);
          if (n === undefined) continue;
          if (match.index > last) parts.push({ type: 'text', value: child.value.slice(last, match.index) });
          const text = match[1] ? `(${n})` : String(n);
          parts.push({ type: 'link', url: `#${labelId(match[2]!)}`, children: [{ type: 'text', value: text }] });
          last = match.index + match[0].length;
        }
        if (last < child.value.length) parts.push({ type: 'text', value: child.value.slice(last) });
        return parts;
      });
    });

    // 5. Formulas changed or made above get their HTML written again. (Formulas KaTeX cannot
    // render are reported after rehype-katex, by rehype-math-errors.)
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') syncHast(node);
    });
  };
}
