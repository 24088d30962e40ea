/**
 * MathJax is the judge of math (issue Step 15). Every page the tests have (Chirpy's demo posts,
 * the seed post, the example blog, the math torture corpus, the construct fixtures of
 * tests/kramdown/, the random documents of kramdown-differential.test.ts, and the numbering cases
 * below) is published by Jekyll, and
 * Chirpy's MathJax (tests/build/mathjax-judge.ts) reads Jekyll's page as a reader's browser does.
 *
 * - Renderability: every formula MathJax renders without error, the theme renders too: with
 *   KaTeX, or with MathJax at build time where KaTeX cannot. A formula MathJax rejects too
 *   (`\frac{1}`, an unknown macro) may be shown as TeX.
 * - Numbering: each formula shows the tags MathJax shows for it on the same page (`tags: 'ams'`
 *   over the page's formulas in order), and each reference in the text shows the number MathJax
 *   shows and links to an anchor that stands right before the formula with that tag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jekyllBuild, type JekyllPost } from '../helpers/jekyll.ts';
import { fixtureCases, readFixtures } from '../helpers/kramdown-fixtures.ts';
import { normaliseTex } from '../helpers/rendered-facts.ts';
import { buildSite, REPO_DIR, SHARED_DIR, type BuiltSite } from '../helpers/site.ts';
import { parseHtml, renderWithTheme } from '../helpers/theme-markdown.ts';
import { MATH_TORTURE, type TortureCase } from '../oracle/math-torture.ts';
import { FIXED_SEED, randomDocuments } from '../helpers/random-documents.ts';
import { judgePage, themeFormulas, themeReferences, type JudgedFormula, type ThemeFormula } from './mathjax-judge.ts';

// ------------------------------------------------------------------ the numbering cases

/** Pages that number, name and refer, and TeX that KaTeX rejects and MathJax draws. */
const NUMBERING_CASES: Record<string, string> = {
  'align rows with labels, a row without a number, references before and after': [
    'By \\eqref{eq:second} and \\ref{eq:first} we see.',
    '',
    '$$',
    '\\begin{align}',
    'a &= b \\label{eq:first} \\\\',
    'c &= d \\notag \\\\',
    'e &= f \\label{eq:second}',
    '\\end{align}',
    '$$',
    '',
    'Again \\eqref{eq:first}, and $\\eqref{eq:second}$ inside math.',
  ].join('\n'),
  'gather, multline and equation count on': [
    '$$',
    '\\begin{gather}',
    'x = 1 \\\\',
    'y = 2 \\label{g}',
    '\\end{gather}',
    '$$',
    '',
    '$$',
    '\\begin{multline}',
    'a + b + c \\\\',
    '+ d + e \\label{m}',
    '\\end{multline}',
    '$$',
    '',
    '$$',
    '\\begin{equation}',
    '  E = mc^2 \\label{e}',
    '\\end{equation}',
    '$$',
    '',
    'See \\eqref{g}, \\eqref{m} and \\eqref{e}; also \\ref{e}.',
  ].join('\n'),
  'tags, starred tags and starred environments': [
    '$$ a = b \\tag{A} \\label{ta} $$',
    '',
    '$$ c = d \\tag*{B} \\label{tb} $$',
    '',
    '$$',
    '\\begin{align*}',
    'p &= q \\tag{P} \\\\',
    'r &= s',
    '\\end{align*}',
    '$$',
    '',
    '$$',
    '\\begin{align}',
    'u &= v \\\\',
    'w &= z \\tag{W}',
    '\\end{align}',
    '$$',
    '',
    'References \\eqref{ta}, \\ref{tb} and \\eqref{tb}.',
  ].join('\n'),
  'split inside equation, aligned inside equation, a label in split': [
    '$$',
    '\\begin{equation}',
    '\\begin{split}',
    'a &= b \\\\',
    '&= c',
    '\\end{split}',
    '\\label{split}',
    '\\end{equation}',
    '$$',
    '',
    '$$',
    '\\begin{equation}',
    '\\begin{aligned}',
    'x &= y \\label{inner} \\\\',
    '&= z',
    '\\end{aligned}',
    '\\end{equation}',
    '$$',
    '',
    'Then \\eqref{split} and \\eqref{inner}.',
  ].join('\n'),
  'eqnarray, alignat and flalign': [
    '$$',
    '\\begin{eqnarray}',
    'a & = & b \\label{ea} \\\\',
    'c & = & d \\nonumber',
    '\\end{eqnarray}',
    '$$',
    '',
    '$$',
    '\\begin{alignat}{2}',
    'x &= 1 & y &= 2 \\\\',
    'z &= 3 & w &= 4 \\label{aa}',
    '\\end{alignat}',
    '$$',
    '',
    '$$',
    '\\begin{flalign}',
    'f &= g & \\label{fa}',
    '\\end{flalign}',
    '$$',
    '',
    'So \\eqref{ea}, \\eqref{aa}, \\eqref{fa}.',
  ].join('\n'),
  'numbered environments in inline math': [
    'Inline $$\\begin{align} a &= b \\end{align}$$ then $\\begin{gather} x \\end{gather}$ and',
    '\\\\(\\begin{equation} y \\label{ie} \\end{equation}\\\\).',
    '',
    '$$',
    '\\begin{equation}',
    '  z = 1',
    '\\end{equation}',
    '$$',
    '',
    'See \\eqref{ie}.',
  ].join('\n'),
  'references before their labels, and to labels that do not exist': [
    'Forward: \\eqref{later}, missing: \\eqref{nowhere}, \\ref{later}.',
    '',
    '$$ \\eqref{later} + \\ref{nowhere} $$',
    '',
    '$$',
    '\\begin{align}',
    'a &= b \\\\',
    'c &= d \\label{later}',
    '\\end{align}',
    '$$',
  ].join('\n'),
  'a label twice, a label without a number': [
    '$$',
    '\\begin{equation} a \\label{twice} \\end{equation}',
    '$$',
    '',
    '$$',
    '\\begin{equation} b \\label{twice} \\end{equation}',
    '$$',
    '',
    '$$ c \\label{plain} $$',
    '',
    'See \\eqref{twice} and \\eqref{plain}.',
  ].join('\n'),
  'environments in the text without delimiters': [
    '\\begin{equation}',
    'a = b \\label{bare}',
    '\\end{equation}',
    '',
    '\\begin{align}',
    // `\\\\` in the text is `\\` for MathJax (a row break); `\\` at a line's end is kramdown's line break.
    'c &= d \\\\\\\\ e &= f',
    '\\end{align}',
    '',
    'By \\eqref{bare}.',
  ].join('\n'),
  'line breaks with spacing, comments and a final line break': [
    '$$',
    '\\begin{align}',
    'a &= b \\\\[2pt]',
    'c &= d % a comment \\\\',
    '\\\\*',
    'e &= f \\\\',
    '\\end{align}',
    '$$',
    '',
    '$$',
    '\\begin{gather}',
    'x \\nonumber \\\\',
    'y',
    '\\end{gather}',
    '$$',
  ].join('\n'),
  'a footnote with a numbered formula': [
    'Claim.[^1] And \\eqref{fn}.',
    '',
    '$$',
    '\\begin{equation} a = 1 \\end{equation}',
    '$$',
    '',
    '[^1]: See',
    '',
    '    $$',
    '    \\begin{equation} b = 2 \\label{fn} \\end{equation}',
    '    $$',
  ].join('\n'),
  'TeX KaTeX rejects and MathJax draws': [
    'Falling powers $x^\\underline{n}$ and $$x^\\underline{k} = x(x-1)\\cdots$$.',
    '',
    'Text $\\text{a_b}$ and $$\\text{c#d}$$ and $$\\ce{H2O}$$ and $$\\bbox[red]{x}$$.',
    '',
    '$$',
    '\\begin{multline*}',
    'a + b \\\\',
    '+ c',
    '\\end{multline*}',
    '$$',
    '',
    '$$ \\require{cancel} \\cancel{x} $$',
  ].join('\n'),
  'TeX both reject': ['Broken $$\\frac{1}$$ and $$\\foo x$$ and $$\\left( x$$.'].join('\n'),
};

