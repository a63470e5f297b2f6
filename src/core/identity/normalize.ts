/**
 * Normal forms used for identity. Display text is never changed by these: they only build keys.
 *
 * Title key: NFKC (ligatures, full-width forms), then NFKD with combining marks removed (diacritics:
 * "Fréchet" = "Frechet"), a few letters without a decomposition folded (ß→ss, æ→ae, ø→o, ł→l, …), lower
 * case, LaTeX accent commands dropped (`Fr\'echet` = `Fréchet`, `\c{c}` = `ç`), and then everything that is
 * not a letter or a digit removed — punctuation, braces, white space of any kind, zero-width characters. So
 * "Auto-Regressive Models." and "autoregressive   models" have the same key.
 */

import { SPECIAL_LETTERS } from '../text/specialLetters';

const SPECIAL_LETTER_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
/** LaTeX accent commands: symbol ones (\' \` \^ \" \~ \= \.) and one-letter ones (\c \v \u \H \k \r \d \b \t). */
const LATEX_ACCENT_RE = /\\(?:['`^"~=.]|[cvuHkrdbt](?![A-Za-z]))/g;
const NOT_ALNUM_RE = /[^\p{L}\p{N}]+/gu;
const MARKS_RE = /\p{M}+/gu;

/** Letters and digits only, casefolded and without diacritics. The base of every content key. */
export function foldText(text: string): string {
  return text
    .replace(LATEX_ACCENT_RE, '')
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .replace(SPECIAL_LETTER_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .toLowerCase()
    .replace(NOT_ALNUM_RE, '');
}

export function titleKey(title: string): string {
  return foldText(title);
}

/** How many folded characters of the abstract make its fingerprint (about the first 15–20 words). */
const FINGERPRINT_CHARS = 120;

/**
 * The abstract's fingerprint: its folded text without a leading "abstract" label, cut to the first
 * FINGERPRINT_CHARS characters. Re-wrapping, white space, punctuation, LaTeX vs Unicode accents, and
 * anything after the opening words (a copyright line a database appends, a truncated export) leave it
 * unchanged; a different paper's abstract changes it.
 */
export function abstractFingerprint(abstract: string): string {
  // Fold a growing prefix rather than the whole text: a 1 MB abstract costs no more than a short one.
  for (let take = 1024; ; take *= 4) {
    let folded = foldText(abstract.slice(0, take));
    if (folded.startsWith('abstract')) folded = folded.slice('abstract'.length);
    if (folded.length >= FINGERPRINT_CHARS || take >= abstract.length)
      return folded.slice(0, FINGERPRINT_CHARS);
  }
}

const DOI_PREFIX_RE = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/|^doi:\s*/i;
const DOI_RE = /^10\.\d{4,9}\/\S+$/;

/**
 * A DOI as written but without a resolver prefix (`https://doi.org/`, `doi:`) or trailing punctuation;
 * undefined when the text is not a DOI. Compare DOIs with `doiKey` (DOIs are case-insensitive).
 */
export function cleanDoi(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let doi = raw.trim().replace(DOI_PREFIX_RE, '').trim();
  doi = doi.replace(/[.,;]+$/, '');
  try {
    if (doi.includes('%')) doi = decodeURIComponent(doi);
  } catch {
    /* keep as is */
  }
  return DOI_RE.test(doi) ? doi : undefined;
}

export function doiKey(doi: string | undefined): string | undefined {
  return cleanDoi(doi)?.toLowerCase();
}

const ARXIV_NEW_RE = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])/;
const ARXIV_OLD_RE = /(?:^|[^A-Za-z-])([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?!\d)/i;

/**
 * An arXiv identifier without its version, from a bare id ("2509.12345v2"), a prefixed one
 * ("arXiv:2509.12345"), an abs/pdf URL, or an old-style id ("cond-mat/0412498v1" → "cond-mat/0412498").
 * Undefined when none is found.
 */
export function normalizeArxivId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  const m = ARXIV_NEW_RE.exec(text);
  if (m?.[1]) return m[1];
  const old = ARXIV_OLD_RE.exec(text);
  if (old?.[1]) {
    const [archive = '', num = ''] = old[1].split('/');
    const [name = '', subject] = archive.split('.');
    return `${name.toLowerCase()}${subject ? `.${subject.toUpperCase()}` : ''}/${num}`;
  }
  return undefined;
}

/**
 * A PubMed id as digits without leading zeros, from a bare id ("30501481"), a prefixed one ("PMID: 30501481")
 * or a pubmed.ncbi.nlm.nih.gov URL. Undefined when none is found.
 */
export function pmidKey(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const m =
    /^(?:pmid:?\s*|https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/)?0*([1-9]\d{0,9})\/?$/i.exec(
      raw.trim(),
    );
  return m?.[1];
}
