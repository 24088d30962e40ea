/**
 * Front matter flags as Jekyll read them: YAML booleans, and YAML 1.1's `yes`/`no`/`on`/`off`
 * (and `true`/`false` written as text). One reading for the schema, the loader and the
 * Markdown plugins.
 */
const TRUE_WORDS = new Set(['true', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'off']);

/** `true` or `false` for a flag value, `undefined` for anything else (left for the schema to report). */
export function readFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
