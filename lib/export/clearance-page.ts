import type { Block, ExportClearance, Inline } from "./types";

// No database in here: the export worker threads render with it.

type TextInline = Extract<Inline, { type: "text" }>;

const text = (value: string, marks: TextInline["marks"] = {}): TextInline => ({ type: "text", text: value, marks });

const lines = (body: string): Inline[] =>
  body.split("\n").flatMap((line, i): Inline[] => (i ? [{ type: "break" }, text(line)] : [text(line)]));

const fact = (label: string, value: string): Block => ({
  type: "paragraph",
  inlines: [text(`${label}: `, { bold: true }), text(value)],
});

/**
 * The "Clearance" page as ordinary export blocks (so every format prints it without a renderer of
 * its own): the version and final state, then each clearer with answer, who and when, comments,
 * and the lead's outcome and dissent.
 */
export function clearancePage(clearance: ExportClearance): Block[] {
  const blocks: Block[] = [
    { type: "heading", level: 1, inlines: [text("Clearance")] },
    fact("Version", clearance.version),
    fact("State", clearance.state),
    fact("Requested", `${clearance.requestedAt} by ${clearance.requestedBy}; ${clearance.mode}, due ${clearance.due}`),
    {
      type: "list",
      ordered: true,
      start: 1,
      items: clearance.clearers.map((c) => {
        const head: Inline[] = [text(c.name, { bold: true }), text(`: ${c.answer}`)];
        if (c.at) head.push(text(`, ${c.by ? `${c.by}, ` : ""}${c.at}`));
        const item: Block[] = [{ type: "paragraph", inlines: head }];
        if (c.comment) item.push({ type: "blockquote", blocks: [{ type: "paragraph", inlines: lines(c.comment) }] });
        return item;
      }),
    },
  ];
  if (clearance.outcome) blocks.push(fact("Outcome", clearance.outcome));
  if (clearance.dissent) blocks.push(fact("Dissent recorded", clearance.dissent));
  return blocks;
}

/** The document with its Clearance page after the text (unchanged without a clearance). */
export function withClearancePage<D extends { blocks: Block[]; clearance?: ExportClearance }>(doc: D): D {
  return doc.clearance ? { ...doc, blocks: [...doc.blocks, ...clearancePage(doc.clearance)] } : doc;
}
