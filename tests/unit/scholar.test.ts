/**
 * jekyll-scholar's tags as pure functions (packages/theme/src/markdown/liquid/scholar.ts). Expected HTML comes
 * from jekyll-scholar's recorded outputs where they exist: its features/*.feature scenarios (named in
 * each test) and README; the markup around them (`<a class="citation" href>`, `<ol class="bibliography">`,
 * `<li><span id>`) is utilities.rb's `link_to`/`content_tag` and tags/bibliography.rb.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScholar,
  matchesQuery,
  parseScholarArguments,
  rubySucc,
  ScholarError,
  type CitedKeys,
  type Scholar,
} from '../../packages/theme/src/markdown/liquid/scholar.ts';

/** The book pair most features use (citation.feature, cited_only.feature, reference.feature). */
const RUBY = `@book{ruby,
  title     = {The Ruby Programming Language},
  author    = {Flanagan, David and Matsumoto, Yukihiro},
  year      = {2008},
  publisher = {O'Reilly Media}
}`;
const MICROSCOPE = `@book{microscope,
  title     = {Ruby Under a Microscope},
  author    = {Pat Shaughnessy},
  year      = {2013},
  publisher = {No Starch Press}
}`;
const SMALLTALK = `@book{smalltalk,
  title     = {Smalltalk Best Practice Patterns},
  author    = {Kent Beck},
  year      = {1996},
  publisher = {Prentice Hall}
}`;

const REFERENCES = `${RUBY}

${MICROSCOPE},
${SMALLTALK}

@string{kaist = {Korea Advanced Institute of Science and Technology}}

@article{pollock,
  title = {Ideología y narrativa en el Ramayana de Valmiki},
  number = {22},
  journal = {Estudios de Asia y Africa},
  author = {Pollock, Sheldon I.},
  year = {1987},
  pages = {336--54}
}

@inproceedings{kim2020,
  author    = {김철수 and 이, 영희 and Park, Ji-hoon},
  title     = {한국어 자연어 처리 연구},
  booktitle = {Proceedings of the Korean Conference on AI},
  year      = {2020},
  pages     = {1--10},
  doi       = {10.1000/xyz123}
}

@book{hong2021,
  author    = {홍, 길동 and 김, 철수},
  title     = {한국 고전 문학의 이해},
  publisher = kaist,
  year      = {2021}
}

@phdthesis{phd,
  author    = {Doe, Jane},
  title     = {A Thesis},
  school    = {Stanford University},
  year      = {2005}
}

@techreport{report,
  author      = {Doe, Jane},
  title       = {A Report},
  institution = {Research and Development Lab},
  number      = {42},
  year        = {2001}
}

@misc{umlaut,
  title     = {Look, an umlaut: \\"u!},
}

@misc{superscript,
  title     = {Look, \\textsuperscript{superscript}!},
}
`;

const RUBY_REFERENCE =
  'Flanagan, D., &amp; Matsumoto, Y. (2008). <i>The Ruby Programming Language</i>. O’Reilly Media.';
const MICROSCOPE_REFERENCE = 'Shaughnessy, P. (2013). <i>Ruby Under a Microscope</i>. No Starch Press.';
const SMALLTALK_REFERENCE = 'Beck, K. (1996). <i>Smalltalk Best Practice Patterns</i>. Prentice Hall.';

