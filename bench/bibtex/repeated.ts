/**
 * The large file: real-bibliography.bib (169 entries, 323 KB) 20 times, each copy under new keys
 * (`Key` → `Key_r7`), 3,380 entries and about 6.5 MB.
 */
export function repeatedBib(text: string, copies = 20): string {
  const parts: string[] = [];
  for (let r = 0; r < copies; r++) {
    parts.push(
      text.replace(/^(@[A-Za-z]+\{)([^,\s]+),/gm, (_m, head: string, key: string) => `${head}${key}_r${r},`),
    );
  }
  return parts.join('\n');
}
