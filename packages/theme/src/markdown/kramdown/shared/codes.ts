/**
 * Character classes the kramdown constructs share, on micromark's character codes (negative
 * codes are line endings, tabs and virtual spaces; `null` is the end of the text).
 */
import type { Code } from 'micromark-util-types';

/** A line ending (CR, LF or CRLF). */
export const isLineEnding = (code: Code): boolean => code !== null && code < -2;

/** A space or tab on a line. */
export const isSpace = (code: Code): boolean => code === -2 || code === -1 || code === 32;

/** Ruby's `\s`, which kramdown's rules test: space, tab, line ending, vertical tab, form feed. */
export const isWhiteSpace = (code: Code): boolean =>
  code !== null && (code < 0 || code === 32 || code === 11 || code === 12);
