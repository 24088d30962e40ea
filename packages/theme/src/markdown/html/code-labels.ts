/**
 * Code block languages: the label Chirpy shows for a fence's language (its `language-alias.html`),
 * and the language a fence is highlighted as.
 *
 * Chirpy highlights with Rouge, which finds a lexer by the fence's word exactly as written, among
 * each lexer's tag and aliases (rouge 3.30, `Lexer.find`: ```` ```R ```` and ```` ```Dockerfile ````
 * are aliases, ```` ```YAML ```` is no lexer's name and stays plain). The theme highlights with
 * Shiki, whose names differ: `ROUGE_TO_SHIKI` gives the Shiki language for each Rouge name that
 * Shiki would read otherwise (not at all, or as another language), so a block is highlighted
 * wherever Rouge highlights it, as the same language, where Shiki has one. Names Rouge does not
 * know are left to Shiki, in lower case (it may highlight more than Rouge). The label and the
 * block's class stay the fence's word as written, as in Chirpy.
 */
import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { CLASS } from './class-names.ts';

/** Display names for code block languages, as Chirpy's `language-alias.html` shows them. */
const LABELS: Record<string, string> = {
  sh: 'Shell',
  bash: 'Shell',
  zsh: 'Shell',
  shell: 'Shell',
  console: 'Console',
  terminal: 'Terminal',
  shellsession: 'Console',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  tsx: 'TSX',
  jsx: 'JSX',
  py: 'Python',
  python: 'Python',
  rb: 'Ruby',
  ruby: 'Ruby',
  yml: 'YAML',
  yaml: 'YAML',
  md: 'Markdown',
  markdown: 'Markdown',
  html: 'HTML',
  css: 'CSS',
  scss: 'SCSS',
  sass: 'Sass',
  json: 'JSON',
  cpp: 'C++',
  'c++': 'C++',
  c: 'C',
  cs: 'C#',
  csharp: 'C#',
  java: 'Java',
  kotlin: 'Kotlin',
  go: 'Go',
  rust: 'Rust',
  rs: 'Rust',
  sql: 'SQL',
  dockerfile: 'Dockerfile',
  diff: 'Diff',
  liquid: 'Liquid',
  astro: 'Astro',
  mdx: 'MDX',
  toml: 'TOML',
  xml: 'XML',
  // Chirpy's names for Rouge names the theme highlights through ROUGE_TO_SHIKI.
  as: 'ActionScript',
  'coffee-script': 'CoffeeScript',
  m: 'Matlab',
  mf: 'Makefile',
  gnumake: 'Makefile',
  bsdmake: 'Makefile',
  mkd: 'Markdown',
  objective_c: 'Objective-C',
  'obj-c': 'Objective-C',
  obj_c: 'Objective-C',
  objectivec: 'Objective-C',
  pl: 'Perl',
  php3: 'PHP',
  php4: 'PHP',
  php5: 'PHP',
  st: 'Smalltalk',
  squeak: 'Smalltalk',
  visualbasic: 'Visual Basic',
  vuejs: 'Vue.js',
  plaintext: 'Plaintext',
  text: 'Plaintext',
  txt: 'Plaintext',
};

export function codeLabel(language: string | undefined): string {
  if (!language) return 'Plaintext';
  const key = language.toLowerCase();
  return LABELS[key] ?? language.charAt(0).toUpperCase() + language.slice(1);
}

/**
 * Rouge names (rouge 3.30: each lexer's tag and aliases) and the Shiki language each is highlighted
 * as, where Shiki reads the name otherwise, grouped by Shiki language. Rouge lexers Shiki has no
 * grammar for are left out (their blocks stay plain), but for `ps`, which Shiki takes for
 * PowerShell while Rouge highlights PostScript. A few are Shiki's grammar of the language the
 * Rouge lexer extends: CUDA as C++, Cython as Python, Gradle as Groovy, NASM as assembly.
 */
const ROUGE_NAMES: Record<string, string> = {
  'actionscript-3': 'as',
  asm: 'nasm',
  bat: 'batchfile dosbatch winbatch',
  bibtex: 'bib',
  clojure: 'cljs',
  coffee: 'coffee-script',
  'common-lisp': 'common_lisp cl',
  cpp: 'cuda',
  crystal: 'cr',
  d: 'dlang',
  diff: 'patch udiff',
  docker: 'Dockerfile',
  elixir: 'exs',
  erb: 'eruby rhtml',
  'fortran-free-form': 'fortran',
  gherkin: 'cucumber behat',
  go: 'golang',
  groovy: 'gradle',
  hack: 'hh',
  haml: 'HAML',
  handlebars: 'mustache',
  haxe: 'hx',
  hy: 'hylang',
  jinja: 'django',
  jsonc: 'json-doc',
  jsx: 'react',
  latex: 'TeX LaTeX',
  make: 'mf gnumake bsdmake',
  markdown: 'mkd',
  matlab: 'm',
  nim: 'nimrod',
  nix: 'nixos',
  'objective-c': 'objective_c obj-c obj_c objectivec',
  'objective-cpp': 'objective_cpp objcpp obj-cpp obj_cpp objectivecpp objc++ obj-c++ obj_c++ objectivec++',
  perl: 'pl',
  php: 'php3 php4 php5',
  plaintext: 'ps',
  powershell: 'posh microsoftshell msshell',
  puppet: 'pp',
  python: 'cython pyx pyrex',
  r: 'R s S',
  rust: 'rust,no_run rs,no_run rust,ignore rs,ignore rust,should_panic rs,should_panic',
  shellscript: 'ksh',
  shellsession: 'terminal shell_session shell-session',
  smalltalk: 'st squeak',
  'ssh-config': 'ssh',
  systemd: 'unit-file',
  vb: 'visualbasic',
  viml: 'ex',
  vue: 'vuejs',
  wolfram: 'mathematica',
  zig: 'zir',
};

export const ROUGE_TO_SHIKI: ReadonlyMap<string, string> = new Map(
  Object.entries(ROUGE_NAMES).flatMap(([shiki, names]) => names.split(' ').map((name) => [name, shiki] as const)),
);

/**
 * The Shiki language a fence's word is highlighted as: the Shiki language of the Rouge name, or,
 * for a word Rouge does not know, the word in lower case (Shiki's names are: ```` ```YAML ````
 * is highlighted as `yaml`, where Chirpy shows it plain).
 */
export function shikiLanguage(fence: string): string {
  return ROUGE_TO_SHIKI.get(fence) ?? fence.toLowerCase();
}

/**
 * Gives each code block the Shiki language of its fence's word (`shikiLanguage`). A block whose
 * language changes keeps its word, for its label and class, on remark-ial's wrapper
 * (`data-fence`), which rehype-code-blocks reads; one without an IAL gets the wrapper.
 */
export function rougeFenceLanguages(tree: Root): void {
  visit(tree, 'code', (code: Code, index, parent: Parent | undefined) => {
    if (!code.lang || !parent || index === undefined) return;
    const language = shikiLanguage(code.lang);
    if (language === code.lang) return;
    const fence = code.lang;
    code.lang = language;
    const wrapper = parent as Parent & { data?: { hProperties?: Record<string, unknown> } };
    if ((parent.type as string) === 'chirpyCode') {
      (wrapper.data ??= {}).hProperties = { ...wrapper.data?.hProperties, dataFence: fence };
      return;
    }
    parent.children[index] = {
      type: 'chirpyCode',
      data: { hName: 'div', hProperties: { className: [CLASS.codeIal], dataFence: fence } },
      children: [code],
    } as unknown as Parent['children'][number];
  });
}
