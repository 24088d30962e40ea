/**
 * kramdown's syntax beyond the math, case by case: header ids (`{#id}`), heading ids of headings
 * holding math, the inline table of contents (`{:toc}`, `{:.no_toc}`), setext underlines inside a
 * `$$…$$` span, footnotes cited again, code fence languages as Rouge reads them, and bare URLs.
 * Built by Jekyll and by the theme and compared like the math torture corpus
 * (tests/build/kramdown-differential.test.ts). Kept apart from MATH_TORTURE, whose cases also make
 * the random documents.
 */
import type { TortureCase } from './math-torture.ts';

const cases: TortureCase[] = [];
const add = (name: string, body: string, extra: Partial<TortureCase> = {}) => cases.push({ name, body, ...extra });

// Header ids (kramdown 2.4, parser/kramdown/header.rb: HEADER_ID).
add('header id on an ATX heading', '## Appendix {#appendix}\n\nSee [the appendix](#appendix).');
add('header id on setext headings', 'Appendix {#appendix}\n========\n\nText.\n\nPart two {#part-two}\n---\n\nMore.');
add('header id after a tab', '## Tab\t{#tabbed}\n\nText.');
add('header id needs a space before it', '## NoSpace{#nospace}\n\nText.');
add('header id must be an XML name', '## Bad id {#1abc}\n\n## Good id {#a:b.c-d_e}');
add('header id with trailing spaces', '## Trailing {#trail}   \n\nText.');
add('header id before closing hashes is text', '## Heading {#x} ##\n\n## Other ## {#y}');
add('header id in Hangul', '## 부록 {#부록-a}\n\nText.');
add('header id in a quote', '> ## Quoted {#q}\n>\n> Text.');
add('attribute list after a heading', '## IAL after\n{: #ial-id}\n\nText.');
add('attribute list wins over a header id', '## Both {#one}\n{: #two}\n\nText.');
add('ids of their own take no number', '## A {#x}\n\n## A\n\n## A\n{: #y}\n\n## A');

// Heading ids from kramdown's raw text: a single-dollar formula is text to kramdown.
add('heading id of a spaced single-dollar formula', '## Quadratic Function in $ \\mathbb{R}^n $\n\nText.');
add('heading ids of repeated single-dollar formulas', '## Case $ x $\n\n## Case $ x $\n\n## Case $x$');
add('heading id with typography inside single dollars', '## Dashes $a--b$ and $x...y$ -- "q"\n\nText.');
add('heading id with escapes inside single dollars', '## Escapes $\\{x\\}$ and $a\\_b$\n\nText.');
add('heading id with code and both kinds of math', '## The `x` and $$y^2$$ and $z$\n\nText.');

// kramdown's inline table of contents (converter/html.rb: convert_ul, generate_toc_tree).
add('table of contents', '* TOC\n{:toc}\n\n## A\n\n### B\n\n## C\n\nText.');
add('table of contents as an ordered list', '1. TOC\n{:toc}\n\n## A\n\n### B\n\nText.');
add(
  'table of contents without no_toc headings',
  '# Title\n{:.no_toc}\n\n* TOC\n{:toc}\n\n## A\n\n## Skipped\n{: .no_toc}\n\n### Sub\n\nText.',
);
add(
  'table of contents over every level',
  '* TOC\n{:toc}\n\n# One\n\n## Two\n\n#### Four\n\n## Two again\n\n###### Six',
);
add(
  'table of contents of headings with markup',
  '* TOC\n{:toc}\n\n## First *em* [link](https://example.com/) `code`[^1]\n\n### Sub $$x^2$$ and $y$\n\n[^1]: A note.',
);
add('table of contents named before the list', '{:toc}\n* TOC\n\n## A\n\n## B');
add('table of contents with its own id', '* TOC\n{:toc .cls #contents}\n\n## A\n\n### B');
add('only the first table of contents', '* TOC\n{:toc}\n\n## A\n\n* TOC\n{:toc}\n\n## B');
add('a toc class is no table of contents', '- x\n{:.toc}\n\n## A');
add('table of contents with nothing to list', 'Text.\n\n* TOC\n{:toc}\n\nMore text.');
add('table of contents with ids of their own', '* TOC\n{:toc}\n\n## Setup {#setup}\n\n## Setup\n\n## Setup\n{: #last}');

// A line of `=` or `-` inside a `$$…$$` span is no setext underline.
add('equals line inside a span after text', 'The loss is\n$$\nf\n=\n\\frac{1}{2}\\epsilon^2\n$$\n\nAfter.');
add('dash line inside a span after text', 'Then\n$$\na\n-\nb\n$$\n\nAfter.');
add('rule line inside a span after text', 'Then\n$$\na\n---\nb\n$$\n\nAfter.');
add('setext heading after a closed span', 'Text $$x$$\n---\n\nMore.');
add('setext heading after a code span with dollars', 'Write `$$` here\n===\n\nMore.');

// Footnotes cited again (converter/html.rb: convert_footnote).
add('footnote cited three times', 'Claim[^a] and again[^a] and third[^a].\n\n[^a]: The note.');
add('footnotes in a heading', '## 부록[^3][^4]\n\nText.\n\n[^3]: Three.\n[^4]: Four.');
add('footnote names keep their case', 'Text[^Note] again[^Note].\n\n[^Note]: The note.');
add('footnote names ending in a number', 'A[^a-2] b[^a] c[^a].\n\n[^a]: One.\n[^a-2]: Two.');

// Code fence languages as Rouge reads them (rouge 3.30, Lexer.find: names as written).
add(
  'code fences Rouge knows by other names',
  '```R\nx <- 1\n```\n\n```Dockerfile\nFROM x\n```\n\n```golang\npackage main\n```',
);
add('code fences in a shell session', '```terminal\n$ ls\n```\n\n```shell-session\n$ pwd\n```');
// Listed difference `code-languages` (the comparison sets these blocks aside): the theme highlights them.
add('code fences Rouge does not know', '```YAML\na: 1\n```\n\n```Python\nx = 1\n```\n\n```astro\n---\n---\n```');
add('code fences as usual', '```js\nlet x;\n```\n\n```\nplain\n```\n\n```text\nt\n```\n\n~~~ruby\nx\n~~~');
add('code fence with a file name', '```R\nx <- 1\n```\n{: file="model.R" }\n\nAfter.');

// Bare URLs: kramdown leaves them as text.
add('bare URLs', 'Visit https://example.com/x and www.example.com now.', { differs: 'bare-urls' });

export const KRAMDOWN_SYNTAX: TortureCase[] = cases;
