/** kramdown's inline attribute lists: `{: .class #id key="value" }`. */

export interface Ial {
  classes: string[];
  id?: string;
  attributes: Record<string, string>;
}

// Text in the tree has kramdown's typography (quotes curled), so these match any quotes;
// the attribute values themselves are read from the Markdown source (see remark-ial).

/** An IAL at the start of `text` (kramdown allows `{:width="500" .shadow}` without spaces). */
export const IAL_AT_START = /^\{:([^}]*)\}/;
/** A whole text that is one IAL. */
export const IAL_ONLY = /^\s*\{:([^}]*)\}\s*$/;

/**
 * Every `{:…}` in `text`, left to right, as `/\{:([^}]*)\}/g` finds them, in time linear in the
 * text (the pattern tried from each `{:` reads on to the end when no `}` follows: a post with
 * thousands of `{:` and no `}` took minutes).
 */
export function* ialSpans(text: string): Generator<{ index: number; body: string; end: number }> {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{:', from);
    if (open < 0) return;
    const close = text.indexOf('}', open + 2);
    if (close < 0) return;
    yield { index: open, body: text.slice(open + 2, close), end: close + 1 };
    from = close + 1;
  }
}

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';

/**
 * An IAL on the last line of a text (`…\n{: .prompt-tip }`): what `/\n[ \t]*\{:([^}]*)\}[ \t]*$/`
 * finds (its body may span lines), in linear time. `index` is where the match starts (its `\n`).
 */
export function lastLineIal(text: string): { index: number; body: string } | undefined {
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end--;
  if (text[end - 1] !== '}') return undefined;
  const close = end - 1;
  // The body holds no `}`: the `{:` comes after the one before this `}`.
  const floor = text.lastIndexOf('}', close - 1) + 1;
  for (
    let newline = text.indexOf('\n', floor);
    newline >= 0 && newline < close;
    newline = text.indexOf('\n', newline + 1)
  ) {
    let at = newline + 1;
    while (at < close && isBlank(text[at])) at++;
    if (text.startsWith('{:', at) && at + 2 <= close) return { index: newline, body: text.slice(at + 2, close) };
  }
  return undefined;
}

const WORD = /[\w:-]/;
const VALUE_END = /[\s"'}]/;

/**
 * The classes, id and attributes of an IAL body: `.class`, `#id`, `key="value"`, `key='value'`,
 * `key=value`, read left to right in one pass (a long run of letters with no `=` once cost its
 * square).
 */
export function parseIal(body: string): Ial {
  const ial: Ial = { classes: [], attributes: {} };
  let at = 0;
  const run = (test: RegExp, from: number) => {
    let end = from;
    while (end < body.length && test.test(body[end]!)) end++;
    return end;
  };
  while (at < body.length) {
    const char = body[at]!;
    if ((char === '.' || char === '#') && at + 1 < body.length) {
      const end = run(char === '.' ? /[\w-]/ : WORD, at + 1);
      if (end > at + 1) {
        if (char === '.') ial.classes.push(body.slice(at + 1, end));
        else ial.id = body.slice(at + 1, end);
        at = end;
        continue;
      }
    }
    if (WORD.test(char)) {
      const nameEnd = run(WORD, at);
      let next = nameEnd;
      while (next < body.length && /\s/.test(body[next]!)) next++;
      if (body[next] === '=') {
        next++;
        while (next < body.length && /\s/.test(body[next]!)) next++;
        const quote = body[next];
        if (quote === '"' || quote === "'") {
          const close = body.indexOf(quote, next + 1);
          if (close >= 0) {
            ial.attributes[body.slice(at, nameEnd)] = body.slice(next + 1, close);
            at = close + 1;
            continue;
          }
        } else {
          let end = next;
          while (end < body.length && !VALUE_END.test(body[end]!)) end++;
          if (end > next) {
            ial.attributes[body.slice(at, nameEnd)] = body.slice(next, end);
            at = end;
            continue;
          }
        }
      }
      // A word that is no attribute: the pattern tried again from each later character of it,
      // and failed there too (the same blank and no `=` follow every suffix): go on after it.
      at = nameEnd;
      continue;
    }
    at++;
  }
  return ial;
}
