import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { editorExtensions } from "./extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of a briefing (the same one the browser editor builds). */
export function editorSchema(): Schema {
  cached ??= getSchema(editorExtensions({ collaborative: true }));
  return cached;
}
