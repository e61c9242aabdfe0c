/**
 * A Content-Disposition header for a download named after a title: an ASCII-only `filename` for
 * old clients (accents dropped, anything unsafe replaced) and the exact UTF-8 name as an RFC 5987
 * `filename*`, which current browsers prefer.
 */
export function contentDisposition(title: string, extension: string): string {
  const base =
    title
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a file name.
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120) || "briefing";
  const ascii =
    base
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9 ._()-]+/g, "_")
      .replace(/_+/g, "_")
      .replace(/^[ ._]+|[ ._]+$/g, "") || "briefing";
  const encoded = encodeURIComponent(`${base}.${extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}
