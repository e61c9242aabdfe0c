"use client";

import { type AnyExtension, Extension } from "@tiptap/core";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { editorExtensions } from "@/lib/editor/extensions";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { MENTION_NODE } from "@/lib/editor/mention-text";
import { MoveBlock } from "@/lib/editor/move-block";
import { COMPARISON_NODE, ComparisonNode } from "@/lib/editor/nodes/comparison";
import { FOOTNOTE_NODE } from "@/lib/editor/nodes/footnote";
import { FRAMEWORK_CARD_NODE, FrameworkCardNode } from "@/lib/editor/nodes/framework-card";
import { MentionNode } from "@/lib/editor/nodes/mention";
import { TABLE_OF_CONTENTS_NODE } from "@/lib/editor/nodes/structure-blocks";
import { BriefingCollaboration } from "./collaboration";
import { comparisonViewFor } from "./comparison-view";
import { FindReplace } from "./find-replace";
import { FootnoteWithView } from "./footnote-view";
import { FrameworkCardView } from "./framework-card-view";
import { GuidancePlaceholder } from "./guidance-placeholder";
import { HeadingAnchors } from "./heading-anchors";
import { type MentionOutsiderHandler, mentionSuggestion } from "./mention-suggestion";
import { TableOfContentsWithView } from "./toc-view";
import type { CollabSession } from "./use-collaboration";

/** Who the carets and the presence list show (stored in the awareness state as `user`). */
export type CollabUser = { id: string; name: string; color: string };

/** What the editor's own shortcuts open (React state lives outside the editor). */
export type ShortcutHandlers = {
  link: () => void;
  insert: () => void;
  find: () => void;
  replace: () => void;
  shortcuts: () => void;
  /** Someone without access to the briefing was just @mentioned. */
  mentionOutsider: MentionOutsiderHandler;
};

/** A collaborator's caret: a coloured bar with the name above it (styles in briefings.css). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" ? user.color : "#5b6470";
  const caret = document.createElement("span");
  caret.className = "collab-caret";
  caret.style.borderColor = color;
  caret.setAttribute("data-testid", "collab-caret");
  const label = document.createElement("span");
  label.className = "collab-caret__label";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "Someone";
  caret.append(label);
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  const color = typeof user.color === "string" ? user.color : "#5b6470";
  // 33 = 20% alpha in #rrggbbaa: a tint that keeps the text readable.
  return { nodeName: "span", class: "collab-selection", style: `background-color: ${color}33` };
}

const Shortcuts = Extension.create<{ handlers: { current: ShortcutHandlers } }>({
  name: "briefingShortcuts",
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.handlers.current.link();
        return true;
      },
      "Mod-Alt-i": () => {
        this.options.handlers.current.insert();
        return true;
      },
      "Mod-f": () => {
        this.options.handlers.current.find();
        return true;
      },
      "Mod-h": () => {
        this.options.handlers.current.replace();
        return true;
      },
      "Mod-/": () => {
        this.options.handlers.current.shortcuts();
        return true;
      },
      // Slash command: "/" on an empty line opens the insert menu instead of typing a slash.
      "/": ({ editor }) => {
        const { empty, $from } = editor.state.selection;
        if (!empty || !editor.isEditable || $from.parent.type.name !== "paragraph" || $from.parent.content.size > 0) {
          return false;
        }
        this.options.handlers.current.insert();
        return true;
      },
    };
  },
});

/**
 * The browser's extension list: the ONE shared list (lib/editor) with React node views on the
 * embed nodes (same names and attributes, so the schema is unchanged), plus Collaboration on the
 * briefing's Yjs fragment (its undo manager gives undo/redo; see ./collaboration) and collaborators' carets.
 */
export function browserExtensions(
  session: CollabSession,
  user: CollabUser,
  handlers: { current: ShortcutHandlers },
): AnyExtension[] {
  const shared = editorExtensions({ collaborative: true }).map((extension) => {
    if (extension.name === FRAMEWORK_CARD_NODE) {
      return FrameworkCardNode.extend({ addNodeView: () => ReactNodeViewRenderer(FrameworkCardView) });
    }
    if (extension.name === COMPARISON_NODE) {
      return ComparisonNode.extend({ addNodeView: () => ReactNodeViewRenderer(comparisonViewFor(session.briefingId)) });
    }
    if (extension.name === FOOTNOTE_NODE) return FootnoteWithView;
    if (extension.name === TABLE_OF_CONTENTS_NODE) return TableOfContentsWithView;
    if (extension.name === MENTION_NODE) {
      const suggestion = mentionSuggestion(session.briefingId, (person) => handlers.current.mentionOutsider(person));
      return MentionNode.configure({ suggestion });
    }
    return extension;
  });
  return [
    ...shared,
    BriefingCollaboration.configure({ document: session.doc, field: BRIEFING_FRAGMENT }),
    CollaborationCaret.configure({
      provider: session.provider,
      user,
      render: renderCaret,
      selectionRender: renderSelection,
    }),
    Shortcuts.configure({ handlers }),
    FindReplace,
    HeadingAnchors,
    MoveBlock,
    GuidancePlaceholder,
  ];
}
