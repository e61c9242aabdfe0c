"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { type TextStats, textStats } from "@/lib/editor/text-stats";

type Counts = { document: TextStats; selection: TextStats | null };

/** Counting a long briefing on every keystroke would cost typing latency: count once typing pauses. */
const SETTLE_MS = 300;

function count(editor: Editor): Counts {
  const { doc, selection } = editor.state;
  const document = textStats(doc.textBetween(0, doc.content.size, "\n", " "));
  const picked = selection.empty ? null : textStats(doc.textBetween(selection.from, selection.to, "\n", " "));
  return { document, selection: picked };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;
}

/** Word and character count of the briefing (and of the selection), with a reading time. */
export function WordCount({ editor }: { editor: Editor }) {
  const [counts, setCounts] = useState<Counts>(() => count(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCounts(count(editor)), SETTLE_MS);
    };
    editor.on("update", schedule);
    editor.on("selectionUpdate", schedule);
    // The document may have changed between the first render and this subscription (the first
    // sync of a reopened briefing): count it as it is now, or "0 words" stays until an edit.
    setCounts(count(editor));
    return () => {
      clearTimeout(timer);
      editor.off("update", schedule);
      editor.off("selectionUpdate", schedule);
    };
  }, [editor]);
  const { document, selection } = counts;
  return (
    <p className="word-count muted" data-testid="word-count">
      {selection ? (
        <span>
          {selection.words.toLocaleString()} of {plural(document.words, "word")} selected ·{" "}
          {plural(selection.characters, "character")}
        </span>
      ) : (
        <span>
          {plural(document.words, "word")} · {plural(document.characters, "character")}
          {document.readingMinutes > 0 ? ` · ${document.readingMinutes} min read` : ""}
        </span>
      )}
    </p>
  );
}
