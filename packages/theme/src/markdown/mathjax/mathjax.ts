/**
 * MathJax 3 in Node, as Chirpy's readers had it (Chirpy loads MathJax 3.2.2's `tex-chtml` with
 * `tags: 'ams'`), for the two things KaTeX cannot do:
 * - **numbering** (markdown/mathjax/numbering.ts): MathJax's own TeX parser reads a page's formulas in order
 *   and says which row of which environment gets which number, and what each `\label` is;
 * - **formulas KaTeX cannot render** (markdown/mathjax/errors.ts): MathJax draws them at build time as
 *   SVG, with no script and no font in the page.
 *
 * `mathjax-full` is large (about 50 MB installed) and takes a tenth of a second to load, so it is
 * imported only when a page needs it: a page with numbering, or a formula KaTeX rejected.
 *
 * The TeX packages are those `tex-chtml` loads (base, ams, newcommand, noundefined, require,
 * autoload, configmacros) with the packages autoload brings in when a formula uses one of their
 * macros (action, amscd, bbox, boldsymbol, braket, bussproofs, cancel, color, enclose, extpfeil,
 * html, mhchem, unicode, verb), all present from the start: the same macros. `\require{…}` is the
 * one thing left out (it loads code at run time).
 */
import { createRequire } from 'node:module';
import type { Element, ElementContent, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';

/** The packages named above, by the names MathJax's configurations register. */
export const CHIRPY_TEX_PACKAGES = [
  'base',
  'ams',
  'newcommand',
  'noundefined',
  'configmacros',
  'action',
  'amscd',
  'bbox',
  'boldsymbol',
  'braket',
  'bussproofs',
  'cancel',
  'color',
  'enclose',
  'extpfeil',
  'html',
  'mhchem',
  'unicode',
  'verb',
] as const;

/** One call of MathJax's tagging for a row (or an environment, or a display formula). */
export interface TagEvent {
  /** The environment (`align`, `equation*`, …), or `''` for a display formula's own `\tag`. */
  env: string;
  /** The tag as set (`3`, `A`), or null for a row without one. */
  tag: string | null;
  /** The tag as shown: `(3)`, or the text of `\tag*{…}`. */
  shown: string;
  /** The number came from MathJax's counter, not from a `\tag` in the TeX. */
  auto: boolean;
  /** The `\label` of the row, if any. */
  label: string;
}

/** What MathJax made of one formula of a page. */
export interface NumberedFormula {
  events: TagEvent[];
  /** MathJax reported an error for the formula (its numbers may stop where the error is). */
  error?: string;
}

/** A label's number, as `\ref` shows it (`tag`) and as `\eqref` shows it (`shown`). */
export interface LabelTag {
  tag: string;
  shown: string;
}

export interface PageNumbers {
  formulas: NumberedFormula[];
  /** Every label MathJax knows at the end of the page, with its tag (`???` when it has none). */
  labels: Map<string, LabelTag>;
}

/** A formula MathJax drew: its SVG and its MathML (for screen readers and feeds). */
export interface MathJaxRendering {
  svg: Element;
  mathml: Element;
}

// The modules, typed loosely: mathjax-full's classes are generic over a DOM it does not know here.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

interface Kit {
  TeX: Any;
  SVG: Any;
  mathjax: Any;
  adaptor: Any;
  HTMLMathItem: Any;
  STATE: Record<string, number>;
  SerializedMmlVisitor: Any;
  formatTag: (tag: string) => string;
}

let kit: Promise<Kit> | undefined;

/**
 * MathJax's CommonJS modules, loaded with Node's own `require`, not through Vite: the theme's
 * Markdown may render while Astro's module runner is already closed (a dynamic `import()` there
 * failed with "Vite module runner has been closed"), and `require` is synchronous anyway.
 */
const load = (id: string): Any => createRequire(import.meta.url)(id);

/** Loads MathJax once per process, when a page first needs it. */
export function loadMathJax(): Promise<Kit> {
  kit ??= (async () => {
    const [
      { TeX },
      { SVG },
      { mathjax },
      { liteAdaptor },
      { RegisterHTMLHandler },
      { HTMLMathItem },
      { STATE },
      { SerializedMmlVisitor },
      { Configuration },
      { AmsTags },
    ] = [
      load('mathjax-full/js/input/tex.js'),
      load('mathjax-full/js/output/svg.js'),
      load('mathjax-full/js/mathjax.js'),
      load('mathjax-full/js/adaptors/liteAdaptor.js'),
      load('mathjax-full/js/handlers/html.js'),
      load('mathjax-full/js/handlers/html/HTMLMathItem.js'),
      load('mathjax-full/js/core/MathItem.js'),
      load('mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js'),
      load('mathjax-full/js/input/tex/Configuration.js'),
      load('mathjax-full/js/input/tex/ams/AmsConfiguration.js'),
      load('mathjax-full/js/input/tex/base/BaseConfiguration.js'),
      load('mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js'),
      load('mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration.js'),
      load('mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration.js'),
      load('mathjax-full/js/input/tex/action/ActionConfiguration.js'),
      load('mathjax-full/js/input/tex/amscd/AmsCdConfiguration.js'),
      load('mathjax-full/js/input/tex/bbox/BboxConfiguration.js'),
      load('mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js'),
      load('mathjax-full/js/input/tex/braket/BraketConfiguration.js'),
      load('mathjax-full/js/input/tex/bussproofs/BussproofsConfiguration.js'),
      load('mathjax-full/js/input/tex/cancel/CancelConfiguration.js'),
      load('mathjax-full/js/input/tex/color/ColorConfiguration.js'),
      load('mathjax-full/js/input/tex/enclose/EncloseConfiguration.js'),
      load('mathjax-full/js/input/tex/extpfeil/ExtpfeilConfiguration.js'),
      load('mathjax-full/js/input/tex/html/HtmlConfiguration.js'),
      load('mathjax-full/js/input/tex/mhchem/MhchemConfiguration.js'),
      load('mathjax-full/js/input/tex/unicode/UnicodeConfiguration.js'),
      load('mathjax-full/js/input/tex/verb/VerbConfiguration.js'),
    ] as Any[];

    /**
     * MathJax's `ams` tagging, recording each decision: which environment asked for a tag, the
     * tag, whether the counter made it, and the row's label.
     */
    class RecordingTags extends (AmsTags as Any) {
      events: TagEvent[] = [];
      private counted = false;
      startEquation(math: Any) {
        super.startEquation(math);
        this.events = [];
        math.inputData.chirpyEvents = this.events;
      }
      autoTag() {
        const before = this.currentTag.tag;
        super.autoTag();
        if (before == null && this.currentTag.tag != null) this.counted = true;
      }
      getTag(force = false) {
        this.counted = false;
        const tag = super.getTag(force);
        const current = this.currentTag;
        this.events.push({
          env: current.env,
          tag: tag ? current.tag : null,
          shown: tag ? current.tagFormat : '',
          auto: Boolean(tag) && this.counted,
          label: tag ? current.labelId : '',
        });
        return tag;
      }
      finalize(node: Any, env: Any) {
        const current = this.currentTag;
        if (env.display && !current.env && current.tag != null) {
          this.events.push({
            env: '',
            tag: current.tag,
            shown: current.tagFormat,
            auto: false,
            label: current.labelId,
          });
        }
        return super.finalize(node, env);
      }
    }
    Configuration.create('chirpy-tags', { tags: { 'chirpy-ams': RecordingTags as Any } });

    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    return {
      TeX,
      SVG,
      mathjax,
      adaptor,
      HTMLMathItem,
      STATE,
      SerializedMmlVisitor,
      formatTag: (tag: string) => `(${tag})`,
    };
  })();
  return kit;
}

/** Whether an MmlNode tree holds an error: a TeX error, or a macro MathJax does not know. */
function errorIn(node: Any): string | undefined {
  if (node.isKind?.('merror')) return String(node.attributes.get('data-mjx-error') ?? 'error');
  if (node.isKind?.('mtext') && node.attributes.get('mathcolor') === 'red') {
    const text = node.childNodes.map((child: Any) => child.getText?.() ?? '').join('');
    if (text.startsWith('\\')) return `Undefined control sequence ${text}`;
  }
  for (const child of node.childNodes ?? []) {
    const found = errorIn(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Numbers a page's formulas as MathJax with `tags: 'ams'` does: `formulas` in page order (each
 * a formula MathJax would find there, text references `\eqref{x}` included). A formula with a
 * reference to a label further down is read again at the end, as MathJax does.
 */
export async function numberFormulas(formulas: { tex: string; display: boolean }[]): Promise<PageNumbers> {
  const { TeX, mathjax, adaptor, HTMLMathItem, formatTag } = await loadMathJax();
  // A new input jax per page: macros a page defines stay on that page.
  // bussproofs lays its proofs out with the output's metrics; numbering needs no output.
  const packages = CHIRPY_TEX_PACKAGES.filter((name) => name !== 'bussproofs');
  const tex = new TeX({ packages: [...packages, 'chirpy-tags'], tags: 'chirpy-ams' });
  const document = mathjax.document(adaptor.parse('<html><body></body></html>', 'text/html'), { InputJax: tex });
  const items = formulas.map(({ tex: source, display }) => {
    const item = new HTMLMathItem(source, tex, display);
    document.math.push(item);
    return item;
  });
  document.compile();
  const labels = new Map<string, LabelTag>();
  for (const [label, value] of Object.entries(tex.parseOptions.tags.allLabels as Record<string, Any>)) {
    const tag = String(value.tag);
    labels.set(label, { tag, shown: formatTag(tag) });
  }
  return {
    formulas: items.map((item) => {
      const error = item.root ? errorIn(item.root) : 'not compiled';
      const events = (item.inputData.chirpyEvents as TagEvent[] | undefined) ?? [];
      return error ? { events, error } : { events };
    }),
    labels,
  };
}

/** hast of an HTML (or SVG, or MathML) fragment. */
function fragment(html: string): ElementContent[] {
  return (fromParse5(parseFragment(html)) as Root).children as ElementContent[];
}

const TOKENS = new Set(['mi', 'mn', 'mo', 'mtext', 'ms']);

/** Drops the indentation the serializer puts between MathML elements (none inside tokens). */
function pruneSpace(element: Element): void {
  if (TOKENS.has(element.tagName)) return;
  element.children = element.children.filter((child) => !(child.type === 'text' && /^\s*$/.test(child.value)));
  for (const child of element.children) if (child.type === 'element') pruneSpace(child);
}

/**
 * Drops what only MathJax's own scripts read (`data-mml-node`, `data-c`, the click areas of
 * links) and MathJax's ids (`mjx-eqn:3`): the theme puts its own anchors before the formula.
 * Links (`\href`, `\ref`) become their content: the page's own links are Markdown's, and a
 * reference's number is the theme's (math-numbering).
 */
function prune(element: Element): void {
  delete element.properties.dataMmlNode;
  delete element.properties.dataC;
  delete element.properties.id;
  delete element.properties.href;
  for (const child of element.children) if (child.type === 'element') prune(child);
  element.children = element.children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'rect' && child.properties.dataHitbox !== undefined) return [];
    return child.tagName === 'a' ? child.children : [child];
  });
}

