/** Words and excerpts, counted the way Jekyll's `number_of_words: 'auto'` counts them. */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Each CJK character is one word; everything else is split on whitespace. */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.replace(CJK, ' ').split(/\s+/).filter(Boolean).length;
  return cjk + rest;
}

/** Chirpy's reading time: 180 words a minute, never less than one minute. */
export function readingMinutes(words: number, wordsPerMinute = 180): number {
  return Math.max(1, Math.floor(words / wordsPerMinute));
}

/** Collapses whitespace and cuts at `length` characters (whole code points), adding an ellipsis. */
export function excerpt(text: string, length = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= length) return flat;
  return chars.slice(0, length).join('').trimEnd() + '…';
}
