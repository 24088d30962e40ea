/**
 * kramdown definition lists (kramdown 2.4, lib/kramdown/parser/kramdown/list.rb:
 * DEFINITION_LIST_START, `parse_definition_list`): term lines, then `: definition` lines. CommonMark
 * reads them as one paragraph; here they make a `<dl>` while the document is parsed, so every
 * plugin after the parser sees the list.
 *
 * The construct is tried where micromark would start a paragraph (`contentInitial`: the text of a
 * paragraph, after any link definitions that open it, with the quote markers and list indentation
 * of its lines already taken off). It reads the paragraph to its end once: a list is one or more
 * term lines followed by definition lines up to the paragraph's end (a `:` after any indentation,
 * then a space or tab). Otherwise the text is a paragraph as before.
 *
 * As kramdown splits the lines first and reads each term and definition on its own, each line's
 * text (trimmed, after the `:` and the blanks after it for a definition) is text content of its
 * own: micromark reads it with every text construct registered, and nothing (emphasis, math, a
 * code span) runs from one line into the next. A term that is only `$$…$$` is span math, as
 * kramdown reads terms as running text. Lists in a row (only blank lines between) make one list,
 * in block quotes and list items too. The mdast nodes are `chirpy-dl`, `chirpy-dt` and `chirpy-dd`
 * (`data.hName` gives the HTML element).
 *
 * The line's text is a token of its own type with `contentType: 'text'`, not a `chunkText`:
 * micromark's task-list hook marks every `chunkText` of a list item's first paragraph, and a term
 * `[ ] …` would become a checkbox.
 */
import type { Parent, RootContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Extension, State } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { isLineEnding, isSpace } from '../shared/codes.ts';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownDefinitionList: 'kramdownDefinitionList';
    kramdownDefinitionTerm: 'kramdownDefinitionTerm';
    kramdownDefinitionDescription: 'kramdownDefinitionDescription';
    kramdownDefinitionMarker: 'kramdownDefinitionMarker';
    kramdownDefinitionText: 'kramdownDefinitionText';
  }
}

