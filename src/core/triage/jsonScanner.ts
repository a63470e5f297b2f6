/**
 * A strict JSON parser that, unlike `JSON.parse`, reports where things are: the offset of every object
 * member (so a bad field can be pointed at) and of a syntax error (the same in every runtime), and that
 * rejects duplicate member names instead of silently keeping the last one.
 */

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

interface ScannedJson {
  value: unknown;
  /** Offset of each object member's name, keyed by its path: member names joined with "/". */
  memberOffsets: Map<string, number>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function scanJson(text: string): ScannedJson {
  const memberOffsets = new Map<string, number>();
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number): string =>
    at >= text.length ? 'end of file' : `'${JSON.stringify(text[at]).slice(1, -1)}'`;
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[pos] !== char) fail(`expected '${char}' but found ${describe(pos)}`);
    pos++;
  };

  const readString = (): string => {
    if (text[pos] !== '"') fail(`expected a string but found ${describe(pos)}`);
    const start = pos++;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const c = text[pos]!;
      if (c === '"') {
        pos++;
        return out;
      }
      if (c < ' ') fail('control character inside a string');
      if (c !== '\\') {
        out += c;
        pos++;
        continue;
      }
      const e = text[pos + 1] ?? '';
      if (e === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else if (e in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[e];
        pos += 2;
      } else {
        fail(`bad escape '\\${e}'`);
      }
    }
  };

  const readValue = (path: string): unknown => {
    skipSpace();
    const c = text[pos];
    if (c === '{') return readObject(path);
    if (c === '[') return readArray(path);
    if (c === '"') return readString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    return fail(`unexpected ${describe(pos)}`);
  };

  const readObject = (path: string): Record<string, unknown> => {
    pos++;
    const result = Object.create(null) as Record<string, unknown>;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return result;
    }
    for (;;) {
      skipSpace();
      const nameAt = pos;
      const name = readString();
      const memberPath = path ? `${path}/${name}` : name;
      if (Object.prototype.hasOwnProperty.call(result, name)) fail(`duplicate member "${name}"`, nameAt);
      memberOffsets.set(memberPath, nameAt);
      expect(':');
      result[name] = readValue(memberPath);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return result;
      }
      fail(`expected ',' or '}' but found ${describe(pos)}`);
    }
  };

  const readArray = (path: string): unknown[] => {
    pos++;
    const result: unknown[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return result;
    }
    for (;;) {
      result.push(readValue(`${path}/${result.length}`));
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return result;
      }
      fail(`expected ',' or ']' but found ${describe(pos)}`);
    }
  };

  const value = readValue('');
  skipSpace();
  if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the document`);
  return { value, memberOffsets };
}
