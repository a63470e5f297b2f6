/** citation-js ships no types: the part the RIS round-trip test uses. */
declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(data: string, options: { target: string }): unknown };
  };
}
declare module '@citation-js/plugin-ris';
