import { StringValueElement, type Table } from "docx";
import { xmlSafe } from "./blocks";

type WithProperties = { root: { root: unknown[] }[] };

/**
 * Gives a table its caption and description (w:tblCaption, w:tblDescription: the "Alt Text" of a
 * table in Word, read by screen readers). The docx library has no option for them, so they are
 * appended to the table's properties, where the schema puts them (last, after w:tblLook).
 */
export function describeTable(table: Table, caption: string, description: string): Table {
  const properties = (table as unknown as WithProperties).root[0];
  properties?.root.push(
    new StringValueElement("w:tblCaption", xmlSafe(caption).slice(0, 255)),
    new StringValueElement("w:tblDescription", xmlSafe(description).slice(0, 1000)),
  );
  return table;
}