let dir: string;
let scholar: Scholar;
const newPage = (): CitedKeys => new Set<string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chirpy-scholar-'));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('references.bib', REFERENCES);
  write('other_references.bib', RUBY);
  write('references1.bib', RUBY);
  write('references2.bib', MICROSCOPE);
  write('broken.bib', '@book{fine, title={Fine}}\n@misc{bad, title={unclosed}\n@article{next, title={x}}\n');
  write(
    'authors.bib',
    `@article{testa, title={test1}, author={Albert, Alex A and Booth, Brian and Cook, Cathy}, journal={Irrelevant}, year={2018}}
@article{testb, title={test2}, author={Booth, Brian and Albert, Alex and Cook, Cathy}, journal={Irrelevant}, year={2018}}
@article{testc, title={test3}, author={Cook, Cathy and Booth, Brian and Albert, Alex}, journal={Irrelevant}, year={2018}}
@article{testd, title={test4}, author={Done, Daniel}, journal={Irrelevant}, year={2018}}
`,
  );
  write(
    'years.bib',
    `@book{ruby1, title = {The Ruby Programming Language}, author = {Flanagan, David}, year = {2008}, publisher = {O'Reilly Media}}
@book{ruby2, title = {Nil}}
@book{ruby3, title = {The Ruby Programming Language}, author = {Flanagan, David}, year = {2007}, publisher = {O'Reilly Media}}
`,
  );
  write('dupes.bib', `${RUBY}\n@book{ruby, title = {Second Ruby}, year = {2009}}\n`);
  mkdirSync(join(dir, 'sub'));
  write('sub/more.bib', SMALLTALK);
  scholar = createScholar({ dir });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cite', () => {
  it('renders one key as a link to its reference (citation.feature: A Simple Citation; README)', () => {
    expect(scholar.cite(['ruby'], { page: newPage() })).toBe(
      '<a class="citation" href="#ruby">(Flanagan &amp; Matsumoto, 2008)</a>',
    );
  });

  it('joins several keys in one link to the first (citation.feature: Multiple Citations)', () => {
    // Recorded: "Flanagan &amp; Matsumoto, 2008; Shaughnessy, 2013".
    expect(scholar.cite(['ruby', 'microscope'], { page: newPage() })).toBe(
      '<a class="citation" href="#ruby">(Flanagan &amp; Matsumoto, 2008; Shaughnessy, 2013)</a>',
    );
  });

  it('keeps the order the keys were given, as citeproc-ruby does (no citation sorting)', () => {
    expect(scholar.cite(['microscope', 'ruby'], { page: newPage() })).toBe(
      '<a class="citation" href="#microscope">(Shaughnessy, 2013; Flanagan &amp; Matsumoto, 2008)</a>',
    );
  });

  it('uses et al. for three or more authors (citation.feature: Multiple Citations in a list)', () => {
    const page = newPage();
    scholar.cite(['ruby'], { page }); // warm the cache with another entry first
    expect(scholar.cite(['kim2020'], { page })).toBe('<a class="citation" href="#kim2020">(김철수 et al., 2020)</a>');
  });

  it('cites Korean names by family name, as CSL short names are', () => {
    expect(scholar.cite(['hong2021'], { page: newPage() })).toBe(
      '<a class="citation" href="#hong2021">(홍 &amp; 김, 2021)</a>',
    );
  });

  it('renders the same citation each time a key is cited twice, and records the key once', () => {
    const page = newPage();
    const first = scholar.cite(['ruby'], { page });
    const second = scholar.cite(['ruby'], { page });
    expect(second).toBe(first);
    expect([...page]).toEqual(['ruby']);
  });

  it('renders (missing reference) for an unknown key (citation.feature: Missing references)', () => {
    const page = newPage();
    const missing: string[] = [];
    const warned = createScholar({ dir, onMissingKey: (key) => missing.push(key) });
    expect(warned.cite(['java'], { page })).toBe('(missing reference)');
    // One unknown key makes the whole tag the missing reference, and marks nothing cited (utilities.rb `cite`).
    expect(warned.cite(['ruby', 'java'], { page })).toBe('(missing reference)');
    expect(page.size).toBe(0);
    expect(missing).toEqual(['java', 'java']);
  });

  it('takes the missing-reference text from the configuration (reference.feature: Missing references with a custom text)', () => {
    const custom = createScholar({ dir, missingReference: 'not found!' });
    expect(custom.cite(['java'], { page: newPage() })).toBe('not found!');
  });

  it('reads another bibliography with --file (citation.feature: Citing from another bibliography)', () => {
    expect(scholar.cite(['ruby'], { page: newPage(), file: 'other_references' })).toContain('Flanagan');
    expect(scholar.cite(['microscope'], { page: newPage(), file: 'other_references' })).toBe('(missing reference)');
  });

  it('drops the author with --suppress_author (citation.feature: Citations With Suppressed Author)', () => {
    expect(scholar.cite(['ruby'], { page: newPage(), suppressAuthor: true })).toBe(
      '<a class="citation" href="#ruby">(2008)</a>',
    );
  });

  it('links to #prefix-key with --prefix (citation.feature: A prefixed citation)', () => {
    expect(scholar.cite(['ruby'], { page: newPage(), prefix: 'a' })).toContain('href="#a-ruby"');
  });

  it('links to another page with the relative setting (README: Citations to another page)', () => {
    const relative = createScholar({ dir, relative: '/references/' });
    expect(relative.cite(['ruby'], { page: newPage() })).toContain('href="/references/#ruby"');
  });

  it('adds locators and labels (citation.feature: Multiple Citations with locators / with locator labels)', () => {
    // Recorded: "Matsumoto, 2008, pp. 2-3; Shaughnessy, 2013, pp. 23 &amp; 42". citeproc-js writes APA's
    // page ranges with an en dash (documented difference).
    expect(scholar.cite(['ruby', 'microscope'], { page: newPage(), locators: ['2-3', '23 & 42'] })).toBe(
      '<a class="citation" href="#ruby">(Flanagan &amp; Matsumoto, 2008, pp. 2–3; Shaughnessy, 2013, pp. 23 &amp; 42)</a>',
    );
    // Recorded: "Matsumoto, 2008, Chapter 3".
    expect(scholar.cite(['ruby'], { page: newPage(), locators: ['3'], labels: ['chapter'] })).toContain(
      'Matsumoto, 2008, Chapter 3)',
    );
    // The plain citation is still cached without the locator.
    expect(scholar.cite(['ruby'], { page: newPage() })).toContain('(Flanagan &amp; Matsumoto, 2008)');
  });
});

