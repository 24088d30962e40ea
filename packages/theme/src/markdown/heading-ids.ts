/**
 * Heading ids by kramdown's GFM rule, so `#anchors` from a Jekyll Chirpy site still land:
 * lowercase, drop everything but word characters, `-`, spaces and tabs, turn each space or
 * tab into `-` (runs are not collapsed), and number repeats `-1`, `-2`… Hangul is kept.
 */
export function gfmHeadingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/** Hands out unique ids in document order, as kramdown does. */
export class HeadingIdRegistry {
  private readonly used = new Map<string, number>();

  next(text: string): string {
    const base = gfmHeadingId(text) || 'section';
    const count = this.used.get(base);
    if (count === undefined) {
      this.used.set(base, 0);
      return base;
    }
    this.used.set(base, count + 1);
    return `${base}-${count + 1}`;
  }
}
