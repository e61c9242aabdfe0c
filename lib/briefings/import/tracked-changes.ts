import { DOMParser, XMLSerializer } from "@xmldom/xmldom";

// Word tracked changes (redlines) in word/document.xml, rewritten BEFORE mammoth reads the file.
// mammoth applies every change as if accepted (w:ins read, w:del skipped). Here the XML is turned
// into what the chosen mode needs:
// - "suggest": the text of each w:ins / w:del (and moved text) is kept, between marker characters
//   that name the change; lib/briefings/import/suggestion-markers.ts turns them into suggestion marks;
// - "reject": inserted content removed, deleted content kept, old formatting restored;
// - "accept": left to mammoth.

/** How tracked changes in a Word file are imported. */
export type TrackedChangesMode = "suggest" | "accept" | "reject";
export const TRACKED_CHANGES_MODES = ["suggest", "accept", "reject"] as const;

/** One tracked change kept as a suggestion (its number is in the markers). */
export type TrackedChange = { kind: "insert" | "delete"; author: string; date: string | null };

/** What the file held, by kind (for the import's notices). */
export type TrackedCounts = {
  /** Inserted and deleted text, moved text and paragraph breaks: can be suggestions. */
  text: number;
  /** Text inserted and then deleted by someone else: gone whichever way the file is reviewed. */
  insertedThenDeleted: number;
  /** Inserted or deleted table rows. */
  rows: number;
  /** Formatting and property changes. */
  formatting: number;
  /** Of the above, how many could not be kept as suggestions and were applied as accepted. */
  notKept: number;
};

/** Private-use characters around a kept change's text: START n SEP … END. */
export const MARK_START = "\uE000";
export const MARK_SEP = "\uE001";
export const MARK_END = "\uE002";
const MARKERS = /[\uE000-\uE002]/g;
const ZWSP = "\u200B";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const INSERTS = new Set(["w:ins", "w:moveTo"]);
const DELETES = new Set(["w:del", "w:moveFrom"]);
const PROPERTIES = new Set(["w:rPr", "w:pPr", "w:trPr", "w:tcPr"]);
const PROPERTY_CHANGES = new Set([
  "w:rPrChange",
  "w:pPrChange",
  "w:tblPrChange",
  "w:trPrChange",
  "w:tcPrChange",
  "w:sectPrChange",
  "w:tblGridChange",
  "w:numberingChange",
]);

const elements = (parent: Element): Element[] => {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
};
const childNamed = (parent: Element | null | undefined, name: string) =>
  parent ? (elements(parent).find((e) => e.nodeName === name) ?? null) : null;
const all = (root: Element | Document, name: string): Element[] =>
  Array.from(root.getElementsByTagName(name) as unknown as ArrayLike<Element>);

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function remove(el: Element): void {
  el.parentNode?.removeChild(el);
}

/** Deleted text is stored as w:delText (w:delInstrText for fields): readable text again. */
function undelete(el: Element): void {
  for (const [from, to] of [
    ["w:delText", "w:t"],
    ["w:delInstrText", "w:instrText"],
  ] as const) {
    for (const old of all(el, from)) {
      const renamed = old.ownerDocument.createElementNS(W, to);
      for (let i = 0; i < old.attributes.length; i++) {
        const a = old.attributes.item(i);
        if (a) renamed.setAttribute(a.name, a.value);
      }
      while (old.firstChild) renamed.appendChild(old.firstChild);
      old.parentNode?.replaceChild(renamed, old);
    }
  }
}

function markerRun(doc: Document, text: string): Element {
  const r = doc.createElementNS(W, "w:r");
  const t = doc.createElementNS(W, "w:t");
  t.setAttribute("xml:space", "preserve");
  t.appendChild(doc.createTextNode(text));
  r.appendChild(t);
  return r;
}

/** The paragraph-mark change of a w:p (w:pPr/w:rPr/w:ins|w:del), if any. */
function paragraphMarkChange(p: Element): Element | null {
  const rPr = childNamed(childNamed(p, "w:pPr"), "w:rPr");
  return childNamed(rPr, "w:ins") ?? childNamed(rPr, "w:del");
}

/** The element after `el` among its siblings, skipping text (whitespace) nodes. */
function nextElement(el: Element): Element | null {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  return null;
}

/** Puts `run` as the first content of paragraph `p` (after its properties). */
function prepend(p: Element, run: Element): void {
  const pPr = childNamed(p, "w:pPr");
  p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
}

/** "reject": each formatting change puts back the properties it records as the old ones. */
function restoreProperties(change: Element): void {
  const holder = change.parentNode as Element | null;
  const old = childNamed(change, change.nodeName === "w:rPrChange" ? "w:rPr" : "w:pPr");
  if (!holder || !old) {
    remove(change);
    return;
  }
  // A paragraph's own run properties (its mark) and section are not part of w:pPrChange.
  const keep = new Set(holder.nodeName === "w:pPr" ? ["w:rPr", "w:sectPr"] : []);
  for (const el of elements(holder)) if (!keep.has(el.nodeName)) holder.removeChild(el);
  const first = holder.firstChild;
  for (const el of elements(old)) holder.insertBefore(el, first);
}

