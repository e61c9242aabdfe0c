import type { ReactNode } from "react";
import type { InlinePart } from "@/lib/versions/diff";
import { CELL_LINE_SEPARATOR, CELL_SEPARATOR, LINE_SEPARATOR } from "@/lib/versions/diff-text";

const MARK_ELEMENTS: Record<string, (children: ReactNode) => ReactNode> = {
  bold: (children) => <strong>{children}</strong>,
  italic: (children) => <em>{children}</em>,
  underline: (children) => <u>{children}</u>,
  strike: (children) => <s>{children}</s>,
  // Links are shown, not followed: a diff is for reading what changed.
  link: (children) => <span className="diff-link">{children}</span>,
};

function withMarks(text: string, marks: string[] | undefined): ReactNode {
  let node: ReactNode = text;
  for (const mark of marks ?? []) node = MARK_ELEMENTS[mark]?.(node) ?? node;
  return node;
}

function describeMarks(marks: string[]): string {
  return marks.length ? marks.join(", ") : "plain";
}

/** One piece of text: kept, inserted (<ins>, underlined) or deleted (<del>, struck), with its marks. */
function Part({ part }: { part: InlinePart }) {
  const text = part.text.replaceAll(CELL_LINE_SEPARATOR, "\n");
  if (part.kind === "insert") {
    return (
      <ins className="diff-ins">
        <span className="visually-hidden">inserted: </span>
        {withMarks(text, part.marks)}
      </ins>
    );
  }
  if (part.kind === "delete") {
    return (
      <del className="diff-del">
        <span className="visually-hidden">deleted: </span>
        {withMarks(text, part.marks)}
      </del>
    );
  }
  if (part.fromMarks) {
    const was = `formatting changed: was ${describeMarks(part.fromMarks)}, now ${describeMarks(part.marks ?? [])}`;
    return (
      <span className="diff-format" title={was}>
        {withMarks(text, part.marks)}
        <span className="visually-hidden"> ({was})</span>
      </span>
    );
  }
  return withMarks(text, part.marks);
}

/** A run of parts as inline content. */
export function Parts({ parts }: { parts: InlinePart[] }) {
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered.
    <Part key={i} part={part} />
  ));
}

/**
 * Splits parts at a separator (list items and table rows at "\n", cells at "\t") into lines of
 * parts. A separator inside an inserted or deleted part starts a new line that keeps its kind.
 */
export function splitParts(parts: InlinePart[], separator: string): InlinePart[][] {
  const lines: InlinePart[][] = [[]];
  for (const part of parts) {
    part.text.split(separator).forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece) lines[lines.length - 1]!.push({ ...part, text: piece });
    });
  }
  return lines;
}

/** A list's parts as list items (one per "\n"-separated line). */
export function ListParts({ parts, ordered }: { parts: InlinePart[]; ordered: boolean }) {
  const items = splitParts(parts, LINE_SEPARATOR).map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: items are positional.
    <li key={i}>
      <Parts parts={line} />
    </li>
  ));
  return ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

/** A table's parts as a grid: rows at "\n", cells at "\t". */
export function TableParts({ parts }: { parts: InlinePart[] }) {
  return (
    <div className="table-wrap">
      <table className="table doc-table diff-table">
        <tbody>
          {splitParts(parts, LINE_SEPARATOR).map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
            <tr key={r}>
              {splitParts(row, CELL_SEPARATOR).map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <td key={c}>
                  <Parts parts={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
