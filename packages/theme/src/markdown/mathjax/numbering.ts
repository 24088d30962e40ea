/**
 * Equation numbers and references as Chirpy's MathJax (`tags: 'ams'`) makes them, at build time,
 * before rehype-katex: numbered environments (`equation`, `align`, `gather`, `multline`,
 * `flalign`, `alignat`, `eqnarray`; not the starred ones) count on across the page, `\tag{…}`
 * sets a row's tag, `\notag`/`\nonumber` drops it, `\label{x}` names it, and `\ref{x}`/`\eqref{x}`
 * show its number, in a formula or in the text, where a text reference links to the equation.
 *
 * MathJax itself decides (markdown/mathjax/mathjax.ts): on a page with a `\label` or a numbered environment, its
 * TeX parser reads the formulas that can number, in page order, and says for each row of each
 * environment whether it gets a tag and which. The TeX handed to KaTeX then carries those tags
 * as `\tag{n}` on the rows MathJax numbered (KaTeX numbers with CSS counters, which know
 * nothing of MathJax's order, and not at all in MathML), its `\label`s removed and its
 * references written as the numbers (`\text{(n)}`). A label gets an anchor before its formula,
 * `<span id="eq-…" class="eq-anchor">`, which the text's references link to.
 *
 * A reference MathJax could not resolve (no such label, or a label on a formula with no number,
 * which MathJax shows as `???`) is left as written.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { frontmatterOf, isOn } from '../frontmatter.ts';
import { classesOf, textOf } from '../html/hast.ts';
import { captureKatexWarnings } from './katex-warnings.ts';
import { numberFormulas, type LabelTag, type PageNumbers, type TagEvent } from './mathjax.ts';
import { MATH_TAGS_DATA, REFUSED_MATH, type RowTags } from './errors.ts';

/** Environments whose rows (or whole body) MathJax may tag. */
const ROW_ENVS = new Set([
  'align',
  'align*',
  'gather',
  'gather*',
  'flalign',
  'flalign*',
  'alignat',
  'alignat*',
  'xalignat',
  'xalignat*',
  'xxalignat',
  'eqnarray',
  'eqnarray*',
]);
/** Environments tagged once, at their end. */
const WHOLE_ENVS = new Set(['equation', 'equation*', 'multline', 'multline*']);
const TAGGED_ENVS = new Set([...ROW_ENVS, ...WHOLE_ENVS]);

