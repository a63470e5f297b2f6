/** The `citeproc` package (citeproc-js) ships no types: the part used here. */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): unknown;
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => unknown;
  };
  export default CSL;
}