// ------------------------------------------------------------------ the random documents

const RANDOM_COUNT = 300;

// ------------------------------------------------------------------ judging one page

interface Score {
  pages: number;
  formulas: number;
  mathjax: number;
  katex: number;
  fallback: number;
  /** Formulas MathJax rejects too, shown as TeX by the theme. */
  bothReject: number;
  /** Formulas MathJax rejects that KaTeX renders. */
  katexOnly: number;
  /** Formulas MathJax finds in Jekyll's page that the theme's page does not have (listed differences). */
  missing: number;
  tags: number;
  references: number;
  unresolved: number;
}

const emptyScore = (): Score => ({
  pages: 0,
  formulas: 0,
  mathjax: 0,
  katex: 0,
  fallback: 0,
  bothReject: 0,
  katexOnly: 0,
  missing: 0,
  tags: 0,
  references: 0,
  unresolved: 0,
});

const scores = new Map<string, Score>();
const problems = new Map<string, string[]>();

/** The theme's formula for each of MathJax's, paired in order by their TeX. */
function pair(judged: JudgedFormula[], theme: ThemeFormula[]): (ThemeFormula | undefined)[] {
  let cursor = 0;
  return judged.map((formula) => {
    const tex = normaliseTex(formula.tex);
    const at = theme.findIndex((candidate, i) => i >= cursor && normaliseTex(candidate.tex) === tex);
    if (at < 0) return undefined;
    cursor = at + 1;
    return theme[at];
  });
}

