import type { JSONContent } from "@tiptap/core";
import { GUIDANCE_ATTRIBUTE } from "@/lib/editor/guidance";

export const BRIEFING_TEMPLATE_IDS = ["blank", "policy-brief", "comparison-memo"] as const;
export type BriefingTemplateId = (typeof BRIEFING_TEMPLATE_IDS)[number];

export type BriefingTemplate = {
  id: BriefingTemplateId;
  label: string;
  description: string;
  /** The initial document as ProseMirror JSON (valid against lib/editor's schema). */
  content: JSONContent;
};

function heading(text: string, level = 2): JSONContent {
  return { type: "heading", attrs: { level }, content: [{ type: "text", text }] };
}

/** An empty paragraph whose guidance the editor shows as a placeholder until the author types. */
function hint(text: string): JSONContent {
  return { type: "paragraph", attrs: { [GUIDANCE_ATTRIBUTE]: text } };
}

function section(title: string, guidance: string): JSONContent[] {
  return [heading(title), hint(guidance)];
}

function bulletList(items: string[]): JSONContent {
  return {
    type: "bulletList",
    content: items.map((text) => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    })),
  };
}

// An empty document still holds one paragraph: an empty Yjs fragment would make every editor that
// opens it create its own first paragraph, and those would all be merged into the document.
const blank: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

const policyBrief: JSONContent = {
  type: "doc",
  content: [
    ...section("Summary", "State the issue and your recommendation in two or three sentences."),
    ...section("Background", "What happened, who is involved, and why it matters now."),
    ...section("Analysis", "Weigh the evidence; cite the frameworks and sources that bear on the issue."),
    ...section("Options", "Set out two to four realistic courses of action with their costs and risks."),
    ...section("Recommendation", "Name the preferred option, the decision needed, and by when."),
  ],
};

const comparisonMemo: JSONContent = {
  type: "doc",
  content: [
    ...section("Purpose", "Which decision does this comparison inform, and for whom?"),
    ...section("Frameworks compared", "Insert a framework card for each framework under consideration."),
    ...section("Comparison", "Embed a saved comparison of the frameworks above."),
    heading("Key differences"),
    bulletList(["Membership and geographic scope", "Commitments and decision rules", "Institutional capacity"]),
    ...section("Implications", "What the differences mean for our interests and options."),
    ...section("Recommendation", "Which framework to prioritise, and the next step."),
  ],
};

/** The templates a new briefing can start from, in display order. */
export const BRIEFING_TEMPLATES: readonly BriefingTemplate[] = [
  { id: "blank", label: "Blank", description: "An empty briefing.", content: blank },
  {
    id: "policy-brief",
    label: "Policy brief",
    description: "Summary, Background, Analysis, Options and Recommendation.",
    content: policyBrief,
  },
  {
    id: "comparison-memo",
    label: "Framework comparison memo",
    description: "Frameworks side by side, their key differences and a recommendation.",
    content: comparisonMemo,
  },
];

/** The template with this id; throws for an unknown id (callers validate input with zod first). */
export function getBriefingTemplate(id: BriefingTemplateId): BriefingTemplate {
  const template = BRIEFING_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`Unknown briefing template: ${id}`);
  return template;
}
