/**
 * A reviewer id names the reviewer's file (`<id>.json` in the reviewers folder), so it must be a safe file name
 * on every system a team uses: letters, digits and `. _ @ + -`, starting with a letter or digit, at most 64
 * characters, no `..`, no trailing dot, not a name Windows reserves. Ids are compared in lower case (an e-mail
 * address written `Alice@Example.org` and `alice@example.org` is one reviewer; a case-insensitive disk would
 * hold the two files as one), so the canonical id is lower case.
 */
const MAX_LENGTH = 64;
const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N}._@+-]*$/u;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/;

export type ReviewerIdCheck = { readonly id: string } | { readonly problem: string };

/** The canonical id for what a user typed or git reports, or why it cannot be one. */
export function checkReviewerId(raw: string): ReviewerIdCheck {
  const id = raw.normalize('NFC').trim().toLowerCase();
  const shown = JSON.stringify(raw);
  if (id === '') return { problem: 'a reviewer id cannot be empty' };
  if (id.length > MAX_LENGTH)
    return { problem: `reviewer id ${shown} is longer than ${MAX_LENGTH} characters` };
  if (/[/\\]/.test(id) || id.includes('..')) {
    return { problem: `reviewer id ${shown} contains a path (/, \\ or ..); it names a file, so it cannot` };
  }
  if (!ALLOWED.test(id)) {
    return {
      problem: `reviewer id ${shown} may hold only letters, digits and . _ @ + -, and must start with a letter or digit`,
    };
  }
  if (id.endsWith('.')) return { problem: `reviewer id ${shown} cannot end with a dot` };
  if (WINDOWS_RESERVED.test(id)) return { problem: `reviewer id ${shown} is a device name on Windows` };
  return { id };
}

/** The reviewer file's name for a canonical id. */
export function reviewerFileName(id: string): string {
  return `${id}.json`;
}
