/** Shown while a briefing list or a briefing loads (the tabs and search navigate through it). */
export default function Loading() {
  return (
    <div className="loading" role="status">
      <span className="busy" aria-hidden="true" /> Loading briefings…
    </div>
  );
}
