/**
 * Letters that carry no combining mark in Unicode decomposition but that readers treat as accented, with the
 * ASCII a reader would type for them ("Łukasz" → "Lukasz", "Straße" → "Strasse"). Identity keys and search
 * folding both use it, so a paper found by "Lukasz" is also the same paper as one spelled "Łukasz".
 */
export const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
