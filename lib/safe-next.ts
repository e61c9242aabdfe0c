import { isWellFormed } from "@/lib/well-formed";

/** Longest `next` value followed; app paths are far shorter, and a huge one is only an attack. */
const MAX_NEXT_LENGTH = 2048;

// A base the value is resolved against: when the result still has this origin, the value was a
// path on our own site, whatever tricks it used (the URL parser is the one browsers apply).
const BASE = new URL("http://same-origin.invalid");

/**
 * A same-origin path to return to after signing in, or `fallback`. The value is resolved with the
 * URL parser (as the browser will resolve it) and must stay on this origin. Refused outright:
 * control characters (browsers strip tabs and newlines, so "/\t/evil" becomes "//evil"; in a
 * Location header CR/LF gave 500s), backslashes (browsers read "/\evil" as "//evil"), lone
 * surrogates (cannot be encoded), paths that decode to "//" and oversized values.
 */
export function safeNext(value: string | string[] | undefined, fallback = "/briefings"): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (typeof next !== "string" || !next.startsWith("/") || next.length > MAX_NEXT_LENGTH) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(next) || !isWellFormed(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/%2F/evil" is a path here, but a server or proxy that decodes it would see "//evil".
  if (/^\/(\/|\\)/.test(decodeOrEmpty(url.pathname))) return fallback;
  return path;
}

function decodeOrEmpty(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