/** A formula that can number or be named: a `\label`, or a numbered environment. */
const NUMBERING = /\\label\s*\{|\\begin\s*\{\s*(?:equation|align|gather|multline|flalign|alignat|eqnarray)\*?\s*\}/;
/** A formula MathJax must also read: it defines macros others may use. */
const DEFINING = /\\(?:newcommand|renewcommand|newenvironment|renewenvironment|def|let)(?![A-Za-z])/;

/** `\label{`, `\ref{`, `\eqref{` (group 1: `eq`), up to their opening brace. */
const LABEL = /\\label\{/g;
const REFERENCE = /\\(eq)?ref\{/g;

export interface Command {
  index: number;
  /** The command as written, with its argument. */
  text: string;
  head: RegExpExecArray;
  argument: string;
}

/**
 * The commands `opening` begins, each with its argument up to the first `}`: what
 * `/opening([^}]*)\}/g` matches. That expression reads from every opening on to the end of the
 * text when no `}` follows (a formula of `\\label{` costs the square of its length); here a
 * missing `}` ends the search, as no later opening could close either.
 */
export function commands(text: string, opening: RegExp): Command[] {
  const found: Command[] = [];
  opening.lastIndex = 0;
  for (let head = opening.exec(text); head; head = opening.exec(text)) {
    const start = head.index + head[0].length;
    const brace = text.indexOf('}', start);
    if (brace < 0) break;
    found.push({
      index: head.index,
      text: text.slice(head.index, brace + 1),
      head,
      argument: text.slice(start, brace),
    });
    opening.lastIndex = brace + 1;
  }
  return found;
}

/** `text` with each command `opening` begins (see `commands`) replaced. */
export function replaceCommands(text: string, opening: RegExp, replace: (command: Command) => string): string {
  let result = '';
  let last = 0;
  for (const command of commands(text, opening)) {
    result += text.slice(last, command.index) + replace(command);
    last = command.index + command.text.length;
  }
  return last === 0 ? text : result + text.slice(last);
}

/** The id of the anchor a label gets. */
export function labelId(label: string): string {
  return `eq-${label.replace(/[^\p{L}\p{N}_-]+/gu, '-')}`;
}

/** A place MathJax asks for a tag: a row's end (its `\\` or the `\end`), or an environment's end. */
export interface TagSlot {
  env: string;
  /** Where `\tag{n}` goes for this row: before the row's `\\`, or before `\end{env}`. */
  at: number;
}

interface Frame {
  name: string;
  depth: number;
  /** The current row holds something MathJax makes a cell of. */
  content: boolean;
}

/** Commands that set a row's tag or name and make nothing MathJax counts as content. */
const SILENT = new Set(['label', 'tag', 'notag', 'nonumber']);

/**
 * Where MathJax asks for tags in `tex`, in the order it asks: each row of each environment of
 * ROW_ENVS (a row ends at `\\` or `\cr` outside braces; the last row only if it holds anything,
 * as MathJax drops an empty one after a final `\\`), and the end of each environment of
 * WHOLE_ENVS. Comments (`%` to the line's end) are skipped. One pass over the TeX.
 */
export function tagSlots(tex: string): TagSlot[] {
  const slots: TagSlot[] = [];
  const stack: Frame[] = [];
  let depth = 0;
  const markContent = () => {
    for (const frame of stack) frame.content = true;
  };
  const word = /[A-Za-z]+/y;
  const environment = /\s*\{\s*([A-Za-z]+\*?)\s*\}/y;
  const lineBreak = /\*?(?:\s*\[[^\]]*\])?/y;
  const argument = /\*?\s*\{/y;
  for (let index = 0; index < tex.length; index++) {
    const char = tex[index]!;
    if (char === '%') {
      const end = tex.indexOf('\n', index);
      if (end < 0) break;
      index = end;
      continue;
    }
    if (char === '{') {
      depth++;
      continue;
    }
    if (char === '}') {
      depth--;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (char !== '\\') {
      markContent();
      continue;
    }
    word.lastIndex = index + 1;
    const name = word.exec(tex)?.[0];
    const top = stack[stack.length - 1];
    if (name === undefined) {
      if (tex[index + 1] !== '\\') {
        markContent();
        index++;
        continue;
      }
      if (top && ROW_ENVS.has(top.name) && top.depth === depth) {
        slots.push({ env: top.name, at: index });
        top.content = false;
      }
      // `\\*` and `\\[length]`, as MathJax reads them, belong to the line break.
      lineBreak.lastIndex = index + 2;
      index = (lineBreak.exec(tex) ? lineBreak.lastIndex : index + 2) - 1;
      continue;
    }
    const after = index + 1 + name.length;
    if (name === 'begin' || name === 'end') {
      environment.lastIndex = after;
      const env = environment.exec(tex);
      if (!env) {
        index = after - 1;
        continue;
      }
      const envName = env[1]!;
      if (name === 'begin') {
        markContent();
        stack.push({ name: envName, depth, content: false });
      } else if (top && top.name === envName) {
        stack.pop();
        if (WHOLE_ENVS.has(envName) || (ROW_ENVS.has(envName) && top.content)) slots.push({ env: envName, at: index });
        markContent();
      }
      index = environment.lastIndex - 1;
      continue;
    }
    if (name === 'cr' && top && ROW_ENVS.has(top.name) && top.depth === depth) {
      slots.push({ env: top.name, at: index });
      top.content = false;
    } else if (!SILENT.has(name)) markContent();
    index = after - 1;
    if (name === 'label' || name === 'tag') {
      // Its argument is no content either: up to the matching brace.
      argument.lastIndex = after;
      if (!argument.exec(tex)) continue;
      let open = 1;
      let at = argument.lastIndex;
      for (; at < tex.length && open > 0; at++) {
        if (tex[at] === '\\') at++;
        else if (tex[at] === '{') open++;
        else if (tex[at] === '}') open--;
      }
      index = at - 1;
    }
  }
  return slots;
}

/** A formula of the page: its element, its TeX, and whether it is display math. */
interface Formula {
  element: Element;
  /** The element the anchors go before: the formula's `pre`, or the formula itself. */
  outer: Element;
  parent: Root | Element;
  tex: string;
  display: boolean;
}

const isFormula = (element: Element) => {
  const classes = classesOf(element);
  return (
    element.tagName === 'code' &&
    (classes.includes('math-inline') || classes.includes('math-display')) &&
    !classes.includes(REFUSED_MATH)
  );
};

/** Elements MathJax does not look into (its `skipHtmlTags`). */
const SKIPPED = new Set(['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'annotation', 'annotation-xml']);

const EQUATION_ONLY = /^\s*\\begin\{equation\}[\s\S]*\\end\{equation\}\s*$/;

/**
 * The TeX KaTeX gets for a formula MathJax numbered: `\tag{n}` where MathJax's counter gave a
 * row its number, the labels removed. A display formula that is one `equation` keeps the form
 * the theme has always given it: the environment's TeX with ` \tag{n}` after it.
 */
function taggedTex(formula: Formula, events: TagEvent[]): { tex: string; rows: string[] } | undefined {
  const tex = formula.tex;
  const mine = events.filter((event) => TAGGED_ENVS.has(event.env));
  const slots = tagSlots(tex);
  if (slots.length !== mine.length || slots.some((slot, i) => slot.env !== mine[i]!.env)) return undefined;
  const single = mine.length === 1 ? mine[0]! : undefined;
  if (
    formula.display &&
    single?.env === 'equation' &&
    single.tag !== null &&
    EQUATION_ONLY.test(tex) &&
    tex.indexOf('\\begin{equation}') === tex.lastIndexOf('\\begin{equation}')
  ) {
    let value = replaceCommands(tex.replace(/\\begin\{equation\}|\\end\{equation\}/g, ''), LABEL, () => '').trim();
    if (single.auto) value += ` \\tag{${single.tag}}`;
    return { tex: value, rows: [] };
  }
  let value = tex;
  for (let i = slots.length - 1; i >= 0; i--) {
    const event = mine[i]!;
    if (!event.auto) continue;
    const at = slots[i]!.at;
    const space = /\s/.test(value[at - 1] ?? ' ') ? '' : ' ';
    value = `${value.slice(0, at)}${space}\\tag{${event.tag}} ${value.slice(at)}`;
  }
  const rows = mine.filter((event) => event.tag !== null && ROW_ENVS.has(event.env)).map((event) => event.shown);
  return { tex: replaceCommands(value, LABEL, () => ''), rows };
}

/** A reference's number as MathJax shows it, or undefined when MathJax shows `???`. */
function referenceText(labels: Map<string, LabelTag>, label: string, eq: boolean): string | undefined {
  const found = labels.get(label);
  if (!found || found.tag === '???') return undefined;
  return eq ? found.shown : found.tag;
}

/** Text references in a text node: links to the equations (plain text inside a link). */
function linkReferences(text: Text, labels: Map<string, LabelTag>, inLink: boolean): ElementContent[] | undefined {
  const references = commands(text.value, REFERENCE);
  if (references.length === 0) return undefined;
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of references) {
    const shown = referenceText(labels, match.argument, Boolean(match.head[1]));
    if (shown === undefined) continue;
    if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
    parts.push(
      inLink
        ? { type: 'text', value: shown }
        : {
            type: 'element',
            tagName: 'a',
            properties: { href: `#${labelId(match.argument)}` },
            children: [{ type: 'text', value: shown }],
          },
    );
    last = match.index + match.text.length;
  }
  if (last === 0) return undefined;
  if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
  return parts;
}

function setTex(element: Element, tex: string): void {
  element.children = [{ type: 'text', value: tex }];
}

/** Numbers, tags, anchors and references, once MathJax has read the page. */
function apply(tree: Root, file: VFile, formulas: Formula[], fed: Formula[], numbers: PageNumbers): void {
  const eventsOf = new Map<Formula, TagEvent[]>();
  fed.forEach((formula, i) => eventsOf.set(formula, numbers.formulas[i]!.events));
  const anchored = new Set<string>();
  const rowTags: RowTags[] = [];
  for (const formula of formulas) {
    const events = eventsOf.get(formula) ?? [];
    let tex = formula.tex;
    if (events.length > 0) {
      const tagged = taggedTex(formula, events);
      if (tagged) {
        tex = tagged.tex;
        if (tagged.rows.length > 0) rowTags.push({ tex, tags: tagged.rows });
      } else {
        tex = replaceCommands(tex, LABEL, () => '');
        file.message('MathJax numbers this formula in a way the theme could not follow; it is shown unnumbered', {
          place: formula.element.position,
          ruleId: 'math-numbering',
          source: 'math-numbering',
        });
      }
      // Anchors for the labels MathJax gave a number.
      const anchors: ElementContent[] = [];
      for (const event of events) {
        if (!event.label || event.tag === null || anchored.has(event.label)) continue;
        if (numbers.labels.get(event.label)?.tag !== event.tag) continue;
        anchored.add(event.label);
        anchors.push({
          type: 'element',
          tagName: 'span',
          properties: { id: labelId(event.label), className: ['eq-anchor'] },
          children: [],
        });
        if (formula.outer.tagName === 'pre') anchors.push({ type: 'text', value: '\n' });
      }
      if (anchors.length > 0) {
        const index = formula.parent.children.indexOf(formula.outer as never);
        if (index >= 0) formula.parent.children.splice(index, 0, ...(anchors as never[]));
      }
    } else if (NUMBERING.test(tex)) {
      // `\label` where MathJax made no tag (or read no formula): KaTeX does not know the command.
      tex = replaceCommands(tex, LABEL, () => '');
    }
    tex = replaceCommands(tex, REFERENCE, (match) => {
      const shown = referenceText(numbers.labels, match.argument, Boolean(match.head[1]));
      return shown === undefined ? match.text : `\\text{${shown}}`;
    });
    if (tex !== formula.tex) setTex(formula.element, tex);
  }
  if (rowTags.length > 0) (file.data as Record<string, unknown>)[MATH_TAGS_DATA] = rowTags;

  // References in the text (MathJax's `processRefs`).
  visitParents(tree, 'text', (text, parents) => {
    const parent = parents.at(-1) as Root | Element;
    if (parents.some((node) => node.type === 'element' && SKIPPED.has((node as Element).tagName))) return;
    const inLink = parents.some((node) => node.type === 'element' && (node as Element).tagName === 'a');
    const parts = linkReferences(text, numbers.labels, inLink);
    if (!parts) return;
    const index = parent.children.indexOf(text as never);
    parent.children.splice(index, 1, ...(parts as never[]));
    return [SKIP, index + parts.length];
  });
}

/**
 * The rehype plugin, before rehype-katex. Posts without a `\label` or a numbered environment
 * (nearly all) pass through untouched, and MathJax is not loaded for them.
 */
export function rehypeMathNumbering() {
  return (tree: Root, file: VFile): Promise<void> | void => {
    captureKatexWarnings();
    if (!isOn(frontmatterOf(file).math)) return;
    const formulas: Formula[] = [];
    visitParents(tree, 'element', (element, parents) => {
      if (!isFormula(element)) return undefined;
      const parent = parents.at(-1) as Root | Element;
      const grand = parents.at(-2) as Root | Element | undefined;
      const inPre = parent.type === 'element' && parent.tagName === 'pre' && grand !== undefined;
      formulas.push({
        element,
        outer: inPre ? (parent as Element) : element,
        parent: inPre ? grand : parent,
        tex: textOf(element),
        display: classesOf(element).includes('math-display'),
      });
      return SKIP;
    });
    if (!formulas.some((formula) => NUMBERING.test(formula.tex))) return;
    const fed = formulas.filter((formula) => NUMBERING.test(formula.tex) || DEFINING.test(formula.tex));
    return numberFormulas(fed.map(({ tex, display }) => ({ tex, display }))).then((numbers) => {
      apply(tree, file, formulas, fed, numbers);
      // Again: another post may have put its own capture in place while MathJax loaded.
      captureKatexWarnings();
    });
  };
}