const renderers = new Map<string, { tex: Any; document: Any }>();

/** Commands that define macros, which a MathJax keeps for every formula after. */
const DEFINES =
  /\\(?:newcommand|renewcommand|newenvironment|renewenvironment|def|gdef|edef|xdef|let|global)(?![A-Za-z])/;

/** `\require{name}`: MathJax loads the package then; here it is there from the start. */
const REQUIRE = /\\require\s*\{\s*([A-Za-z]+)\s*\}/g;

/** The packages `\require` can load that are not loaded from the start. */
const REQUIRABLE: Record<string, () => Promise<unknown>> = {
  cases: () => import('mathjax-full/js/input/tex/cases/CasesConfiguration.js'),
  centernot: () => import('mathjax-full/js/input/tex/centernot/CenternotConfiguration.js'),
  colortbl: () => import('mathjax-full/js/input/tex/colortbl/ColortblConfiguration.js'),
  colorv2: () => import('mathjax-full/js/input/tex/colorv2/ColorV2Configuration.js'),
  empheq: () => import('mathjax-full/js/input/tex/empheq/EmpheqConfiguration.js'),
  gensymb: () => import('mathjax-full/js/input/tex/gensymb/GensymbConfiguration.js'),
  mathtools: () => import('mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js'),
  noerrors: () => import('mathjax-full/js/input/tex/noerrors/NoErrorsConfiguration.js'),
  physics: () => import('mathjax-full/js/input/tex/physics/PhysicsConfiguration.js'),
  tagformat: () => import('mathjax-full/js/input/tex/tagformat/TagFormatConfiguration.js'),
  textcomp: () => import('mathjax-full/js/input/tex/textcomp/TextcompConfiguration.js'),
  textmacros: () => import('mathjax-full/js/input/tex/textmacros/TextMacrosConfiguration.js'),
  upgreek: () => import('mathjax-full/js/input/tex/upgreek/UpgreekConfiguration.js'),
};

