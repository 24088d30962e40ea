/**
 * The theme's modules import each other without a cycle: each module can be read (and tested)
 * from its imports down.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_DIR } from '../helpers/site.ts';

const SRC = join(REPO_DIR, 'packages/theme/src');
const SOURCE = /\.(ts|mjs|astro)$/;
/** `import … from './x.ts'`, `export … from '../y.ts'`, `import('./z.ts')`: relative specifiers only. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((match) => resolve(dirname(file), match[1]!))
      .filter((target) => SOURCE.test(target) && existsSync(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle's files, found by depth-first search (one cycle per back edge). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("the theme's import graph", () => {
  it('reads the imports of every module', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(80);
    const rel = (file: string) => relative(SRC, file);
    // A known edge, so a broken pattern cannot pass as "no cycles".
    expect(graph.get(join(SRC, 'loaders.ts'))!.map(rel)).toContain('utils/frontmatter.ts');
    expect(graph.get(join(SRC, 'routes/post.astro'))!.map(rel)).toContain('data/post-page.ts');
  });

  it('has no cycle', () => {
    const found = cycles(importGraph()).map((cycle) => cycle.map((file) => relative(SRC, file)).join(' -> '));
    expect(found).toEqual([]);
  });
});
