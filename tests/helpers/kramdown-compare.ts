/**
 * One post, kramdown's HTML against the theme's: the post's body rendered by the theme's pipeline
 * (tests/helpers/theme-markdown.ts) with the front matter that changes it (`math`,
 * `media_subpath`), and both read fact by fact (tests/helpers/rendered-facts.ts). The comparison
 * tests/build/kramdown-differential.test.ts makes against a fresh Jekyll build and
 * tests/kramdown/constructs.test.ts against a recorded one. Also the README's list of intended
 * differences, which names every difference a case may show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareFacts,
  kramdownFacts,
  themeFacts,
  type FactDifference,
  type FactName,
  type KramdownContext,
} from './rendered-facts.ts';
import { REPO_DIR } from './site.ts';
import { renderWithTheme } from './theme-markdown.ts';

/** The ids of the README's intended differences (section "Jekyll is the judge"): the one place they are written. */
export function intendedDifferences(): Set<string> {
  const readme = readFileSync(join(REPO_DIR, 'README.md'), 'utf8');
  const table =
    /<!-- intended-differences:start -->([\s\S]*?)<!-- intended-differences:end -->/.exec(readme)?.[1] ?? '';
  return new Set([...table.matchAll(/^\| `([a-z-]+)`/gm)].map((match) => match[1]!));
}

export function frontmatterOf(text: string): string {
  return /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
}

/** What of the front matter Chirpy's page depends on: MathJax only with `math: true`, the media folder. */
export function contextOf(text: string): KramdownContext {
  const frontmatter = frontmatterOf(text);
  const subpath = /^(?:media_subpath|img_path):\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(frontmatter)?.[1];
  const math = /^math:\s*true\s*$/m.test(frontmatter);
  return subpath === undefined ? { math } : { math, mediaSubpath: subpath };
}

/** A post file's text without its front matter. */
export const bodyOf = (text: string): string => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

export interface Comparison {
  differences: FactDifference[];
  /** The theme's HTML of the body. */
  themeHtml: string;
}

/** The post file `text` rendered by the theme, compared with `kramdownHtml`, kramdown's body of the same file. */
export async function compareWithKramdown(text: string, kramdownHtml: string, facts?: FactName[]): Promise<Comparison> {
  const context = contextOf(text);
  const theme = await renderWithTheme(bodyOf(text), {
    ...(context.math ? { math: true } : {}),
    ...(context.mediaSubpath ? { media_subpath: context.mediaSubpath } : {}),
  });
  return {
    differences: compareFacts(kramdownFacts(kramdownHtml, context), themeFacts(theme.html, context), facts),
    themeHtml: theme.html,
  };
}
