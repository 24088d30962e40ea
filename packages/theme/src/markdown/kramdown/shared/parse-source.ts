/**
 * The document a unified processor is parsing, and its file, for micromark extensions that read
 * ahead the way kramdown's regular expressions do (block math, code fences) or that depend on the
 * post (math only where its front matter asks for it). The processor's parser is wrapped once;
 * parsing is synchronous, so the text at hand is always the document being read. A parse inside
 * a parse sees its own text, and the outer document again once it returns; the post it belongs to
 * stays the outermost parse's file.
 *
 * A part of the document read as a document of its own (the content of an HTML element with
 * `markdown="1"`, markdown/kramdown/html-blocks/) is read with the document cut off where that
 * part ends (`within`): a look-ahead then stops at the end of the part, as it stops at the end of
 * the document, and offsets stay those of the file.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

const KEY = 'chirpyParseState';

export interface ParseState {
  /** The text being parsed (up to the end of the part being read, inside `within`). */
  document(): string | undefined;
  /** The file being parsed (the parser's second argument: its path and, from Astro, the front matter). */
  file(): VFile | undefined;
  /**
   * The post the text being parsed belongs to, whose front matter decides for it: the file of the
   * outermost parse in progress (definition lists and `markdown="1"` content are read within that
   * parse, so they get the post's answers).
   */
  post(): VFile | undefined;
  /** Runs `read` with the document ending at offset `end` (or sooner, if an outer part ends sooner). */
  within<T>(end: number, read: () => T): T;
}

export function parseState(processor: Processor): ParseState {
  const data = processor.data() as Record<string, unknown>;
  const existing = data[KEY] as ParseState | undefined;
  if (existing) return existing;
  let document: string | undefined;
  let current: VFile | undefined;
  /** The document cut off at the end of the part being read. */
  let part: string | undefined;
  /**
   * The cut documents made in this parse, by where they end: a part is read line by line, and each
   * line gets the same string (the look-aheads keep what they found for the string they read).
   */
  let parts = new Map<number, string>();
  let post: VFile | undefined;
  const parse = processor.parser;
  if (parse) {
    processor.parser = (text, file) => {
      const outer = [document, current, part, parts, post] as const;
      document = text;
      current = file;
      part = undefined;
      parts = new Map();
      post ??= file;
      try {
        return parse(text, file);
      } finally {
        [document, current, part, parts, post] = outer;
      }
    };
  }
  const state: ParseState = {
    document: () => part ?? document,
    file: () => current,
    post: () => post,
    within(end, read) {
      const outer = part;
      const whole = outer ?? document;
      if (whole !== undefined && end < whole.length) {
        part = parts.get(end) ?? whole.slice(0, end);
        parts.set(end, part);
      }
      try {
        return read();
      } finally {
        part = outer;
      }
    },
  };
  data[KEY] = state;
  return state;
}

/** The document being parsed (see parseState). */
export function documentBeingParsed(processor: Processor): () => string | undefined {
  return parseState(processor).document;
}
