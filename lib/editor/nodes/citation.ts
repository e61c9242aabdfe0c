import { mergeAttributes, Node } from "@tiptap/core";
import { z } from "zod";

export const CITATION_NODE = "citation";

const text = (max: number) => z.string().max(max);

/** One source of a cited catalog value, as the catalog stores it (title, URL, publisher, accessed). */
export const citationSourceSchema = z.object({
  title: text(500),
  url: text(2000),
  publisher: text(300).nullish(),
  accessed: text(40).nullish(),
});

/** A citation's `sources` attribute (JSON): at least one, at most 20 sources. */
export const citationSourcesSchema = z.array(citationSourceSchema).min(1).max(20);

export type CitationSource = z.infer<typeof citationSourceSchema>;

/** The attributes a citation stores: which catalog value it cites and that value's sources then. */
export type CitationAttrs = {
  /** Framework slug ("nato"). */
  slug: string;
  /** Dimension key of the cited value ("decision_rule"). */
  dimension: string;
  /** What the citation cites, for people: "NATO: Decision rule: Consensus". */
  label: string;
  /** JSON of CitationSource[] at the time of citing. */
  sources: string;
};

/**
 * Parses a citation's stored sources. The document is shared, so any editor's client could have
 * written anything there: a value that does not parse cites nothing (null).
 */
export function parseCitationSources(value: unknown): CitationSource[] | null {
  if (typeof value !== "string" || !value) return null;
  try {
    const parsed = citationSourcesSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const attr = (name: string) => ({
  default: "",
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? "",
  renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: attrs[name] }),
});

/**
 * A citation of a catalog value's sources at a point in the text (an inline atom). Exports number
 * its sources in the same Sources list as framework cards and comparisons, in document order.
 */
export const CitationNode = Node.create({
  name: CITATION_NODE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return { slug: attr("slug"), dimension: attr("dimension"), label: attr("label"), sources: attr("sources") };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="citation"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      "span",
      mergeAttributes(HTMLAttributes, { "data-type": "citation", class: "citation" }),
      `[${node.attrs.label}]`,
    ];
  },

  renderText({ node }) {
    return `[${node.attrs.label}]`;
  },
});
