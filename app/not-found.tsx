import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty-state">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist.</p>
      <Link className="button" href="/frameworks">
        Go to the catalog
      </Link>
    </div>
  );
}