function judge(corpus: string, name: string, judged: JudgedFormula[], root: HTMLElement, allowMissing = false): void {
  const score = scores.get(corpus) ?? emptyScore();
  scores.set(corpus, score);
  const found = problems.get(corpus) ?? [];
  problems.set(corpus, found);
  score.pages += 1;
  const formulas = judged.filter((formula) => !formula.textReference);
  const theme = themeFormulas(root);
  const paired = pair(formulas, theme);
  formulas.forEach((formula, i) => {
    const mine = paired[i];
    score.formulas += 1;
    if (!formula.error) score.mathjax += 1;
    if (mine?.drawn === 'katex') score.katex += 1;
    if (mine?.drawn === 'mathjax') score.fallback += 1;
    if (formula.error && (mine?.drawn === 'tex' || mine?.drawn === 'unknown')) score.bothReject += 1;
    if (formula.error && mine?.drawn === 'katex') score.katexOnly += 1;
    if (!mine) {
      score.missing += 1;
      if (!formula.error && !allowMissing)
        found.push(`${name}: the theme has no formula ${JSON.stringify(formula.tex)}`);
      return;
    }
    if (!formula.error && (mine.drawn === 'tex' || mine.drawn === 'unknown')) {
      found.push(`${name}: MathJax renders ${JSON.stringify(formula.tex)}, the theme shows it as TeX (${mine.drawn})`);
    }
    if (!formula.error) {
      score.tags += formula.tags.length;
      if (JSON.stringify(formula.tags) !== JSON.stringify(mine.tags)) {
        found.push(
          `${name}: ${JSON.stringify(formula.tex)} has the tags ${JSON.stringify(formula.tags)} in MathJax, ${JSON.stringify(mine.tags)} in the theme`,
        );
      }
    }
  });
  // References in the text: MathJax's numbers, linked to the formula with that tag.
  const references = judged.filter((formula) => formula.textReference);
  const resolved = references.map((formula) => formula.references[0] ?? '').filter((text) => !text.includes('???'));
  score.references += resolved.length;
  score.unresolved += references.length - resolved.length;
  const links = themeReferences(root);
  if (JSON.stringify(links.map((link) => link.text)) !== JSON.stringify(resolved)) {
    found.push(
      `${name}: text references read ${JSON.stringify(resolved)} in MathJax, ${JSON.stringify(links.map((link) => link.text))} in the theme`,
    );
  }
  // `\eqref` shows a tag in parentheses, `\ref` without; a `\tag*{B}` is shown as `B`.
  const bare = (text: string) => text.replace(/^\((.*)\)$/, '$1');
  for (const link of links) {
    const tags = (link.lands?.tags ?? []).map(bare);
    if (!tags.includes(bare(link.text))) {
      found.push(`${name}: the reference ${link.text} (#${link.target}) does not land on a formula tagged so`);
    }
  }
}

const scoreLine = (corpus: string) => {
  const s = scores.get(corpus) ?? emptyScore();
  return (
    `${s.pages} pages, ${s.formulas} formulas: MathJax renders ${s.mathjax}; the theme renders ${s.katex} with KaTeX ` +
    `and ${s.fallback} with MathJax; ${s.bothReject} rejected by both, shown as TeX; ${s.katexOnly} rejected by ` +
    `MathJax and rendered by KaTeX; ${s.missing} not on the theme's page (listed differences); ${s.tags} tags and ${s.references} text references as MathJax shows them ` +
    `(${s.unresolved} unresolved, \`???\` in MathJax, left as TeX)`
  );
};

const pageText = (body: string, frontmatter = 'title: t\nmath: true') => `---\n${frontmatter}\n---\n\n${body}\n`;
const caseFile = (index: number) => `2024-01-01-case-${String(index).padStart(3, '0')}.md`;

