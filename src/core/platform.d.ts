// The platform globals src/core uses. Node, workers and browsers all have them; the Node typings and the DOM
// library declare them in full, but src/core may rely on neither, so just what it calls is declared here.
/* eslint-disable no-var -- `declare var` is how a global is declared (it is also a property of globalThis). */

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

interface Performance {
  now(): number;
}
declare var performance: Performance;
