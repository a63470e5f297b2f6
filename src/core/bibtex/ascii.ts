/** ASCII transliteration for citation keys: accents stripped, ligatures and special letters spelled out. */

const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ȷ: 'j',
  ŋ: 'ng',
  Ŋ: 'Ng',
};

// prettier-ignore
const GREEK = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

function greekName(c: string): string | undefined {
  const code = c.codePointAt(0)!;
  if (code >= 0x3b1 && code <= 0x3c9) return GREEK[code - 0x3b1];
  if (code >= 0x391 && code <= 0x3a9 && code !== 0x3a2) {
    const name = GREEK[code - 0x391]!;
    return name[0]!.toUpperCase() + name.slice(1);
  }
  return undefined;
}

/**
 * Letters and digits become ASCII where a reader would agree on the spelling (é → e, ß → ss, α → alpha,
 * ﬁ → fi); other characters are kept for the caller to treat as separators.
 */
export function toAscii(text: string): string {
  return [...text.normalize('NFKD').replace(/\p{M}/gu, '')]
    .map((c) => SPELLED[c] ?? greekName(c) ?? c)
    .join('');
}
