import type { VFile } from 'vfile';
import { normalizeAliases, readFlag } from '../utils/frontmatter.ts';

/** The object Astro hands Markdown plugins as the post's front matter (and returns to pages). */
function astroFrontmatter(file: VFile): Record<string, unknown> {
  const astro = (file.data.astro ??= {});
  return (astro.frontmatter ??= {});
}

const normalized = new WeakMap<object, Readonly<Record<string, unknown>>>();

/**
 * The post's front matter as the theme reads it (utils/frontmatter.ts: aliases such as
 * `img_path`, flag words). Posts from the loader arrive normalised already; MDX pages and
 * other callers get the same reading here.
 */
export function frontmatterOf(file: VFile): Readonly<Record<string, unknown>> {
  const raw = astroFrontmatter(file);
  let view = normalized.get(raw);
  if (!view) {
    view = normalizeAliases(raw) as Record<string, unknown>;
    normalized.set(raw, view);
  }
  return view;
}

/** A truthy front matter flag, as YAML or Jekyll would read it. */
export function isOn(value: unknown): boolean {
  return readFlag(value) === true;
}

/** Facts the pipeline learns about a post, read by the pages as `remarkPluginFrontmatter.chirpy`. */
export interface ChirpyRenderInfo {
  words: number;
  excerpt: string;
  hasCode: boolean;
  /** The post has mermaid diagrams (only counted on posts with `mermaid: true`). */
  hasMermaid: boolean;
  /** Ids of headings marked `data-toc-skip`, left out of the table of contents. */
  tocSkip: string[];
  /** The post has images that open in the viewer (set only when true). */
  popups?: boolean;
  /** The post has tables (set only when true): its page watches wide boxes (components/ScrollRegions.astro). */
  tables?: boolean;
  /** KaTeX font faces the post's inline formulas draw with (`math.output: 'htmlAndMathml'`; components/KatexFonts.astro). */
  mathFonts?: string[];
}

/** Render info before the pipeline has looked at a post: what a post without one shows. */
export function emptyRenderInfo(): ChirpyRenderInfo {
  return { words: 0, excerpt: '', hasCode: false, hasMermaid: false, tocSkip: [] };
}

export function renderInfo(file: VFile): ChirpyRenderInfo {
  const frontmatter = astroFrontmatter(file);
  const existing = frontmatter.chirpy as ChirpyRenderInfo | undefined;
  if (existing) return existing;
  const fresh = emptyRenderInfo();
  frontmatter.chirpy = fresh;
  return fresh;
}
