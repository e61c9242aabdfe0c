/**
 * The tagged-PDF side of the writer: a structure tree (Document > H1, P, L > LI > Lbl/LBody,
 * Table > TR > TH/TD, Link...) built in reading order while the pages are drawn, with PDFKit's
 * marked-content API. Drawing that is not content (boxes, rules, running headers and footers) is
 * marked as an artifact so screen readers skip it.
 *
 * One rule keeps the content streams balanced: a page is only ever added (newPage) outside
 * `content`. Inside it PDFKit itself may continue text onto a new page, and carries the marking
 * over (continueOnNewPage).
 */

type Element = PDFKit.PDFStructureElement;
type ElementOptions = { title?: string; lang?: string; alt?: string; actual?: string };
type Internal = { dictionary: { data: Record<string, unknown> } };

/** Table attributes of a TH or TD (PDF 32000 14.8.5.7). */
export type CellAttributes = { scope?: "Row" | "Column" | "Both"; colSpan?: number };

export class PdfStructure {
  private readonly stack: Element[];

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const root = doc.struct("Document");
    doc.addStructure(root);
    this.stack = [root];
  }

  private get current(): Element {
    return this.stack[this.stack.length - 1]!;
  }

  /** A new element under the current one, not yet entered (see `within`). */
  open(type: string, options: ElementOptions = {}): Element {
    const element = this.doc.struct(type, options);
    this.current.add(element);
    return element;
  }

  /** Runs `draw` with `element` as the parent of what it tags; `end` closes the element after. */
  within(element: Element, draw: () => void, end = true): void {
    this.stack.push(element);
    try {
      draw();
    } finally {
      this.stack.pop();
      if (end) element.end();
    }
  }

  /** An element holding whatever `draw` tags (Sect, L, LI, LBody, Table, TR...). */
  group(type: string, draw: () => void, options: ElementOptions = {}): void {
    this.within(this.open(type, options), draw);
  }

  /** Content drawn by `draw`, as part of the current element. `draw` must not add pages. */
  content(draw: () => void): void {
    this.current.add(() => {
      draw();
    });
  }

  /** An element whose content is what `draw` draws (H1, P, Lbl, TD...). */
  leaf(type: string, draw: () => void, options: ElementOptions = {}): void {
    this.group(type, () => this.content(draw), options);
  }

  /** A table cell (TH/TD) with its scope and column span; `draw` tags its content (see `content`). */
  cell(type: "TH" | "TD", attributes: CellAttributes, draw: () => void): void {
    const element = this.open(type);
    const table: Record<string, unknown> = { O: "Table" };
    if (attributes.scope) table.Scope = attributes.scope;
    if (attributes.colSpan && attributes.colSpan > 1) table.ColSpan = attributes.colSpan;
    if (Object.keys(table).length > 1) (element as unknown as Internal).dictionary.data.A = table;
    this.within(element, draw);
  }

  /** Drawing that is not content: backgrounds, borders, rules, repeated headers, page furniture. */
  artifact(draw: () => void, type?: "Pagination" | "Layout"): void {
    this.doc.markContent("Artifact", type ? { type } : undefined);
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
    }
  }
}
