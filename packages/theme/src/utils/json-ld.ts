/**
 * JSON-LD that user text cannot break out of: `<`, `>`, `&` and the JavaScript line
 * separators are written as escapes, so no title can close the `<script>` it sits in.
 */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
