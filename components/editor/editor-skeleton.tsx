/** What shows while the editor's code and the document load. */
export function EditorSkeleton() {
  return (
    <div className="editor-shell" aria-busy="true">
      <div className="editor-bar">
        <span className="muted">Opening the briefing…</span>
      </div>
      <div className="editor-page editor-page--loading">
        <span className="busy" aria-hidden="true" />
      </div>
    </div>
  );
}
