/**
 * kramdown definition lists: a term line followed by `: definition` lines. CommonMark reads
 * them as one paragraph; this turns such paragraphs (and runs of them) into `<dl>`.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';

type Line = PhrasingContent[];

function lines(paragraph: Paragraph): Line[] {
  const result: Line[] = [[]];
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      result.at(-1)!.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) result.push([]);
      if (part !== '') result.at(-1)!.push({ type: 'text', value: part });
    });
  }
  return result;
}

function startsWithColon(line: Line): boolean {
  const first = line[0];
  return first?.type === 'text' && /^:\s/.test(first.value);
}

function stripColon(line: Line): Line {
  const [first, ...rest] = line;
  if (first?.type !== 'text') return line;
  const value = first.value.replace(/^:\s+/, '');
  return value === '' ? rest : [{ type: 'text', value }, ...rest];
}

const element = (name: string, children: unknown[]): RootContent =>
  ({ type: `chirpy-${name}`, data: { hName: name }, children }) as unknown as RootContent;

/** The dt/dd items of a paragraph written as a definition, or undefined. */
function definition(node: RootContent): RootContent[] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const all = lines(node);
  const firstDefinition = all.findIndex(startsWithColon);
  if (firstDefinition < 1 || !all.slice(firstDefinition).every(startsWithColon)) return undefined;
  return [
    ...all.slice(0, firstDefinition).map((term) => element('dt', term)),
    ...all.slice(firstDefinition).map((line) => element('dd', stripColon(line))),
  ];
}

function walk(node: Nodes): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    walk(child as Nodes);
    const items = definition(child);
    if (!items) {
      out.push(child);
      continue;
    }
    const previous = out.at(-1) as unknown as { type: string; children: RootContent[] } | undefined;
    if (previous?.type === 'chirpy-dl') previous.children.push(...items);
    else out.push(element('dl', items));
  }
  parent.children = out as Parent['children'];
}

export function remarkDeflist() {
  return (tree: Root) => walk(tree);
}