describe('reference', () => {
  it('renders the APA reference in a span with the key as id (reference.feature: A Simple Reference)', () => {
    // Recorded: "Matsumoto, Y. \(2008\). <i>The Ruby".
    expect(scholar.reference(['ruby'])).toBe(`<span id="ruby">${RUBY_REFERENCE}</span>`);
  });

  it('renders (missing reference) for an unknown key (reference.feature: Missing references)', () => {
    expect(scholar.reference(['java'])).toBe('(missing reference)');
  });

  it('renders an article, a conference paper and a book by Korean authors', () => {
    expect(scholar.reference(['pollock'])).toBe(
      '<span id="pollock">Pollock, S. I. (1987). Ideología y narrativa en el Ramayana de Valmiki. <i>Estudios de Asia y Africa</i>, (22), 336–354.</span>',
    );
    expect(scholar.reference(['kim2020'])).toBe(
      '<span id="kim2020">김철수, 이영희, &amp; Park, J. (2020). 한국어 자연어 처리 연구. <i>Proceedings of the Korean Conference on AI</i>, 1–10. https://doi.org/10.1000/xyz123</span>',
    );
    // `publisher = kaist` is an @string.
    expect(scholar.reference(['hong2021'])).toBe(
      '<span id="hong2021">홍길동, &amp; 김철수. (2021). <i>한국 고전 문학의 이해</i>. Korea Advanced Institute of Science and Technology.</span>',
    );
  });

  it('reads theses, reports and publishers as bibtex-ruby does (type is no genre; `and` is text)', () => {
    expect(scholar.reference(['phd'])).toBe(
      '<span id="phd">Doe, J. (2005). <i>A Thesis</i> [PhD thesis]. Stanford University.</span>',
    );
    expect(scholar.reference(['report'])).toBe(
      '<span id="report">Doe, J. (2001). <i>A Report</i> (No. 42). Research and Development Lab.</span>',
    );
  });

  it('decodes LaTeX (bibtex.feature: Simple Bibliography with LaTeX directives / superscript)', () => {
    expect(scholar.reference(['umlaut'])).toContain('Look, an umlaut: ü!');
    expect(scholar.reference(['superscript'])).toContain('Look, <sup>superscript</sup>!');
  });
});

