/**
 * KaTeX's console warnings, one line per post instead of one per character. With `strict: false`
 * KaTeX still writes to `console.warn` for each character it has no metrics for ("No character
 * metrics for 'ይ' …": 326 lines for one Amharic post) and for LaTeX-incompatible input.
 *
 * rehype-katex renders a post's formulas synchronously, between math-numbering (which starts
 * the capture) and rehype-math-errors (which takes what was captured and reports it with the
 * post's name and the count): nothing of another post runs in between, so what was captured
 * since the last post took its own is this post's.
 */

const KATEX_WARNING = /^(No character metrics for |LaTeX-incompatible input and strict mode)/;

let captured: string[] = [];
let installed: ((...args: unknown[]) => void) | undefined;

/**
 * Routes KaTeX's warnings to the capture from now on (once; again if something else has put its
 * own `console.warn` in place since, as a test capturing a build's output does). Other warnings
 * go on to the `console.warn` found.
 */
export function captureKatexWarnings(): void {
  if (installed && console.warn === installed) return;
  const previous = console.warn;
  const capture = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && KATEX_WARNING.test(first)) captured.push(first);
    else previous.apply(console, args);
  };
  installed = capture;
  console.warn = capture;
}

/** The KaTeX warnings captured since the last call. */
export function takeKatexWarnings(): string[] {
  const taken = captured;
  captured = [];
  return taken;
}
