/**
 * The document a unified processor is parsing, and its file, for micromark extensions that read
 * ahead the way kramdown's regular expressions do (block math, code fences) or that depend on the
 * post (math only where its front matter asks for it). The processor's parser is wrapped once;
 * parsing is synchronous, so the text at hand is always the document being read. A parse inside
 * a parse (a fragment read by the same parser) sees the fragment, and the outer document again
 * once it returns; the post it belongs to stays the outermost parse's file.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

const KEY = 'chirpyParseState';

export interface ParseState {
  /** The text being parsed. */
  document(): string | undefined;
  /** The file being parsed (the parser's second argument: its path and, from Astro, the front matter). */
  file(): VFile | undefined;
  /**
   * The post the text being parsed belongs to, whose front matter decides for it: the file of the
   * outermost parse in progress, so a fragment read during the parse gets the post's answers
   * whatever file it was given. A fragment that a plugin parses after the parse, while it
   * transforms the post's tree (`processor.parse(text)`: a file with no path and no data), belongs
   * to the post parsed last, until the code running now yields (a microtask forgets it): unified
   * parses a file and runs its transforms in one synchronous stretch, up to the first asynchronous
   * plugin. (Once every fragment is read during the parse, this fallback has nothing to do.)
   */
  post(): VFile | undefined;
}

/** A file `processor.parse(text)` made for a bare string: no path, no data. */
const isBare = (file: VFile | undefined): boolean =>
  !file || (file.path === undefined && Object.keys(file.data).length === 0);

export function parseState(processor: Processor): ParseState {
  const data = processor.data() as Record<string, unknown>;
  const existing = data[KEY] as ParseState | undefined;
  if (existing) return existing;
  let document: string | undefined;
  let current: VFile | undefined;
  let post: VFile | undefined;
  /** The post parsed last, until the code running now yields. */
  let recent: VFile | undefined;
  const remember = (file: VFile | undefined) => {
    if (recent === undefined) queueMicrotask(() => (recent = undefined));
    recent = file;
  };
  const parse = processor.parser;
  if (parse) {
    processor.parser = (text, file) => {
      const outer = [document, current, post] as const;
      document = text;
      current = file;
      if (post === undefined) {
        if (isBare(file) && recent) post = recent;
        else remember((post = file));
      }
      try {
        return parse(text, file);
      } finally {
        [document, current, post] = outer;
      }
    };
  }
  const state: ParseState = { document: () => document, file: () => current, post: () => post };
  data[KEY] = state;
  return state;
}

/** The document being parsed (see parseState). */
export function documentBeingParsed(processor: Processor): () => string | undefined {
  return parseState(processor).document;
}