describe('bibliography', () => {
  const ruby = `<li><span id="ruby">${RUBY_REFERENCE}</span></li>`;
  const microscope = `<li><span id="microscope">${MICROSCOPE_REFERENCE}</span></li>`;
  const smalltalk = `<li><span id="smalltalk">${SMALLTALK_REFERENCE}</span></li>`;

  it('lists every entry in file order in <ol class="bibliography"> (215.feature; README: Bibliography Template)', () => {
    const html = scholar.bibliography();
    expect(
      html.startsWith(`<ol class="bibliography">${ruby}\n${microscope}\n${smalltalk}\n<li><span id="pollock">`),
    ).toBe(true);
    expect(html.endsWith('</span></li></ol>')).toBe(true);
    expect(html.match(/<li>/g)).toHaveLength(10);
  });

  it('lists only the cited entries with --cited, in citation order (cited_only.feature: Cited-only references)', () => {
    const page = newPage();
    scholar.cite(['smalltalk'], { page });
    scholar.cite(['ruby'], { page });
    scholar.cite(['smalltalk'], { page });
    expect(scholar.bibliography({ page, cited: true })).toBe(`<ol class="bibliography">${smalltalk}\n${ruby}</ol>`);
  });

  it('is an empty list when nothing was cited (cited_only.feature: No-cited items result in empty bibliography)', () => {
    expect(scholar.bibliography({ page: newPage(), cited: true })).toBe('<ol class="bibliography"></ol>');
  });

  it('prefixes ids and clears the cited keys (cited_only.feature: Cited items with prefix)', () => {
    const page = newPage();
    scholar.cite(['smalltalk'], { page });
    const one = scholar.bibliography({ page, cited: true, clear: true, prefix: 'one' });
    scholar.cite(['ruby'], { page });
    const two = scholar.bibliography({ page, cited: true, prefix: 'two' });
    expect(one).toContain('id="one-smalltalk"');
    expect(one).not.toContain('one-ruby');
    expect(two).toContain('id="two-ruby"');
    expect(two).not.toContain('two-smalltalk');
  });

  it('lists nocited keys (nocite.feature: Nocite references from a single bibliography)', () => {
    const page = newPage();
    expect(scholar.nocite(['smalltalk', 'ruby'], { page })).toBe('');
    const html = scholar.bibliography({ page, cited: true });
    expect(html).toContain('<i>Smalltalk Best Practice Patterns</i>');
    expect(html).toContain('<i>The Ruby Programming Language</i>');
    expect(html).not.toContain('Microscope');
  });

  it('skips cited keys of another file', () => {
    const page = newPage();
    scholar.cite(['ruby'], { page, file: 'other_references' });
    scholar.cite(['smalltalk'], { page });
    expect(scholar.bibliography({ page, cited: true, file: 'references2' })).toBe('<ol class="bibliography"></ol>');
  });

  it('reads several files as one (multiple_files.feature: Multiple bibliography files)', () => {
    expect(scholar.bibliography({ file: ['references1', 'references2'] })).toBe(
      `<ol class="bibliography">${ruby}\n${microscope}</ol>`,
    );
  });

  it('filters with --query (bibtex.feature: query with ~= and A Prefixed Bibliography)', () => {
    const albert = scholar.bibliography({ file: 'authors', query: '@*[author ~= \\bAlbert\\b]' });
    expect(albert).toContain('test1');
    expect(albert).toContain('test2');
    expect(albert).toContain('test3');
    expect(albert).not.toContain('test4');
    const old = scholar.bibliography({ file: 'references', prefix: 'a', query: '@book[year <= 2000]' });
    expect(old).toBe(`<ol class="bibliography"><li><span id="a-smalltalk">${SMALLTALK_REFERENCE}</span></li></ol>`);
  });

  it('counts entries (186.feature: Simple bibliography count / with query)', () => {
    expect(scholar.bibliographyCount({ file: ['references1', 'references2'] })).toBe(2);
    expect(scholar.bibliographyCount({ file: 'references', query: '@book[year <= 2000]' })).toBe(1);
  });

  it('applies --offset and --max', () => {
    expect(scholar.bibliography({ offset: 1, max: 2 })).toBe(
      `<ol class="bibliography">${microscope}\n${smalltalk}</ol>`,
    );
  });

  it('renders a caller-rendered template (README: Bibliography Template)', () => {
    // README: <li><abbr>[ruby]</abbr><span id="ruby">Matsumoto, Y. (2008). …</span></li>
    const html = scholar.bibliography({
      file: 'other_references',
      template: (item) => `<abbr>[${item.key}]</abbr>${item.reference}`,
    });
    expect(html).toBe(
      `<ol class="bibliography"><li><abbr>[ruby]</abbr><span id="ruby">${RUBY_REFERENCE}</span></li></ol>`,
    );
  });

  it('takes another list tag (215.feature: bibliography_list_tag)', () => {
    expect(scholar.bibliography({ file: 'other_references', listTag: 'ul' })).toMatch(
      /^<ul class="bibliography">.*<\/ul>$/,
    );
  });

  it('sorts with sort_by and order (sorting.feature: Sort By Year, With Nil Values, Reverse Sort Order)', () => {
    const ascending = createScholar({ dir, sortBy: 'year' }).bibliography({ file: 'years' });
    expect(ascending.indexOf('Nil')).toBeLessThan(ascending.indexOf('2007'));
    expect(ascending.indexOf('2007')).toBeLessThan(ascending.indexOf('2008'));
    const descending = createScholar({ dir, sortBy: 'year', order: 'descending' }).bibliography({ file: 'years' });
    expect(descending.indexOf('2008')).toBeLessThan(descending.indexOf('2007'));
  });

  it('renames a repeated key as bibtex-ruby does, the first entry keeping it', () => {
    const dupes = scholar.entries({ file: 'dupes' });
    expect(dupes.map((entry) => entry.key)).toEqual(['ruby', 'rubz']);
    expect(scholar.reference(['ruby'], { file: 'dupes' })).toContain('The Ruby Programming Language');
  });

  it('globs the configured bibliography', () => {
    const globbed = createScholar({ dir, file: '{sub/*,references2}.bib' });
    expect(globbed.paths()).toEqual([join(dir, 'references2.bib'), join(dir, 'sub/more.bib')]);
    expect(createScholar({ dir, file: '**/more.bib' }).paths()).toEqual([join(dir, 'sub/more.bib')]);
    expect(globbed.cite(['smalltalk'], { page: newPage() })).toContain('(Beck, 1996)');
  });
});

