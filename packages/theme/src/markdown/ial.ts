/** kramdown's inline attribute lists: `{: .class #id key="value" }`. */

export interface Ial {
  classes: string[];
  id?: string;
  attributes: Record<string, string>;
}

// Text in the tree has been through SmartyPants (quotes curled), so these match any quotes;
// the attribute values themselves are read from the Markdown source (see remark-ial).

/** An IAL at the start of `text` (kramdown allows `{:width="500" .shadow}` without spaces). */
export const IAL_AT_START = /^\{:([^}]*)\}/;
/** A whole text that is one IAL. */
export const IAL_ONLY = /^\s*\{:([^}]*)\}\s*$/;
/** An IAL on the last line of a text (`…\n{: .prompt-tip }`). */
export const IAL_LAST_LINE = /\n[ \t]*\{:([^}]*)\}[ \t]*$/;

export function parseIal(body: string): Ial {
  const ial: Ial = { classes: [], attributes: {} };
  for (const match of body.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))|\.([\w-]+)|#([\w:-]+)/g)) {
    if (match[5]) ial.classes.push(match[5]);
    else if (match[6]) ial.id = match[6];
    else if (match[1]) ial.attributes[match[1]] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return ial;
}
