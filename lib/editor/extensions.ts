import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import { Guidance } from "./guidance";
import { CitationNode } from "./nodes/citation";
import { ComparisonNode } from "./nodes/comparison";
import { FootnoteNode } from "./nodes/footnote";
import { FrameworkCardNode } from "./nodes/framework-card";
import { MentionNode } from "./nodes/mention";
import { CalloutNode, TableOfContentsNode } from "./nodes/structure-blocks";
import { PortionMarks } from "./portion-marks";
import { DeletionMark, InsertionMark, ModificationMark } from "./suggestions/marks";

export type EditorExtensionOptions = {
  /**
   * True when the document is a Yjs document edited through the Collaboration extension: history
   * then comes from Yjs (its undo manager), so ProseMirror's own undo/redo must be off.
   */
  collaborative?: boolean;
};

/**
 * The one Tiptap extension list of a briefing, shared by the browser editor, the collaboration
 * server (schema, derived content) and export. Browser-only pieces (Collaboration, carets, node
 * views, placeholders) are added on top of it by the editor; they must not change the schema.
 *
 * Code and code blocks are left out on purpose: briefings do not need them, and adding a node type
 * later is safe while removing one would delete content from existing documents.
 */
export function editorExtensions(options: EditorExtensionOptions = {}): AnyExtension[] {
  const collaborative = options.collaborative ?? true;
  return [
    StarterKit.configure({
      undoRedo: collaborative ? false : {},
      code: false,
      codeBlock: false,
      heading: { levels: [1, 2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: "https" },
    }),
    TableKit.configure({ table: { resizable: true } }),
    FrameworkCardNode,
    ComparisonNode,
    MentionNode,
    FootnoteNode,
    CitationNode,
    TableOfContentsNode,
    CalloutNode,
    Guidance,
    // Suggestion (track changes) marks: lib/editor/suggestions/.
    InsertionMark,
    DeletionMark,
    ModificationMark,
    PortionMarks,
  ];
}
