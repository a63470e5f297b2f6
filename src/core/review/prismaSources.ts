/**
 * Which database or register each corpus file is, for the PRISMA diagram: the `literatureTriage.prismaSources`
 * setting maps a corpus file (its path as listed, or its file name) to a name, or to `{ "name", "type" }`
 * with type "database" (the default) or "register". A file it does not name is a database named by its file
 * name. Reading the setting never throws; what cannot be used is named in `problems`.
 */
import type { SourceType } from './prisma';

export interface SourceNaming {
  name: string;
  type: SourceType;
}

export interface SourceNamesCheck {
  names: ReadonlyMap<string, SourceNaming>;
  problems: string[];
}

const SETTING = 'literatureTriage.prismaSources';

export function checkSourceNames(value: unknown): SourceNamesCheck {
  const names = new Map<string, SourceNaming>();
  const problems: string[] = [];
  if (value === undefined) return { names, problems };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${SETTING} must be an object like { "pubmed.nbib": "PubMed" }: ignored`);
    return { names, problems };
  }
  try {
    for (const [file, entry] of Object.entries(value as Record<string, unknown>)) {
      const where = `${SETTING}[${JSON.stringify(file)}]`;
      if (!file.trim()) {
        problems.push(`${SETTING} has an empty file name: ignored`);
        continue;
      }
      if (typeof entry === 'string') {
        if (entry.trim())
          names.set(normalizeSeparators(file.trim()), { name: entry.trim(), type: 'database' });
        else problems.push(`${where} is an empty name: ignored`);
        continue;
      }
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problems.push(`${where} must be a name or { "name": "…", "type": "database" | "register" }: ignored`);
        continue;
      }
      const { name, type } = entry as { name?: unknown; type?: unknown };
      if (typeof name !== 'string' || !name.trim()) {
        problems.push(`${where}.name must be a non-empty string: ignored`);
        continue;
      }
      if (type !== undefined && type !== 'database' && type !== 'register') {
        problems.push(`${where}.type must be "database" or "register": counted as a database`);
      }
      names.set(normalizeSeparators(file.trim()), {
        name: name.trim(),
        type: type === 'register' ? 'register' : 'database',
      });
    }
  } catch {
    problems.push(`${SETTING} cannot be read: ignored`);
  }
  return { names, problems };
}

/** The naming of the corpus file `label` (a path): by its path, else by its file name, else its file name. */
export function sourceNaming(label: string, names: ReadonlyMap<string, SourceNaming>): SourceNaming {
  const base = fileName(label);
  return names.get(normalizeSeparators(label)) ?? names.get(base) ?? { name: base, type: 'database' };
}

function normalizeSeparators(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function fileName(path: string): string {
  const parts = normalizeSeparators(path).split('/');
  return parts[parts.length - 1] || path;
}
