/**
 * The XML layer shared by the Atom and EndNote XML readers: saxes (strict, namespace-aware; see README.md for
 * why) builds a small element tree. Not well-formed XML is a CorpusError naming the line of the first error.
 */
import { SaxesParser } from 'saxes';
import { CorpusError } from '../model/paper';

export interface XmlElement {
  /** Namespace URI ('' for none). */
  ns: string;
  /** Local name. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (text and CDATA directly inside it, not inside its children). */
  text: string;
  /** Text and child elements in document order, for mixed content such as EndNote's style runs. */
  content: (string | XmlElement)[];
  /** 1-based line of the start tag. */
  line: number;
}

export interface ParseOptions {
  /**
   * Resolve namespaces (default true). Without, `ns` is '' and `name` the name as written (`a:b`), and
   * parsing is about twice as fast: for formats that use no namespaces.
   */
  xmlns?: boolean;
  /**
   * Called for every element when its end tag is read, with the number of open elements around it; when it
   * returns true the element is dropped from the tree (a reader that handles one record at a time keeps
   * memory flat that way).
   */
  onClose?: (el: XmlElement, depth: number) => boolean;
}

/** Parses a whole document into a tree under a `#document` root. */
export function parseXml(text: string, file: string, options: ParseOptions = {}): XmlElement {
  const { onClose } = options;
  const xmlns = options.xmlns ?? true;
  const parser = new SaxesParser({ xmlns, position: true });
  const root: XmlElement = {
    ns: '',
    name: '#document',
    attrs: {},
    children: [],
    text: '',
    content: [],
    line: 1,
  };
  const stack: XmlElement[] = [root];
  let error: Error | undefined;
  let errorLine: number | undefined;
  parser.on('error', (e) => {
    if (error) return;
    error = e;
    errorLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [key, a] of Object.entries(tag.attributes)) {
      if (typeof a === 'string') attrs[key] = a;
      else attrs[a.local] = a.value;
    }
    const el: XmlElement = {
      ns: tag.uri ?? '',
      name: tag.local ?? tag.name,
      attrs,
      children: [],
      text: '',
      content: [],
      line: parser.line,
    };
    const parent = stack[stack.length - 1]!;
    parent.children.push(el);
    parent.content.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    if (onClose?.(el, stack.length - 1)) {
      const parent = stack[stack.length - 1]!;
      parent.children.pop();
      parent.content.pop();
    }
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1]!;
    top.text += t;
    top.content.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= e instanceof Error ? e : new Error(String(e));
  }
  if (error) {
    const msg = error.message.replace(/^(?:[^:\n]*:)?\d+:\d+:\s*/, '');
    throw new CorpusError(file, `not well-formed XML: ${msg}`, errorLine);
  }
  return root;
}

/** All text inside an element, its children's included, in document order. */
export function deepText(el: XmlElement): string {
  let out = '';
  for (const part of el.content) out += typeof part === 'string' ? part : deepText(part);
  return out;
}
