"use client";

import { useEffect, useRef } from "react";
import { Modal } from "@/components/ui/modal";

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";
const ALT = MOD === "⌘" ? "⌥" : "Alt";

type Shortcut = { keys: string[]; what: string };

const GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: "Text",
    shortcuts: [
      { keys: [MOD, "B"], what: "Bold" },
      { keys: [MOD, "I"], what: "Italic" },
      { keys: [MOD, "U"], what: "Underline" },
      { keys: [MOD, "Shift", "S"], what: "Strikethrough" },
      { keys: [MOD, "K"], what: "Add or change a link" },
    ],
  },
  {
    title: "Blocks",
    shortcuts: [
      { keys: [MOD, ALT, "0"], what: "Paragraph" },
      { keys: [MOD, ALT, "1–4"], what: "Heading level 1 to 4" },
      { keys: [MOD, "Shift", "8"], what: "Bulleted list" },
      { keys: [MOD, "Shift", "7"], what: "Numbered list" },
      { keys: [MOD, "Shift", "B"], what: "Quote" },
      { keys: ["/"], what: "Insert menu (on an empty line)" },
      { keys: [MOD, ALT, "I"], what: "Insert menu" },
      { keys: [ALT, "Shift", "↑"], what: "Move the block (or list item) up" },
      { keys: [ALT, "Shift", "↓"], what: "Move the block (or list item) down" },
    ],
  },
  {
    title: "Footnotes",
    shortcuts: [
      { keys: [MOD, ALT, "F"], what: "Insert a footnote at the caret and type it" },
      { keys: ["Enter"], what: "Edit the selected footnote" },
      { keys: ["Esc"], what: "Back to the text (in a footnote)" },
    ],
  },
  {
    title: "Editing",
    shortcuts: [
      { keys: [MOD, "Z"], what: "Undo" },
      { keys: [MOD, "Shift", "Z"], what: "Redo" },
      { keys: [MOD, "F"], what: "Find in the briefing" },
      { keys: [MOD, "H"], what: "Find and replace" },
      { keys: ["Enter"], what: "Next match (in the find bar)" },
      { keys: ["Shift", "Enter"], what: "Previous match (in the find bar)" },
    ],
  },
  {
    title: "Comments",
    shortcuts: [
      { keys: [MOD, ALT, "M"], what: "Comment on the selection (text or a selected card)" },
      { keys: [MOD, "Enter"], what: "Send the comment (in a comment box)" },
      { keys: ["Esc"], what: "Close the suggestions, then cancel the comment" },
    ],
  },
  {
    title: "Help",
    shortcuts: [
      { keys: ["?"], what: "This list (outside the text)" },
      { keys: [MOD, "/"], what: "This list (anywhere in the editor)" },
    ],
  },
];

/** The keyboard shortcut sheet (`?` or Ctrl+/). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcut-sheet" data-testid="shortcut-sheet">
        {GROUPS.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={s.what} className="shortcut-sheet__row">
                  <dt>
                    {s.keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 ? "+" : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}

/** Whether a key press lands in something that takes text (where "?" must type a question mark). */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** Opens the sheet on "?" pressed outside text fields and the document text. */
export function useShortcutSheetKey(open: () => void): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || typesText(e.target)) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
