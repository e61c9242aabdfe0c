// Typed values without the schema library: the browser's comparison page decodes stored values
// and should not load zod to do it (lib/catalog/schema.ts re-exports these).

export type TypedValue = boolean | number | string;

/** The inverse of encodeValue (lib/catalog/schema): stored text back to the typed value. */
export function decodeValue(valueType: string, text: string): TypedValue {
  if (valueType === "boolean") return text === "true";
  if (valueType === "number") return Number(text);
  return text;
}