/**
 * Draws one formula with MathJax as SVG; undefined when MathJax cannot render it either (a TeX
 * error, or a macro it does not know, which MathJax would show in red).
 *
 * The TeX is a formula as the theme hands it to KaTeX: numbers are already written as `\tag{n}`
 * and references resolved (markdown/mathjax/numbering.ts), so this MathJax numbers nothing itself.
 */
export async function renderWithMathJax(source: string, display: boolean): Promise<MathJaxRendering | undefined> {
  const { TeX, SVG, mathjax, adaptor, HTMLMathItem, STATE, SerializedMmlVisitor } = await loadMathJax();
  const required = [...source.matchAll(REQUIRE)].map((match) => match[1]!);
  const tex = required.length > 0 ? source.replace(REQUIRE, '') : source;
  for (const name of required) {
    const load = REQUIRABLE[name];
    if (load) await load();
    else if (!(CHIRPY_TEX_PACKAGES as readonly string[]).includes(name)) return undefined;
  }
  const packages = [...new Set<string>([...CHIRPY_TEX_PACKAGES, ...required])];
  const key = packages.join(',');
  // A formula that defines macros gets a MathJax of its own: they would stay for later formulas.
  const defines = DEFINES.test(tex);
  let renderer = defines ? undefined : renderers.get(key);
  if (!renderer) {
    const input = new TeX({ packages, tags: 'none' });
    // No font cache: each SVG holds its own paths (no ids shared across formulas or pages).
    const output = new SVG({ fontCache: 'none' });
    renderer = {
      tex: input,
      document: mathjax.document(adaptor.parse('<html><body></body></html>', 'text/html'), {
        InputJax: input,
        OutputJax: output,
      }),
    };
    if (!defines) renderers.set(key, renderer);
  }
  const { document } = renderer;
  renderer.tex.reset();
  const item = new HTMLMathItem(tex, renderer.tex, display);
  item.start.node = adaptor.body(document.document);
  // 16px text, as the page's; MathJax sizes SVG in ex, so it scales with the font.
  item.setMetrics(16, 8, 80 * 16, 1000000, 1);
  try {
    item.convert(document, STATE.COMPILED);
  } catch {
    return undefined;
  }
  if (!item.root || errorIn(item.root)) return undefined;
  try {
    item.convert(document, STATE.TYPESET);
  } catch {
    return undefined;
  }
  const container = item.typesetRoot;
  const svgNode = adaptor.firstChild(container);
  if (!svgNode || adaptor.kind(svgNode) !== 'svg') return undefined;
  const svg = fragment(adaptor.outerHTML(svgNode)).find((node): node is Element => node.type === 'element');
  const mathml = fragment(new SerializedMmlVisitor().visitTree(item.root)).find(
    (node): node is Element => node.type === 'element',
  );
  if (!svg || !mathml) return undefined;
  prune(svg);
  prune(mathml);
  pruneSpace(mathml);
  return { svg, mathml };
}
