"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, ReactNodeViewRenderer, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import { editorExtensions } from "@/lib/editor/extensions";
import { COMPARISON_NODE, ComparisonNode } from "@/lib/editor/nodes/comparison";
import { FRAMEWORK_CARD_NODE, FrameworkCardNode } from "@/lib/editor/nodes/framework-card";
import { comparisonViewFor } from "../comparison-view";
import { FrameworkCardView } from "../framework-card-view";

/** The shared schema with the cards' and comparisons' views, not collaborative (a fixed document). */
function previewExtensions(briefingId: string) {
  return editorExtensions({ collaborative: false }).map((extension) => {
    if (extension.name === FRAMEWORK_CARD_NODE) {
      return FrameworkCardNode.extend({ addNodeView: () => ReactNodeViewRenderer(FrameworkCardView) });
    }
    if (extension.name === COMPARISON_NODE) {
      return ComparisonNode.extend({ addNodeView: () => ReactNodeViewRenderer(comparisonViewFor(briefingId)) });
    }
    return extension;
  });
}

export type VersionPreviewProps = { briefingId: string; content: JSONContent; label: string };

/** A version's document, read-only, rendered by the same schema and card views as the editor. */
export function VersionPreview({ briefingId, content, label }: VersionPreviewProps) {
  const editor = useEditor(
    {
      extensions: previewExtensions(briefingId),
      content,
      editable: false,
      immediatelyRender: false,
      editorProps: { attributes: { class: "prose", "aria-label": `${label} (read-only)`, role: "document" } },
    },
    [briefingId],
  );
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setContent(content, { emitUpdate: false });
  }, [editor, content]);
  return (
    <div className="history-preview" data-testid="version-preview">
      <EditorContent editor={editor} />
    </div>
  );
}
