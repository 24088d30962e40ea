/**
 * Random documents for the judges (tests/build/kramdown-differential.test.ts against kramdown,
 * tests/build/mathjax-judge.test.ts against MathJax): two to seven pieces, each a plain piece, a
 * math torture case or a construct fixture, joined by a blank line or (where kramdown and GFM end
 * blocks alike) a line end. Seeded, so a failing run can be replayed.
 */
import { fixtureCases, readFixtures } from './kramdown-fixtures.ts';
import { MATH_TORTURE } from '../oracle/math-torture.ts';

/** The seed the suite uses: a run's result depends on the code alone. */
export const FIXED_SEED = 1587530747;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN_PIECES = [
  '## 제목 하나',
  '### Section two',
  '## Section two',
  'A plain paragraph with *emphasis* and `code`.',
  '- one\n- two',
  '1. first\n2. second',
  '> A quote.',
  '```python\nprint("$$x$$")\n```',
  '---',
  '한국어 문단입니다. 값은 $$n$$이다.',
  'Text with a [link](https://example.com/a_b) and **bold** and _em_ and ~~gone~~.',
  'Keys <kbd>Ctrl</kbd> + <kbd>C</kbd> copy; see <https://example.com/x>.',
  'A hard break at the end  \nof this line.',
  'Escaped \\*stars\\* and \\_under\\_ and \\# hash.',
  '* star item with "quotes"\n* second -- item',
  "| a | b |\n|---|---|\n| `x` | it's |",
  'Term\n: The definition, with ***both*** kinds.',
];
/**
 * Cases whose dollars do not pair up within the case (an unclosed `$$`, prices, escaped dollars)
 * would pair with the next piece's; they are judged alone, in the torture corpus or as fixtures.
 */
const UNPAIRED = /unclosed|prices|escaped dollar|dollar signs in a row|empty span/;
/**
 * The pieces: the plain ones, and the math torture cases and construct fixtures that show no
 * listed difference and have no front matter of their own.
 */
export const PIECES = [
  ...PLAIN_PIECES,
  ...[
    ...MATH_TORTURE,
    // Two pieces defining the same footnote name would make a document with two notes of one name.
    ...fixtureCases(readFixtures()).filter((item) => !/^\[\^[^\]]+\]:/m.test(item.body)),
  ]
    .filter(
      (item) => !item.differs && !item.frontmatter && !/markdown-lines/.test(item.name) && !UNPAIRED.test(item.name),
    )
    .map((item) => item.body),
];

export interface RandomDocument {
  pieces: string[];
  joins: string[];
}

export const assemble = (doc: RandomDocument) =>
  doc.pieces.map((piece, i) => (i ? doc.joins[i]! : '') + piece).join('');

/**
 * Tables, lists, quotes, footnotes, definitions and HTML blocks end elsewhere in kramdown than in
 * GFM, and a rule under several lines of text is no heading in kramdown (listed differences
 * `block-grammar`, `html-block-content`): such pieces are never joined without a blank line.
 */
const isContainer = (piece: string) => /^(?:\||[-*+] |\d+\. |> |\[\^|: |<|-{3,}$)/m.test(piece);

/**
 * A paragraph with an odd number of `$$` (a piece with a blank line inside its math, say) pairs
 * its dollars with whatever text joins it: such edges are never joined without a blank line,
 * for the same reason as UNPAIRED.
 */
const paragraphs = (piece: string) => piece.split(/\n[ \t]*\n/);
const oddDollars = (text: string) => (text.match(/\$\$/g)?.length ?? 0) % 2 === 1;
export const tightJoinable = (before: string, after: string) =>
  !isContainer(before) &&
  !isContainer(after) &&
  !oddDollars(paragraphs(before).at(-1)!) &&
  !oddDollars(paragraphs(after)[0]!);

export function randomDocument(next: () => number): RandomDocument {
  const count = 2 + Math.floor(next() * 6);
  const pieces: string[] = [];
  const joins: string[] = [];
  for (let i = 0; i < count; i++) {
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    const tight = i > 0 && next() < 0.25 && tightJoinable(pieces[i - 1]!, piece);
    pieces.push(piece);
    joins.push(tight ? '\n' : '\n\n');
  }
  return { pieces, joins };
}

/** `count` random documents from `seed`, as text. */
export function randomDocuments(seed: number, count: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => assemble(randomDocument(next)));
}
