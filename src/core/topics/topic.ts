export interface Topic {
  /** Stable id derived from the label, so a tree can keep its expansion state across recomputations. */
  id: string;
  label: string;
  /** Paper ids in the topic; every paper is in exactly one topic. */
  paperIds: string[];
  /** True for a user topic (a named saved query), false for an automatic one. */
  user: boolean;
}

export const OTHER_TOPIC_LABEL = 'Other';

/** "Time series forecasting" → "time-series-forecasting"; accents folded, punctuation dropped. */
export function slugOf(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** Gives each topic an id `prefix:slug`, suffixing -2, -3... when two labels slug alike. */
export function assignIds<T extends { label: string; user: boolean }>(
  topics: T[],
): Array<T & { id: string }> {
  const used = new Set<string>();
  return topics.map((topic) => {
    const base = `${topic.user ? 'user' : 'topic'}:${slugOf(topic.label)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...topic, id };
  });
}

/** Whether two topic lists group the same papers under the same labels, in the same order. */
export function sameTopics(a: readonly Topic[], b: readonly Topic[]): boolean {
  return (
    a.length === b.length &&
    a.every((topic, i) => {
      const other = b[i]!;
      return (
        topic.id === other.id &&
        topic.label === other.label &&
        topic.paperIds.length === other.paperIds.length &&
        topic.paperIds.every((id, j) => other.paperIds[j] === id)
      );
    })
  );
}
