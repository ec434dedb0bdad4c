/**
 * Mentions in an internal note: `@handle`, where a user's handle is the local part of their
 * e-mail address (`@kasi-ai.bali` for `kasi-ai.bali@sigap.local`), or `@` followed by the whole
 * address when two colleagues share a local part. Pure: no database, no clock.
 *
 * An `@` inside a word (an address written in the note, `budi@dinas.go.id`) is no mention, and
 * punctuation after a handle (`@kasi-ai.bali,` `@kasi-ai.bali.`) is not part of it.
 */
const MENTION =
  /(?<![A-Za-z0-9._%+\-@/])@([A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?(?:@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)?)/g;

/** The handle a user is mentioned by: the local part of their address, lower case. */
export function handleOf(email: string): string {
  const at = email.lastIndexOf('@');
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

/** The distinct handles (or whole addresses) a text mentions, lower case, in order of first use. */
export function parseMentions(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1].toLowerCase();
    if (!out.includes(handle)) out.push(handle);
  }
  return out;
}

export interface MentionCandidate {
  id: string;
  email: string;
}

/**
 * The users a text mentions among `candidates` (the active users of the ticket's office): by
 * whole address, or by handle when exactly one candidate has it (a handle two colleagues share
 * mentions nobody: write the address). Unknown names mention nobody; the author never
 * mentions themselves.
 */
export function resolveMentions(
  text: string,
  candidates: readonly MentionCandidate[],
  authorId: string | null,
): string[] {
  const ids: string[] = [];
  for (const handle of parseMentions(text)) {
    const matches = handle.includes('@')
      ? candidates.filter((c) => c.email.toLowerCase() === handle)
      : candidates.filter((c) => handleOf(c.email) === handle);
    if (matches.length !== 1) continue;
    const id = matches[0].id;
    if (id !== authorId && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
