/**
 * The math torture corpus: small post bodies, each built by Jekyll (kramdown) and by the theme and
 * compared fact by fact (tests/build/kramdown-differential.test.ts). Written from kramdown's syntax
 * documentation (Math blocks, Math spans) and its parser (lib/kramdown/parser/kramdown/math.rb:
 * a block needs a block boundary before and after, the first `$$` closes; a span is `$$…$$`
 * anywhere in running text), from the shapes real Chirpy posts use, and from MathJax's reading of
 * what kramdown leaves in the page (`$…$`, `\(…\)`, escapes).
 *
 * A case the theme renders differently on purpose names the difference (`differs`), which must be
 * listed in the README (section "Jekyll is the judge").
 */

export interface TortureCase {
  name: string;
  body: string;
  /** Front matter lines; `math: true` unless given. */
  frontmatter?: string;
  /** The id of a listed intended difference this case shows. */
  differs?: string;
}

/** Formulas as posts write them on one line. */
const SPAN_SHAPES: Record<string, string> = {
  power: '$$x^2$$',
  spaced: '$$ a + b = c $$',
  fraction: '$$\\frac{1}{2}$$',
  aligned: '$$ \\begin{aligned} a &= b \\\\ c &= d \\end{aligned} $$',
  bmatrix: '$$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$',
  cases: '$$f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$',
  pipes: '$$\\|x\\|_2 = \\sqrt{x^\\top x}$$',
  underscores: '$$a\\_b + x_{i}^{j}$$',
  dollar: '$$\\$5 + \\$10$$',
  hangul: '$$\\text{값} = 1$$',
  lt: '$$a < b > c \\& d$$',
  brackets: '$$\\left[ \\frac{a}{b} \\right] [1]$$',
};

/** Display formulas over several lines, the shapes the issue saw break. */
const BLOCK_SHAPES: Record<string, string> = {
  fenced: '$$\nx^2 + y^2 = z^2\n$$',
  'tex-on-fences': '$$ \\begin{aligned}\na &= b \\\\[1em]\nc &= d\n\\end{aligned} $$',
  'left-on-open': '$$ \\left[\n\\frac{a}{b}\n\\right] $$',
  'align-star': '$$\n\\begin{align*}\nx &= 1 \\\\\ny &= 2\n\\end{align*}\n$$',
  'cases-open': '$$\\begin{cases}\n1 & x > 0 \\\\\n0 & x \\le 0\n\\end{cases}$$',
  'matrix-gap': '$$\n\\begin{matrix}\na & b \\\\[2pt]\nc & d\n\\end{matrix}\n$$',
  'markdown-lines': '$$\na\n= b\n- c\n+ d\n> e\n# f\n1. g\n$$',
  'blank-inside': '$$\na = b\n\nc = d\n$$',
  'indented-lines': '$$\n    x = 1\n        y = 2\n$$',
  equation: '$$\n\\begin{equation}\n  E = mc^2 \\label{eq:e}\n\\end{equation}\n$$',
};

const cases: TortureCase[] = [];
const add = (name: string, body: string, extra: Partial<TortureCase> = {}) => cases.push({ name, body, ...extra });

// Every one-line shape in every place running text can hold it.
for (const [shape, math] of Object.entries(SPAN_SHAPES)) {
  add(`span ${shape}: alone`, `Before.\n\n${math}\n\nAfter.`);
  add(`span ${shape}: in a sentence`, `The value ${math} is shown.`);
  add(`span ${shape}: next to Hangul`, `값은 ${math}이고 ${math}의 값이다.`);
  add(`span ${shape}: in a list item`, `- first ${math} item\n- ${math}\n- last`);
  add(`span ${shape}: escaped in a list item`, `1. \\${math}\n2. two`);
  add(`span ${shape}: in a blockquote`, `> quoted ${math} text\n>\n> ${math}`);
  add(
    `span ${shape}: in a table`,
    `| a | b |\n| --- | --- |\n| ${math.replace(/\|/g, '\\|')} | x |`,
    shape === 'pipes' ? { differs: 'table-backslash-pipe' } : {},
  );
  add(`span ${shape}: in a heading`, `## Heading ${math} here\n\nText.`);
  add(`span ${shape}: after a heading`, `## Heading\n${math}\n\nText.`);
  add(`span ${shape}: text after on its line`, `${math} and more text.\n\nNext.`);
}

