import { hashText } from './hash';
import { abstractFingerprint, doiKey, normalizeArxivId, pmidKey, titleKey } from './normalize';

/** What an id is computed from. Only the paper's own content: never its position, file or neighbours. */
interface IdentityFields {
  title: string;
  abstract?: string;
  doi?: string;
  arxivId?: string;
  pmid?: string;
}

/**
 * The discriminator that tells apart papers whose titles are the same: the abstract's fingerprint; for a
 * record without an abstract, its DOI, else its arXiv id, else its PubMed id, else nothing.
 */
export function discriminator(p: IdentityFields): string {
  const fp = abstractFingerprint(p.abstract ?? '');
  if (fp) return `a:${fp}`;
  const doi = doiKey(p.doi);
  if (doi) return `doi:${doi}`;
  const arxiv = normalizeArxivId(p.arxivId);
  if (arxiv) return `arxiv:${arxiv}`;
  const pmid = pmidKey(p.pmid);
  if (pmid) return `pmid:${pmid}`;
  return '';
}

/**
 * `p_` + 10 base32 characters from the title key + 4 from the discriminator, e.g. `p_3kq8v0c2mxa7rt`.
 *
 * - Content only, so reordering, re-saving (CRLF, BOM, re-wrapping) or moving a paper to another file keeps
 *   its id, and a paper added later never changes another paper's id.
 * - Same title, different abstract: same first 10 characters, different last 4 — distinct ids, and the shared
 *   prefix shows (and lets tooling find) that they share a title.
 * - DOI and arXiv id are not part of the id of a paper that has an abstract: whether a source carries them
 *   varies, and a listing and a BibTeX file holding the same paper must agree. They are matched on in
 *   `mergePapers` instead.
 * - A record without a usable title is keyed by its discriminator alone.
 */
export function paperId(p: IdentityFields): string {
  const disc = discriminator(p);
  const title = titleKey(p.title);
  const head = hashText(title ? `t:${title}` : `d:${disc}`, 10, 0);
  const tail = hashText(disc, 4, 1);
  return `p_${head}${tail}`;
}
