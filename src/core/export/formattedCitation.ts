/**
 * References formatted in a CSL style by citeproc-js (the `citeproc` package: the processor of Zotero and
 * Mendeley), as plain text. The style and locale XML are given by the caller (the extension bundles APA 7th,
 * IEEE and Vancouver with the en-US locale: media/csl/), so this runs wherever the domain runs.
 *
 * Items carry no triage (`toCslItem(…, { triage: false })`): a reference never shows a decision or a note.
 * One engine is kept per style text; building one costs tens of milliseconds (APA's, the largest, more).
 */
import CSL from 'citeproc';
import type { Paper } from '../model/paper';
import { toCslItem, type CslItem } from './cslJson';

interface Engine {
  setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
  updateItems(ids: readonly string[]): void;
  makeBibliography(): false | [{ bibliography_errors: unknown[] }, string[]];
}

interface CachedEngine {
  engine: Engine;
  items: Map<string, CslItem>;
}

const engines = new Map<string, CachedEngine>();
const MAX_ENGINES = 8;
/** citeproc-js keeps an item's data under its id: every formatting gets ids never used before. */
let serial = 0;

function engineFor(style: string, locale: string): CachedEngine {
  const cacheKey = `${style}\u0000${locale}`;
  const cached = engines.get(cacheKey);
  if (cached) return cached;
  const items = new Map<string, CslItem>();
  const engine = new CSL.Engine(
    {
      retrieveLocale: (lang: string) => (lang === 'en-US' || lang === 'en' ? locale : undefined),
      retrieveItem: (id: string) => items.get(id),
    },
    style,
    'en-US',
    true,
  ) as Engine;
  engine.setOutputFormat('text');
  if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value!);
  const made = { engine, items };
  engines.set(cacheKey, made);
  return made;
}

/** The style's bibliography entries for `items`, in the style's order (APA sorts by author, IEEE keeps ours). */
export function formatCslItems(items: readonly CslItem[], style: string, locale: string): string[] {
  if (!items.length) return [];
  const { engine, items: known } = engineFor(style, locale);
  known.clear();
  const ids = items.map((item) => {
    const id = `item-${++serial}`;
    known.set(id, { ...item, id });
    return id;
  });
  engine.updateItems(ids);
  const result = engine.makeBibliography();
  if (!result) throw new Error('the citation style has no bibliography');
  // citeproc-js turns a space before a colon or semicolon into a narrow no-break space (French typography);
  // the bundled locale is English, where it is an ordinary space, as pandoc's citeproc leaves it.
  return result[1].map((entry) => entry.replace(/\u202F(?=[:;!?])/g, ' ').trim());
}

/**
 * The CSL item a reference is made from: no triage, and no final period on the title (PubMed's titles all end
 * with one, and styles add their own punctuation: IEEE would print "profilin.,”"). A period after a short word
 * ("et al.") stays.
 */
export function referenceItem(paper: Paper): CslItem {
  const item = toCslItem({ paper }, { triage: false });
  return { ...item, title: item.title.replace(/([^.\s]{3,})\.$/u, '$1') };
}

/** The papers' references in one style: one line per paper (numbered styles number them in this order). */
export function formatReferences(papers: readonly Paper[], style: string, locale: string): string {
  return formatCslItems(papers.map(referenceItem), style, locale).join('\n');
}