// Every multi-line shape as a block, and where it stops being one.
for (const [shape, math] of Object.entries(BLOCK_SHAPES)) {
  add(`block ${shape}: between paragraphs`, `Before.\n\n${math}\n\nAfter.`);
  const grammar = shape === 'markdown-lines' ? { differs: 'block-grammar' } : {};
  add(`block ${shape}: no blank line before`, `Before.\n${math}\n\nAfter.`, grammar);
  add(`block ${shape}: no blank line after`, `Before.\n\n${math}\nAfter.`, grammar);
  add(`block ${shape}: in a list item`, `- item\n\n  ${math.replace(/\n/g, '\n  ')}\n\n- next`);
  add(`block ${shape}: in a blockquote`, `> ${math.replace(/\n/g, '\n> ')}\n\nAfter.`);
  add(`block ${shape}: then a heading`, `${math}\n\n## Next heading\n\n$$y$$ after.`);
}

// Shapes from real posts, one by one.
add('several spans on one line with Hangul', '$$(2)$$의 값과 $$(3)$$을 비교하면 $$a=b$$이다.');
add('list items of spans', '- $$a$$와 $$b$$\n- $$c$$\n- \\$$d$$\n- text $$e$$ text');
add('nested list with math', '- outer\n  - inner $$x$$\n  - $$y$$\n- back');
add('ordered list block math', '1. Step one\n\n   $$\n   x = 1\n   $$\n\n2. Step two');
add('footnote with math', 'Claim.[^1]\n\n[^1]: See $$x^2$$ and $y$.');
add('footnote with block math', 'Claim.[^a]\n\n[^a]: Proof:\n\n    $$\n    x = 1\n    $$');
add('unclosed double dollar', 'Costs $$ 5 and nothing closes.\n\n## Still a heading\n\nText.');
add('unclosed block', '$$\nx = 1\n\n## Heading after\n\nText.');
add('double dollar in code span', 'Write `$$x$$` for math.');
add('double dollar in a fence', '```latex\n$$x$$\n```\n\nAfter.');
add('double dollar in an indented code block', 'Text.\n\n    $$x$$\n\nAfter.');
add('code span inside math', 'Math $$`a`$$ and `$$b$$`.');
add('span starts before a code span', 'a $$x `y$$` z');
// Code spans by kramdown's rule: the opening run closes at the first run of as many backticks,
// even inside a longer one (found by the random documents: the backtick left after the formula
// pairs with the first of the two in ``quoted'', so the single dollars between are code).
add('backtick after a formula pairs with TeX quotes', "a $$x `y$$` z\nThe derivative $f'(x)$ or $\\text{``quoted''}$.");
add('a lone dollar before a double-dollar span', 'It costs $5, and $$x^2$$ is math.');
add('a lone dollar, a span, then another dollar', 'Pay $5 for $$a$$ and $6 more.');
add('a lone dollar, a line end, then a span', 'Pay $5 for\n$$a$$ and $6 more.');
add('a single-dollar formula holding a span at its start', 'Then $ $$b$$ + c$ ends.');
// Typography in prose, as kramdown makes it (markdown/kramdown/typography/: read by the parser, with
// kramdown's own rules; Astro's SmartyPants is off).
add('dashes and ellipses', 'a -- b --- c ... d, pages 1--2, years 3---4.');
add('backtick quotes stay backticks', "``x'' and \"y\" and 'z'.");
add('apostrophes and single quotes', "It's the 80's, don't 'quote' me; '90s rock'n'roll.");
add('spaced dots', 'a . . . b');
add('quotes after punctuation before a word', 'a "(x)"y "[x]"y "x%"y "x!"y "x:"y "x,"y and \'(x)\'y \'x!\'y.');
add('Korean particles after quotes', '"자유도(degree)"의 수, "100%"를, "x)"가, "끝."이다, "정말?"이라고, \'작은\'을.');
add('quotes around emphasis after a word', 'x"*em*" and y"**b**" end.');
add('long runs of hyphens', 'a ---- b ----- c ------ d ------- e\n\n\\------------------------------------');
add('guillemets', 'Say << a >> and <<b>>, then x<<y>>z.');
add('shift operators in prose', 'Write cout << x and y >> 2 in C++; \\<< stays.');
add('escaped quotes, dashes and dots', String.raw`Escaped \"q\" and \'s\' and \-\- and \.\.\. end.`);
add('Korean prose with quotes and dashes', '한국어 "인용" 그리고 \'작은\' -- 대시... 끝.');
add('a code span opening inside single dollars', "Quote $\\text{``a''}$ then ``code`` here.");
add(
  'backticks in single dollars closed by a stray fence line',
  "The derivative $f'(x)$ or $\\text{``quoted''}$.\n```python linenums\ncode\n```\n\nAfter $$x$$.",
);
// Emphasis by kramdown's rule: punctuation does not stop `**` closing before a letter (Korean
// particles after a parenthesis or quote); found on real Korean Chirpy blogs.
add(
  'strong after a parenthesis before a Korean particle',
  '물리학에서 **일(Work)**은 바로 이 관계다. **벡터 사영(Vector Projection)**이다.',
);
add('emphasis before Korean particles', '**굵게**를 *기울임*은 **"인용"**이 그리고 **100%**를.');
add('underscores inside words', 'snake_case_name and _em_ and __strong__ here.');
add('strong between letters around punctuation', 'a**b(c)**d and x*(y)*z and **a.**b and **(a)** b.');
add('single tildes in Korean ranges', 'GPU 0은 0~249번째, GPU 1은 250~499번째; ~single~ and ~~double~~ struck.');
add('a quote after a space before a symbol', "여기서 '≈'는 근사이고 \"→\"는 화살표, '80s stays.");
add('code span closed inside a longer run', 'Say `a``b` and `a```b`c` here, $$x$$.');
add('double backtick span with a backtick inside', 'Use `` `a` `` or ``a`b`` with $$x$$.');
add('lone backticks between spaces', 'a ` b ` c and x` a ` with $y$.');
add('code span over a line end', 'The `code\nspans` lines, then $$z$$.');
add('unclosed code span run', 'Text ``` `` then $$w$$ and `$v$`.');
add('escaped dollar', 'It costs \\$5 and \\$10.');
add(
  'escaped dollars as math delimiters',
  '\\$u \\sim \\text{Uniform}(0,1)\\$을 뽑아, \\$u \\leq \\alpha\\$이면 이동합니다.',
);
add('escaped backslash before a dollar', 'A literal \\\\$5 here and $x$ there.');
add('escaped dollar before math', 'a \\$$x$$ b');
add('escaped backslash parens', 'Inline \\\\(a+b\\\\) and display \\\\[c+d\\\\].');
add('escaped backslash brackets alone', '\\\\[\n\\sum_i x_i\n\\\\]');
add('single dollar', 'Single $a+b$ math.');
add('single dollar with escapes', 'Set $\\\\{x\\\\}$ and $a\\_1$.');
add('single dollar across a line end', 'Start $a +\nb$ end.');
add('single dollar with braces', 'Braces ${a$b}$ ok.');
add('single dollar prices', 'Apples cost $5 and pears $10 each.');
add('single dollar next to Hangul', '값 $x$는 $y$보다 크다.');
add(
  'single dollar with typography',
  "The derivative $f'(x)$ of $a_1, \\ldots, a_n$ and $x...y$ -- or $\\text{``quoted''}$.",
);
add('pipe in running text', 'Bayes: $P(A|B) = P(B|A)P(A)/P(B)$ and $|x|$.', { differs: 'pipe-table-lines' });
add('pipe in running text with double dollars', '노름은 $$|x|$$이다.', { differs: 'pipe-table-lines' });
add('pipe avoided with \\vert and \\mid', 'Bayes: $P(A \\mid B)$ and $\\vert x \\vert$ and $$\\lVert x \\rVert$$.');
add('dollar signs in a row', 'Four $$$$ then $$$x$$$ end.');
add('empty span', 'Empty $$$$ here.');
add('math at paragraph end', 'The formula is\n$$x$$');
add('math at paragraph start', '$$x$$\nis the formula.');
add('block after a list without blank', '- item\n$$x$$\n\nText.');
add('block at document end without newline', 'Text.\n\n$$x = 1$$');
add('block followed by attribute list', '$$x = 1$$\n{: .math-block}\n\nText.');
add('trailing spaces after block', 'Text.\n\n$$x = 1$$   \n\nMore.');
add('block indented by three spaces', 'Text.\n\n   $$x = 1$$\n\nMore.');
add('block indented by four spaces', 'Text.\n\n    $$x = 1$$\n\nMore.');
add('two blocks back to back', '$$a$$\n$$b$$\n\nText.');
add('two blocks with blank lines', '$$a$$\n\n$$b$$\n\nText.');
add('block then span on the closing line', '$$\na\n$$ and $$b$$\n\nText.');
add('math in emphasis', '*emphasis $$x$$ inside* and **strong $$y$$**.');
add('math in a link', '[link $$x$$](https://example.com/) here.');
add('math next to a link', 'See [the page](https://example.com/a_b) for $$a_b$$.');
add('math with a URL inside', '$$\\href{https://example.com}{x}$$');
add('heading ids with math', '## Case $$n = 1$$\n\n## Case $$n = 1$$\n\n### 경우 $$k$$');
add('heading with single dollar', '## Cost $x$ of it\n\nText.');
add('definition-like colon line', 'Term\n: $$x$$ definition');
add('math then hard line break', 'Line $$x$$  \nnext line.');
add('backslash line break in math', '$$a \\\\ b \\\\\\\\ c$$');
add('html escapes in math', '$$a &lt; b &amp; c$$');
add('math with percent', '$$50\\% + 10\\%$$');
add('math with hash', '$$\\#x + \\# y$$');
add('math with tilde', '$$a \\sim b ~ c$$');
add(
  'long aligned from a real post',
  [
    '풀이는 다음과 같다.',
    '',
    '$$ \\begin{aligned}',
    'P(A|B) &= \\frac{P(B|A)P(A)}{P(B)} \\\\[1em]',
    '&= \\frac{0.9 \\times 0.01}{0.05} \\\\',
    '&= 0.18',
    '\\end{aligned} $$',
    '',
    '따라서 $$(2)$$의 값은 $$0.18$$이다.',
    '',
    '## 다음 절',
  ].join('\n'),
);
add('block inside a blockquote after text', '> Text.\n>\n> $$\n> x = 1\n> $$\n>\n> More.');
add('math inside a table with pipes escaped', '| f | g |\n|---|---|\n| $$a\\|b$$ | $$\\|c\\|$$ |');
add('environments without delimiters', '\\begin{equation}\na = b\n\\end{equation}');
add(
  'eqref to a numbered equation',
  '$$\n\\begin{equation}\n  a = b \\label{eq:ab}\n\\end{equation}\n$$\n\nBy \\eqref{eq:ab} we see.',
);
add(
  'block in a quote with lazy lines',
  '> Text.\n>\n> $$\\begin{aligned}\n    a &= b \\\\\n    &= c\n    \\end{aligned}$$\n>\n> More.',
);
add('block in a quote before an attribute list', '> **Theorem**\n>\n> $$f(x) = g(x)$$\n{: .prompt-info }\n\nAfter.');
add('emphasis inside single dollars', 'So $(A^T)_{ij} = A_{ji}$ holds.', { differs: 'single-dollar-emphasis' });
add(
  'tilde spacing line in single-dollar math',
  '$\\displaystyle\n~~~~~\\nabla f\n= 0$\n\n#### (2) Next heading\n\nText.',
);
add('fence with two words is text', '```python linenums\ncode\n```\n\nAfter $$x$$.');
add('unclosed fence is text', 'Before.\n\n```\nnot code $$y$$\n\n## Heading\n\n$$z$$');
add('empty heading line', '### Title\n\n### \n\n$$x$$');
add('image tag alone on a line', 'Text $$a$$\n<img src="/a.png" alt="a">\nmore $$b$$ text');
add('br alone on a line', '<br>\nline after $x$\n\n## Heading');
add(
  'markdown="1" in details',
  '<details>\n<summary>Proof</summary>\n<div markdown="1">\n<br>\nSo $S_*$ holds\n- item $$x$$\n\n## Inner\n\n$$\ny = 1\n$$\n\n</div>\n</details>\n\nAfter $$z$$.',
);
add('markdown="block" on a div', '<div markdown="block" class="note">\n**Note** $y$ and $$w$$\n</div>');
add('block html without markdown across a blank line', '<div>\n*raw* $$a$$\n\nmore $$b$$\n</div>', {
  differs: 'html-block-content',
});
add('block math before a nested list', '- $$x$$\n  - b\n  - c\n\nAfter $$y$$.');
add(
  'two markdown="1" elements in one HTML block',
  '<div markdown="1">\n*a* $$p$$\n</div>\n<div markdown="1">\n*b* $$q$$\n</div>',
);
add(
  'markdown="1" elements after a definition list',
  'Term\n: $$x$$ definition\n\n<div markdown="1">\n*a* $$p$$\n</div>\n<div markdown="1">\n*b* $$q$$\n</div>',
);
add('definition inside markdown="1"', '<div markdown="1">\nTerm $$t$$\n: def $$d$$\n</div>');
add('non-math post keeps dollars as text', 'Price $$5$$ and $10.', { frontmatter: 'title: t' });
add('non-math post block', '$$\nx\n$$', { frontmatter: 'title: t', differs: 'no-math-posts' });

export const MATH_TORTURE: TortureCase[] = cases;