/** Jekyll's page and the theme's rendering of each body; MathJax judges. */
async function judgeBodies(corpus: string, bodies: { name: string; body: string; item?: TortureCase }[]) {
  const texts = bodies.map(({ body, item }) => pageText(body, item?.frontmatter));
  const published = await jekyllBuild(
    `judge-${corpus.replace(/\W+/g, '-')}`,
    Object.fromEntries(texts.map((text, i) => [caseFile(i), text])),
  );
  for (const [i, { name, body, item }] of bodies.entries()) {
    const post = published.get(caseFile(i));
    if (!post) continue;
    const math = !item?.frontmatter || /^math:\s*true/m.test(item.frontmatter);
    if (!math) continue;
    const theme = await renderWithTheme(body, { math: true });
    judge(corpus, name, await judgePage(post.html), parseHtml(theme.html), Boolean(item?.differs));
  }
}

// ------------------------------------------------------------------ the tests

afterAll(() => {
  for (const corpus of scores.keys()) console.log(`MathJax judge, ${corpus}: ${scoreLine(corpus)}`);
});

const expectNoProblems = (corpus: string) =>
  expect(problems.get(corpus) ?? [], `${corpus}: ${scoreLine(corpus)}`).toEqual([]);

describe('MathJax is the judge', () => {
  it('MathJax reads a page as Chirpy configures it', async () => {
    const page = await judgePage(
      '<p>See \\eqref{a}.</p>\n<p>\\[\\begin{align} x &amp;= 1 \\label{a} \\\\ y \\end{align}\\]</p>\n<p>$\\text{a#b}$ and \\(\\frac{1}\\)</p>',
    );
    expect(
      page.map((formula) => [formula.textReference, formula.tags, formula.references, Boolean(formula.error)]),
    ).toEqual([
      [true, [], ['(1)'], false],
      [false, ['(1)', '(2)'], [], false],
      [false, [], [], false],
      [false, [], [], true],
    ]);
  });

  it('numbering cases: every formula MathJax renders, numbered and referred to as MathJax does', async () => {
    await judgeBodies(
      'numbering cases',
      Object.entries(NUMBERING_CASES).map(([name, body]) => ({ name, body })),
    );
    expectNoProblems('numbering cases');
    const score = scores.get('numbering cases')!;
    expect(score.fallback).toBeGreaterThanOrEqual(8);
    expect(score.tags).toBeGreaterThanOrEqual(20);
  });

  it('the math torture corpus', async () => {
    await judgeBodies(
      'math torture corpus',
      MATH_TORTURE.map((item) => ({ name: item.name, body: item.body, item })),
    );
    expectNoProblems('math torture corpus');
  });

  it('the construct fixtures', async () => {
    await judgeBodies(
      'construct fixtures',
      fixtureCases(readFixtures()).map((item) => ({ name: item.name, body: item.body, item })),
    );
    expectNoProblems('construct fixtures');
  });

  it(`${RANDOM_COUNT} random documents`, async () => {
    await judgeBodies(
      'random documents',
      randomDocuments(FIXED_SEED, RANDOM_COUNT).map((body, i) => ({ name: `random document ${i}`, body })),
    );
    expectNoProblems('random documents');
  });

  describe('real posts, built as a site', () => {
    const dirs = [
      join(SHARED_DIR, 'corpus/chirpy-demo'),
      join(SHARED_DIR, 'corpus/seed'),
      join(REPO_DIR, 'examples/blog/src/content/posts'),
    ];
    // One site for all of them: a post whose title another corpus has too gets a suffix.
    const titles = new Set<string>();
    const files: Record<string, string> = Object.fromEntries(
      dirs.flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => /\.(md|markdown)$/.test(name) && /^\d{4}-/.test(name))
          .map((name) => {
            const title = name.replace(/^\d{4}-\d{2}-\d{2}-/, '');
            const unique = titles.has(title) ? name.replace(/(\.\w+)$/, '-again$1') : name;
            titles.add(title);
            return [unique, join(dir, name)];
          }),
      ),
    );
    let published: Map<string, JekyllPost>;
    let site: BuiltSite;
    beforeAll(async () => {
      const texts = Object.fromEntries(Object.entries(files).map(([name, path]) => [name, readFileSync(path, 'utf8')]));
      published = await jekyllBuild('judge-real-posts', texts);
      site = await buildSite('mathjax-judge-real-posts', { copyPosts: files, options: { timezone: 'UTC' } });
    });

    it("Chirpy's demo posts, the seed post and the example blog", async () => {
      for (const [file, path] of Object.entries(files)) {
        const post = published.get(file);
        if (!post || !/^math:\s*true\s*$/m.test(readFileSync(path, 'utf8'))) continue;
        const content = site.html(decodeURI(post.url)).querySelector('.content')!;
        judge('real posts', file, await judgePage(post.html), content);
      }
      expectNoProblems('real posts');
      expect(scores.get('real posts')!.formulas).toBeGreaterThan(0);
    });
  });
});