describe('errors', () => {
  it('names a missing .bib file', () => {
    expect(() => scholar.cite(['ruby'], { page: newPage(), file: 'nowhere' })).toThrow(ScholarError);
    expect(() => scholar.bibliography({ file: 'nowhere' })).toThrow(
      `Bibliography file not found: ${join(dir, 'nowhere.bib')}`,
    );
    expect(() => createScholar({ dir: join(dir, 'missing') }).bibliography()).toThrow(
      `Bibliography file not found: ${join(dir, 'missing', 'references.bib')}`,
    );
  });

  it('names the file and line of a BibTeX syntax error, also when files are joined', () => {
    expect(() => scholar.bibliography({ file: 'broken' })).toThrow(
      new RegExp(`Cannot parse BibTeX file ${join(dir, 'broken.bib')}: invalid syntax at line 3`),
    );
    expect(() => scholar.bibliography({ file: ['references1', 'broken'] })).toThrow(
      new RegExp(`Cannot parse BibTeX file ${join(dir, 'broken.bib')}: invalid syntax at line 3`),
    );
  });

  it('refuses styles other than APA and unknown locales', () => {
    expect(() => createScholar({ dir, style: 'ieee' })).toThrow(/style "ieee" is not available/);
    expect(() => createScholar({ dir, locale: 'xx' }).reference(['ruby'])).toThrow(/locale "xx"/);
  });

  it('needs the page for --cited', () => {
    expect(() => scholar.bibliography({ cited: true })).toThrow(/cited keys/);
  });
});

