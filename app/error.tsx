"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="empty-state" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. Your data is safe; try again in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
