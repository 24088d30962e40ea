/**
 * Jekyll's `site.data` for Liquid: the YAML and JSON files of the site's data folder
 * (`src/data/`, where `migrate` puts a Chirpy site's `_data/<lang>/`), as a tree by file name;
 * on a multilingual site, the default language's folder and then the post's language's folder
 * merged over the top level, as jekyll-polyglot does (lib/jekyll/polyglot/hooks/coordinate.rb;
 * checked against a real polyglot run in tests/unit/site-data.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import yaml from 'js-yaml';

export type SiteData = Record<string, unknown>;

const isTree = (value: unknown): value is SiteData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * A YAML file's first document, as Jekyll reads a data file (Psych's `load` returns the first
 * document of a stream and ignores the rest: a file that goes on after `...` or a second `---`,
 * as a merge leftover does, still gives its first part).
 */
export function loadFirstDocument(text: string): unknown {
  try {
    return yaml.load(text);
  } catch (error) {
    const lines = text.split('\n');
    let seenContent = false;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (/^(?:\.\.\.|---)(?:\s.*)?$/.test(line.replace(/\r$/, ''))) {
        if (seenContent || line.startsWith('...')) return yaml.load(lines.slice(0, index).join('\n'));
        continue;
      }
      if (line.trim() !== '' && !line.trimStart().startsWith('#')) seenContent = true;
    }
    throw error;
  }
}

/** Reads `dir` into a tree: `authors.yml` → `data.authors`, `ko/strings.yml` → `data.ko.strings`. */
export function readSiteData(dir: string): SiteData {
  const data: SiteData = {};
  if (!existsSync(dir)) return data;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      data[entry.name] = readSiteData(path);
      continue;
    }
    const extension = extname(entry.name).toLowerCase();
    const name = entry.name.slice(0, -extension.length);
    try {
      if (extension === '.yml' || extension === '.yaml') data[name] = loadFirstDocument(readFileSync(path, 'utf8'));
      else if (extension === '.json') data[name] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return data;
}

/** Merges `over` into `base`, tree by tree (Ruby's `Hash#merge` with a recursive block). */
function deepMerge(base: SiteData, over: SiteData): SiteData {
  const merged: SiteData = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isTree(current) && isTree(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** `site.data` as a page in `active` sees it: the default language's data, then its own, over the rest. */
export function siteDataFor(data: SiteData, defaultCode: string, active: string): SiteData {
  let merged = data;
  for (const code of [defaultCode, active]) {
    const own = data[code];
    if (isTree(own)) merged = deepMerge(merged, own);
  }
  return merged;
}
