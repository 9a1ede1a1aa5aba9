/** @mentions: "@Full Name" in a comment names someone who has commented on the step. Pure. */

export interface MentionCandidate {
  id: string;
  name: string;
}

const wordChar = /[\p{L}\p{N}_]/u;
/** Characters that make an @ part of an address or a word (name@example.org) rather than a mention. */
const beforeMention = /[\p{L}\p{N}_.+-]/u;

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('en-GB');

/**
 * Ids of the candidates the text mentions. At each @ the longest matching name wins ("@Sam Lee" is Sam Lee, not
 * Sam), a name must end at a word boundary, and people who share that name are all mentioned.
 */
export function findMentions(text: string, candidates: MentionCandidate[]): string[] {
  const byName = new Map<string, string[]>();
  for (const c of candidates) {
    const key = fold(c.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), c.id]);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const folded = fold(text);
  const found = new Set<string>();
  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    if (at > 0 && beforeMention.test(folded[at - 1] ?? '')) continue;
    const rest = folded.slice(at + 1);
    const name = names.find((n) => rest.startsWith(n) && !wordChar.test(rest.charAt(n.length)));
    for (const id of name ? (byName.get(name) ?? []) : []) found.add(id);
  }
  return [...found];
}

/**
 * The name being typed after an @ just before the caret, for suggestions: at most three words, on one line.
 * Null when the caret is not in a mention.
 */
export function mentionQuery(textBeforeCaret: string): { start: number; query: string } | null {
  const at = textBeforeCaret.lastIndexOf('@');
  if (at === -1 || (at > 0 && beforeMention.test(textBeforeCaret[at - 1] ?? ''))) return null;
  const query = textBeforeCaret.slice(at + 1);
  if (query.length > 60 || /[\n@]/.test(query) || /\s$/.test(query) || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** Names that match what has been typed: the whole name or any of its words starts with it. */
export function suggestNames<T extends { name: string }>(query: string, people: T[], limit = 8): T[] {
  const q = fold(query.trim());
  return people
    .filter((p) => {
      const name = fold(p.name);
      return name.startsWith(q) || name.split(' ').some((word) => word.startsWith(q));
    })
    .slice(0, limit);
}
