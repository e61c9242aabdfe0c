import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/lib/db";
import { prosemirrorJsonToText } from "./doc/content";
import { toBytes } from "./doc/update-log";
import { prosemirrorJsonToYUpdate } from "./doc/ydoc";
import { type BriefingTemplateId, getBriefingTemplate } from "./templates";

export type CreateBriefingInput = {
  title: string;
  ownerId: string;
  teamId?: string | null;
  template: BriefingTemplateId;
  /** Initial content instead of the template's (e.g. imported Markdown); must fit the editor schema. */
  content?: JSONContent;
};

/** A client or an interactive-transaction client: createBriefing can join a caller's transaction. */
export type BriefingWriter = Pick<Db, "briefing">;

/**
 * Creates a briefing with its template (or given content) already in the Yjs state (and, in a team, the team's editor
 * grant). The template is written exactly
 * once, in the same statement that creates the row, so no client ever seeds content on first open
 * (several clients doing so at once would duplicate it). No authorization here: callers (server
 * actions) authenticate, validate and authorize first.
 */
export async function createBriefing(db: BriefingWriter, input: CreateBriefingInput): Promise<{ id: string }> {
  const content = input.content ?? getBriefingTemplate(input.template).content;
  const yState = toBytes(prosemirrorJsonToYUpdate(content));
  return db.briefing.create({
    data: {
      title: input.title,
      ownerId: input.ownerId,
      teamId: input.teamId ?? null,
      yState,
      yStateThrough: 0,
      yStateVersion: 0,
      contentJson: JSON.stringify(content),
      contentText: prosemirrorJsonToText(content),
      contentUpdatedAt: new Date(),
      // A team briefing is co-authored by the team: its members get editor access.
      grants: input.teamId ? { create: { teamId: input.teamId, role: "editor" } } : undefined,
    },
    select: { id: true },
  });
}