/**
 * Rewrites word/document.xml for `mode` and counts the tracked changes. For "suggest", returns the
 * changes in marker order; the text between markers is what they inserted or deleted.
 */
export function rewriteTrackedChanges(
  xml: string,
  mode: TrackedChangesMode,
): { xml: string; changes: TrackedChange[]; counts: TrackedCounts } {
  const counts: TrackedCounts = { text: 0, insertedThenDeleted: 0, rows: 0, formatting: 0, notKept: 0 };
  const changes: TrackedChange[] = [];
  // Marker characters typed in the file itself would be read as markers: they are private-use, drop them.
  const doc = new DOMParser({ errorHandler: () => {} }).parseFromString(xml.replace(MARKERS, ""), "text/xml");
  const body = all(doc, "w:body")[0];
  if (!body) return { xml, changes, counts };

  // Text inserted and then deleted (a w:del inside a w:ins): gone after accepting or rejecting both.
  for (const name of DELETES) {
    for (const del of all(body, name)) {
      const inside = (el: Node | null): boolean =>
        !!el && el.nodeType === 1 && (INSERTS.has(el.nodeName) || inside(el.parentNode));
      if (!inside(del.parentNode)) continue;
      counts.text++;
      counts.insertedThenDeleted++;
      remove(del);
    }
  }

  // Properties: formatting changes and table rows.
  for (const name of PROPERTY_CHANGES) {
    for (const change of all(body, name)) {
      counts.formatting++;
      if (mode === "reject") restoreProperties(change);
      else if (mode === "suggest") counts.notKept++;
    }
  }
  for (const trPr of all(body, "w:trPr")) {
    const change = childNamed(trPr, "w:ins") ?? childNamed(trPr, "w:del");
    if (!change) continue;
    counts.rows++;
    if (mode === "suggest") counts.notKept++;
    if (mode !== "reject") continue;
    // mammoth leaves out rows marked deleted: an inserted row is rejected by marking it so.
    if (change.nodeName === "w:ins") trPr.replaceChild(doc.createElementNS(W, "w:del"), change);
    else remove(change);
  }

  // Paragraph marks (a paragraph break inserted or deleted).
  for (const p of all(body, "w:p")) {
    const change = paragraphMarkChange(p);
    if (!change) continue;
    counts.text++;
    const inserted = change.nodeName === "w:ins";
    if (mode === "reject") {
      // mammoth joins a paragraph whose mark is deleted with the next one.
      if (inserted) change.parentNode?.replaceChild(doc.createElementNS(W, "w:del"), change);
      else remove(change);
      continue;
    }
    if (mode === "accept") continue;
    const next = nextElement(p);
    if (next?.nodeName !== "w:p") {
      // Before a table or at the end of a cell: no paragraph to carry the other half; as accepted.
      counts.notKept++;
      continue;
    }
    // As the editor records a suggested paragraph break: a marked zero-width space at the end of
    // this paragraph and at the start of the next, one suggestion (accepting/rejecting joins them).
    const n = changes.length;
    changes.push({
      kind: inserted ? "insert" : "delete",
      author: change.getAttribute("w:author") || "Unknown",
      date: change.getAttribute("w:date") || null,
    });
    const anchor = `${MARK_START}${n}${MARK_SEP}${ZWSP}${MARK_END}`;
    p.appendChild(markerRun(doc, anchor));
    prepend(next, markerRun(doc, anchor));
    remove(change);
  }

  // Inserted, deleted and moved text.
  for (const name of [...INSERTS, ...DELETES]) {
    for (const el of all(body, name)) {
      // A paragraph mark's, a run's or a table row's change, not text.
      if (PROPERTIES.has(el.parentNode?.nodeName ?? "")) continue;
      counts.text++;
      const inserted = INSERTS.has(name);
      if (mode === "accept") continue;
      if (mode === "reject") {
        if (inserted) remove(el);
        else {
          undelete(el);
          unwrap(el);
        }
        continue;
      }
      const n = changes.length;
      changes.push({
        kind: inserted ? "insert" : "delete",
        author: el.getAttribute("w:author") || "Unknown",
        date: el.getAttribute("w:date") || null,
      });
      undelete(el);
      el.insertBefore(markerRun(doc, `${MARK_START}${n}${MARK_SEP}`), el.firstChild);
      el.appendChild(markerRun(doc, MARK_END));
      unwrap(el);
    }
  }
  return { xml: new XMLSerializer().serializeToString(doc), changes, counts };
}
