import { Mention } from "@tiptap/extension-mention";
import { mentionText } from "../mention-text";

/**
 * An @mention of a person in the document text: Tiptap's Mention node (attrs `id` = user id,
 * `label` = their name at the time). The suggestion popup is added by the browser editor
 * (components/editor/mention-suggestion.ts); the server and exports only need the node.
 */
export const MentionNode = Mention.configure({
  HTMLAttributes: { class: "mention" },
  renderText: ({ node }) => mentionText(node.attrs),
  renderHTML: ({ options, node }) => ["span", options.HTMLAttributes, mentionText(node.attrs)],
});
