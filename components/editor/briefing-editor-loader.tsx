"use client";

import dynamic from "next/dynamic";
import type { BriefingEditorProps } from "./briefing-editor";
import { EditorSkeleton } from "./editor-skeleton";

// Browser only: Yjs, y-indexeddb and the editor never run on the server (a server copy of Yjs
// would be a second instance next to the collaboration server's).
const BriefingEditor = dynamic(() => import("./briefing-editor"), { ssr: false, loading: () => <EditorSkeleton /> });

/** Client wrapper that loads the collaborative editor in the browser only. */
export function BriefingEditorLoader(props: BriefingEditorProps) {
  return <BriefingEditor {...props} />;
}
