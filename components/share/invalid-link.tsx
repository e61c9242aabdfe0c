import Link from "next/link";
import "./share.css";

/** What a revoked, expired or mistyped share link shows (the same text, whatever the reason). */
export function InvalidLink() {
  return (
    <div className="invalid-link" data-testid="invalid-link">
      <h1>This link is no longer valid</h1>
      <p>
        It may have been revoked or have expired, or it was copied incompletely. Ask the person who shared it with you
        for a new link.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
