// In-page measurements of bench/comments.ts, as plain JavaScript source (functions compiled by tsx
// can carry helper calls that do not exist in the browser).

/**
 * An init script (runs before the page's own scripts): polls between tasks from the start of the
 * page for (1) the editor being editable and showing the last paragraph `lastText`, then (2) when
 * `threads` > 0, every highlight being in the text (`threads` elements with distinct thread ids)
 * and the panel listing threads; each time at the paint after the condition held. Results in
 * `window.__benchComments`.
 */
export const PAGE_PROBES = (lastText: string, threads: number) => `(() => {
  const out = { ready_ms: null, highlights_ms: null, highlights: 0, panel_threads: 0, done: false };
  window.__benchComments = out;
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  // Polled every 20 ms (a tight loop of tasks would slow the page it measures).
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 20));
  const ready = () => {
    const editor = document.querySelector('.ProseMirror[contenteditable="true"]');
    return Boolean(editor && editor.lastElementChild && editor.lastElementChild.textContent.includes(${JSON.stringify(lastText)}));
  };
  const highlighted = () => {
    const ids = new Set();
    for (const el of document.querySelectorAll(".ProseMirror [data-thread-id]")) ids.add(el.getAttribute("data-thread-id"));
    out.highlights = ids.size;
    out.panel_threads = document.querySelectorAll('[data-testid="comment-thread"]').length;
    return ids.size >= ${threads} && out.panel_threads > 0;
  };
  (async () => {
    while (!ready()) await nextTask();
    out.ready_ms = await afterPaint();
    if (${threads} > 0) {
      while (!highlighted()) await nextTask();
      out.highlights_ms = await afterPaint();
    }
    out.done = true;
  })();
})()`;

export const READ_PAGE_PROBES = `(() => {
  const { ready_ms, highlights_ms, highlights, panel_threads } = window.__benchComments;
  return { ready_ms, highlights_ms, highlights, panel_threads };
})()`;