/** What JavaScript's `trim()` takes off (the terms and definitions were trimmed so before). */
const TRIMMED = new Set([11, 12, 32, 160, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isTrimmed = (code: Code): boolean =>
  code !== null && (code === -2 || code === -1 || TRIMMED.has(code) || (code >= 0x2000 && code <= 0x200a));

/** One line of the paragraph. */
interface Line {
  /** A definition: `:` and a space or tab after the line's indentation. */
  definition: boolean;
  /** The offset after the line's text (its last character that is not blank), if it has text. */
  textEnd: number | undefined;
}

/** A paragraph's lines, read once (from its first line) for every place a list could start in it. */
interface Shape {
  /** Index in `lines` by line number. */
  byLine: Map<number, number>;
  lines: Line[];
  /** Where the last run of definition lines starts (`lines.length` if the last line is a term). */
  definitions: number;
  /** The last definition line before that run, or -1. */
  before: number;
}

/** The shape of the paragraph each content tokenizer reads, by its `sliceStream` function. */
const shapes = new WeakMap<object, Shape>();

/** A check that reads the paragraph to its end and keeps its shape; it always fails. */
const readShape: Construct = {
  partial: true,
  tokenize(effects, _ok, nok) {
    const self = this;
    const byLine = new Map<number, number>();
    const lines: Line[] = [];
    let line: Line;
    /** Where the line is: its indentation, a `:` after it, the blanks after the `:`, the text. */
    let phase: 'indent' | 'colon' | 'marker' | 'text';

    const lineStart: State = (code) => {
      byLine.set(self.now().line, lines.length);
      line = { definition: false, textEnd: undefined };
      lines.push(line);
      phase = 'indent';
      return inside(code);
    };

    const inside: State = (code) => {
      // A `:` with no blank after it is a term's text.
      if (phase === 'colon' && !isSpace(code)) {
        line.textEnd = self.now().offset;
        phase = 'text';
      }
      if (code === null) {
        let definitions = lines.length;
        while (definitions > 0 && lines[definitions - 1]!.definition) definitions--;
        let before = definitions - 1;
        while (before >= 0 && !lines[before]!.definition) before--;
        shapes.set(self.sliceStream, { byLine, lines, definitions, before });
        return nok(code);
      }
      if (isLineEnding(code)) {
        effects.consume(code);
        return lineStart;
      }
      if (phase === 'indent') {
        if (code === codes.colon) phase = 'colon';
        else if (!isSpace(code)) phase = 'text';
      } else if (phase === 'colon') {
        line.definition = true;
        phase = 'marker';
      } else if (phase === 'marker' && !isSpace(code)) phase = 'text';
      effects.consume(code);
      if (phase === 'text' && !isTrimmed(code)) line.textEnd = self.now().offset;
      return inside;
    };

    return (code) => {
      effects.enter('data');
      return lineStart(code);
    };
  },
};

const definitionList: Construct = {
  name: 'kramdownDefinitionList',
  tokenize(effects, ok, nok) {
    const self = this;
    let shape: Shape;
    let index: number;
    let read = false;

    /** A run of codes that pass `test`, as one token of `type`. */
    const run = (type: 'whitespace' | 'linePrefix', test: (code: Code) => boolean, next: State): State => {
      const inside: State = (code) => {
        if (test(code)) {
          effects.consume(code);
          return inside;
        }
        effects.exit(type);
        return next(code);
      };
      return (code) => {
        if (!test(code)) return next(code);
        effects.enter(type);
        return inside(code);
      };
    };

    const start: State = (code) => {
      const known = shapes.get(self.sliceStream);
      if (!known) {
        if (read) return nok(code);
        read = true;
        return effects.check(readShape, start, start)(code);
      }
      shape = known;
      const at = shape.byLine.get(self.now().line);
      if (
        at === undefined ||
        at <= shape.before ||
        at >= shape.definitions ||
        shape.definitions === shape.lines.length
      ) {
        return nok(code);
      }
      index = at;
      effects.enter('kramdownDefinitionList');
      return lineStart(code);
    };

    const lineStart: State = (code) => {
      if (shape.lines[index]!.definition) {
        effects.enter('kramdownDefinitionDescription');
        return run('linePrefix', isSpace, marker)(code);
      }
      effects.enter('kramdownDefinitionTerm');
      return run('whitespace', isTrimmed, text)(code);
    };

    const marker: State = (code) => {
      effects.enter('kramdownDefinitionMarker');
      effects.consume(code);
      return markerSpace;
    };

    const markerSpace: State = (code) => {
      if (isSpace(code)) {
        effects.consume(code);
        return markerSpace;
      }
      effects.exit('kramdownDefinitionMarker');
      return text(code);
    };

    /** The line's text, up to its last character that is not blank. */
    const text: State = (code) => {
      const end = shape.lines[index]!.textEnd;
      if (end === undefined || end <= self.now().offset || code === null || isLineEnding(code)) return rest(code);
      effects.enter('kramdownDefinitionText', { contentType: 'text' });
      return textInside(code);
    };

    const textInside: State = (code) => {
      if (code === null || isLineEnding(code)) {
        effects.exit('kramdownDefinitionText');
        return lineEnd(code);
      }
      effects.consume(code);
      if (self.now().offset < shape.lines[index]!.textEnd!) return textInside;
      effects.exit('kramdownDefinitionText');
      return rest;
    };

    /** The blanks after the text. */
    const rest: State = run(
      'whitespace',
      (code) => code !== null && !isLineEnding(code),
      (code) => lineEnd(code),
    );

    const lineEnd = (code: Code): State | undefined => {
      effects.exit(shape.lines[index]!.definition ? 'kramdownDefinitionDescription' : 'kramdownDefinitionTerm');
      if (code === null) {
        effects.exit('kramdownDefinitionList');
        return ok(code);
      }
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      index++;
      return lineStart;
    };

    return start;
  },
};

type ListNode = Parent & { type: string; data: { hName: string } };

const element = (name: 'dl' | 'dt' | 'dd'): ListNode => ({
  type: `chirpy-${name}`,
  data: { hName: name },
  children: [],
});

function fromMarkdown(): FromMarkdownExtension {
  const enter = (name: 'dt' | 'dd') =>
    function (this: CompileContext, token: Token) {
      this.enter(element(name) as unknown as Parameters<CompileContext['enter']>[0], token);
    };
  const exit = function (this: CompileContext, token: Token) {
    this.exit(token);
  };
  return {
    enter: {
      kramdownDefinitionList(this: CompileContext, token: Token) {
        // A list right after another (only blank lines between) goes on in the same `<dl>`.
        const parent = this.stack[this.stack.length - 1] as Parent;
        const previous = parent.children[parent.children.length - 1] as RootContent | undefined;
        if ((previous?.type as string | undefined) === 'chirpy-dl') {
          this.stack.push(previous as unknown as ListNode as never);
          this.tokenStack.push([token, undefined]);
          return;
        }
        this.enter(element('dl') as unknown as Parameters<CompileContext['enter']>[0], token);
      },
      kramdownDefinitionTerm: enter('dt'),
      kramdownDefinitionDescription: enter('dd'),
    },
    exit: {
      kramdownDefinitionList: exit,
      kramdownDefinitionTerm: exit,
      kramdownDefinitionDescription: exit,
    },
  };
}

export function remarkDeflist(this: Processor) {
  const data = this.data() as Data & { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ contentInitial: { null: definitionList } });
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown());
}
