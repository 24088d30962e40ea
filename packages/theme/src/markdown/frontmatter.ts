import type { VFile } from 'vfile';
import { readFlag } from '../utils/flags.ts';

/** The post's front matter as Astro hands it to Markdown plugins (raw YAML values). */
export function frontmatterOf(file: VFile): Record<string, unknown> {
  const astro = (file.data.astro ??= {});
  return (astro.frontmatter ??= {});
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
}

export function renderInfo(file: VFile): ChirpyRenderInfo {
  const frontmatter = frontmatterOf(file);
  const existing = frontmatter.chirpy as ChirpyRenderInfo | undefined;
  if (existing) return existing;
  const fresh: ChirpyRenderInfo = { words: 0, excerpt: '', hasCode: false, hasMermaid: false, tocSkip: [] };
  frontmatter.chirpy = fresh;
  return fresh;
}
