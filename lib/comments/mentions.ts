/**
 * Mentions inside comment bodies. A body is plain text; a mention is the token
 * `@[Display name](user:USER_ID)`, so the text stays readable as is (in exports, e-mails, the API)
 * and the ids can be read back without a second field getting out of step.
 */

/** One mention token; names cannot hold "[", "]" or line breaks, ids are cuid-like. */
const MENTION = /@\[([^\][\n]{1,100})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;

/** The token for a person, with characters a name may not hold replaced. */
export function mentionToken(user: { id: string; name: string }): string {
  const name =
    user.name
      .replace(/[\][\n\r]/g, " ")
      .slice(0, 100)
      .trim() || "someone";
  return `@[${name}](user:${user.id})`;
}

/** The distinct user ids mentioned in a body, in order of first mention. */
export function mentionedUserIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) if (match[2]) ids.add(match[2]);
  return [...ids];
}

/** A piece of a body as shown: text, a link, or a mention. */
export type BodySegment =
  | { kind: "text"; text: string }
  | { kind: "link"; href: string; text: string }
  | { kind: "mention"; userId: string; name: string };

const LINK = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;

function splitLinks(text: string, into: BodySegment[]): void {
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const at = match.index ?? 0;
    if (at > last) into.push({ kind: "text", text: text.slice(last, at) });
    into.push({ kind: "link", href: match[0], text: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) into.push({ kind: "text", text: text.slice(last) });
}

/** Splits a body into text, http(s) links and mentions, for rendering without any HTML. */
export function bodySegments(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const at = match.index ?? 0;
    if (at > last) splitLinks(body.slice(last, at), segments);
    segments.push({ kind: "mention", name: match[1] ?? "", userId: match[2] ?? "" });
    last = at + match[0].length;
  }
  if (last < body.length) splitLinks(body.slice(last), segments);
  return segments;
}

/** The body as plain text with mentions as "@Name" (exports, previews). */
export function plainBody(body: string): string {
  return body.replace(MENTION, (_all, name: string) => `@${name}`);
}
