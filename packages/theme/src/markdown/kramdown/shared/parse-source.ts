/**
 * The document a unified processor is parsing, for micromark extensions that read ahead the way
 * kramdown's regular expressions do (block math, code fences). The processor's parser is
 * wrapped once; parsing is synchronous, so the text at hand is always the document being read.
 */
import type { Processor } from 'unified';

const KEY = 'chirpyDocumentBeingParsed';

export function documentBeingParsed(processor: Processor): () => string | undefined {
  const data = processor.data() as Record<string, unknown>;
  const existing = data[KEY] as (() => string | undefined) | undefined;
  if (existing) return existing;
  let document: string | undefined;
  const parse = processor.parser;
  if (parse) {
    processor.parser = (text, file) => {
      document = text;
      return parse(text, file);
    };
  }
  const read = () => document;
  data[KEY] = read;
  return read;
}
