"use client";

import type { MentionNodeAttrs } from "@tiptap/extension-mention";
import { ReactRenderer } from "@tiptap/react";
import type { SuggestionOptions, SuggestionProps } from "@tiptap/suggestion";
import type { MentionLookup } from "@/lib/mentions/queries";
import { type MentionItem, MentionList, type MentionListHandle, type MentionListProps } from "./mention-list";

/** What the editor does after someone without access was mentioned (offer to share, or warn). */
export type MentionOutsiderHandler = (person: MentionItem) => void;

async function lookup(briefingId: string, query: string): Promise<MentionItem[]> {
  const response = await fetch(
    `/api/briefings/${encodeURIComponent(briefingId)}/mentions?q=${encodeURIComponent(query)}`,
    {
      cache: "no-store",
    },
  );
  const body = (await response.json().catch(() => null)) as (MentionLookup & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body.people.map((person) => ({ ...person, canShare: body.canShare }));
}

/**
 * The @ suggestion of the browser editor: people who can read the briefing (and team-mates who
 * cannot) from GET /api/briefings/:id/mentions, in a popup anchored at the caret. Picking someone
 * inserts a mention node; picking someone without access also calls `onOutsider`.
 */
export function mentionSuggestion(
  briefingId: string,
  onOutsider: MentionOutsiderHandler,
): Omit<SuggestionOptions<MentionItem, MentionNodeAttrs>, "editor"> {
  let lastError: string | null = null;
  return {
    char: "@",
    items: async ({ query }) => {
      try {
        lastError = null;
        return await lookup(briefingId, query);
      } catch (error) {
        lastError = error instanceof Error ? error.message : "Could not search for people.";
        return [];
      }
    },
    // The popup always picks a whole MentionItem; the Mention extension types it by its attributes.
    command: ({ editor, range, props }) => {
      const person = props as MentionItem;
      editor
        .chain()
        .focus()
        .insertContentAt(range, [
          { type: "mention", attrs: { id: person.id, label: person.name, mentionSuggestionChar: "@" } },
          { type: "text", text: " " },
        ])
        .run();
      if (!person.canRead) onOutsider(person);
    },
    render: () => {
      let renderer: ReactRenderer<MentionListHandle, MentionListProps> | null = null;
      let unmount: (() => void) | null = null;
      const propsOf = (props: SuggestionProps<MentionItem, MentionNodeAttrs>): MentionListProps => ({
        items: props.items,
        loading: props.loading,
        query: props.query,
        error: lastError,
        command: props.command,
      });
      return {
        onStart: (props) => {
          renderer = new ReactRenderer(MentionList, { props: propsOf(props), editor: props.editor });
          unmount = props.mount(renderer.element);
        },
        onUpdate: (props) => renderer?.updateProps(propsOf(props)),
        onKeyDown: ({ event }) => (event.key === "Escape" ? false : (renderer?.ref?.onKeyDown(event) ?? false)),
        onExit: () => {
          unmount?.();
          renderer?.destroy();
          renderer = null;
        },
      };
    },
  };
}