describe('parseScholarArguments', () => {
  it('reads keys and options as jekyll-scholar splits them', () => {
    expect(parseScholarArguments('ruby microscope -l 2-3 --locator 23 & 42')).toMatchObject({
      keys: ['ruby', 'microscope'],
      locators: ['2-3', '23 & 42'],
    });
    expect(parseScholarArguments('ruby microscope --label chapter --locator 2-3 -L figure -l 4,5')).toMatchObject({
      labels: ['chapter', 'figure'],
      locators: ['2-3', '4,5'],
    });
    expect(parseScholarArguments('ruby -A --locator 284')).toMatchObject({ suppressAuthor: true, locators: ['284'] });
    expect(parseScholarArguments('ruby --file other_references')).toMatchObject({ files: ['other_references'] });
    expect(parseScholarArguments('-f references1 -f references2')).toMatchObject({
      keys: [],
      files: ['references1', 'references2'],
    });
    expect(parseScholarArguments('--file references --prefix a -q @book[year <= 2000]')).toMatchObject({
      files: ['references'],
      prefix: 'a',
      query: '@book[year <= 2000]',
    });
    expect(parseScholarArguments('--query @*[author ~= \\bAlbert\\b]').query).toBe('@*[author ~= \\bAlbert\\b]');
    expect(parseScholarArguments('--cited --clear --prefix one')).toMatchObject({
      cited: true,
      clear: true,
      prefix: 'one',
    });
    expect(parseScholarArguments('--cited_in_order')).toMatchObject({ cited: true, citedInOrder: true });
    expect(parseScholarArguments(' --max 5 -o 2 ')).toMatchObject({ max: 5, offset: 2 });
    expect(parseScholarArguments('  ')).toMatchObject({ keys: [], files: [], unsupported: [] });
  });

  it('lists the options it cannot honour', () => {
    expect(parseScholarArguments('--style modern-language-association').unsupported).toEqual(['style']);
    expect(parseScholarArguments('--style apa').unsupported).toEqual([]);
    expect(parseScholarArguments('-g year --template bib').unsupported).toEqual(['group_by', 'template']);
  });

  it('needs a value for a value option', () => {
    expect(() => parseScholarArguments('ruby --file')).toThrow(/--file needs a value/);
  });
});

describe('helpers', () => {
  it("increments keys as Ruby's String#succ", () => {
    expect(['ruby', 'az', 'zz', 'a9', 'Zz', '99', 'key-9', '1.9.9'].map(rubySucc)).toEqual([
      'rubz',
      'ba',
      'aaa',
      'b0',
      'AAa',
      '100',
      'kez-0',
      '2.0.0',
    ]);
  });

  it("matches bibtex-ruby's query language", () => {
    const entry = { key: 'ruby', type: 'book', fields: { year: '2008', author: 'Flanagan, David', url: 'x' } };
    expect(matchesQuery(entry, '@*')).toBe(true);
    expect(matchesQuery(entry, '@book')).toBe(true);
    expect(matchesQuery(entry, '@article')).toBe(false);
    expect(matchesQuery(entry, '!@book')).toBe(false);
    expect(matchesQuery(entry, '!@article')).toBe(true);
    expect(matchesQuery(entry, '@*[url]')).toBe(true);
    expect(matchesQuery(entry, '@*[doi]')).toBe(false);
    expect(matchesQuery(entry, '@*[status!=review]')).toBe(true);
    expect(matchesQuery(entry, '@book[year <= 1900 && author ^= Poe]')).toBe(false);
    expect(matchesQuery(entry, '@book[year > 2000, author ^= Flan]')).toBe(true);
    expect(matchesQuery(entry, '@book[year=1999 || year=2008]')).toBe(true);
    expect(matchesQuery(entry, '@article, @book')).toBe(true);
  });
});
