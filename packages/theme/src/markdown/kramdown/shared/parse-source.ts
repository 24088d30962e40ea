/**
 * The document a unified processor is parsing, and its file, for micromark extensions that read
 * ahead the way kramdown's regular expressions do (block math, code fences) or that depend on the
 * post (math only where its front matter asks for it). The processor's parser is wrapped once;
 * parsing is synchronous, so the text at hand is always the document being read. A parse inside
 * a parse (a fragment read by the same parser) sees the fragment, and the outer document again
 * once it returns.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

const KEY = 'chirpyParseState';

export interface ParseState {
  /** The text being parsed. */
  document(): string | undefined;
  /** The file being parsed (the parser's second argument: its path and, from Astro, the front matter). */
  file(): VFile | undefined;
}

export function parseState(processor: Processor): ParseState {
  const data = processor.data() as Record<string, unknown>;
  const existing = data[KEY] as ParseState | undefined;
  if (existing) return existing;
  let document: string | undefined;
  let current: VFile | undefined;
  const parse = processor.parser;
  if (parse) {
    processor.parser = (text, file) => {
      const outer = [document, current] as const;
      document = text;
      current = file;
      try {
        return parse(text, file);
      } finally {
        [document, current] = outer;
      }
    };
  }
  const state: ParseState = { document: () => document, file: () => current };
  data[KEY] = state;
  return state;
}

/** The document being parsed (see parseState). */
export function documentBeingParsed(processor: Processor): () => string | undefined {
  return parseState(processor).document;
}
