import Link from "next/link";

export default function FrameworkNotFound() {
  return (
    <div className="empty-state">
      <h1>Framework not found</h1>
      <p>There is no framework at this address. It may have been renamed.</p>
      <Link className="button" href="/frameworks">
        Browse all frameworks
      </Link>
    </div>
  );
}
