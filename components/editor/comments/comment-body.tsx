import { bodySegments } from "@/lib/comments/mentions";

export type CommentBodyProps = { body: string };

/** A comment's text: plain text, links and mentions as elements (never HTML from the body). */
export function CommentBody({ body }: CommentBodyProps) {
  return (
    <p className="comment__body">
      {bodySegments(body).map((segment, index) => {
        const key = `${index}-${segment.kind}`;
        if (segment.kind === "mention") {
          return (
            <span key={key} className="comment__mention" data-user-id={segment.userId}>
              @{segment.name}
            </span>
          );
        }
        if (segment.kind === "link") {
          return (
            <a key={key} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
              {segment.text}
            </a>
          );
        }
        return <span key={key}>{segment.text}</span>;
      })}
    </p>
  );
}

const UNITS: [number, string][] = [
  [60, "s"],
  [60, "min"],
  [24, "h"],
  [7, "d"],
];

/** "just now", "2 min ago", "3 h ago", "5 d ago", then the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  let value = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (value < 45) return "just now";
  for (const [size, unit] of UNITS) {
    if (value < size) return `${value} ${unit} ago`;
    value = Math.round(value / size);
  }
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}
