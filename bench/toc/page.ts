// Bundled by bench/toc.ts and run in Chromium: the shared extension list with the browser's
// heading anchors and table-of-contents view, on a generated briefing of PAGES pages.
import { Editor, type JSONContent } from "@tiptap/core";
import { FootnoteWithView } from "@/components/editor/footnote-view";
import { HeadingAnchors } from "@/components/editor/heading-anchors";
import { TableOfContentsWithView } from "@/components/editor/toc-view";
import { editorExtensions } from "@/lib/editor/extensions";
import { FOOTNOTE_NODE } from "@/lib/editor/nodes/footnote";
import { TABLE_OF_CONTENTS_NODE } from "@/lib/editor/nodes/structure-blocks";
import { outlineOf } from "@/lib/editor/outline";

const WORDS =
  "the alliance agreed that forward presence in the baltic states would deter aggression and reassure allies".split(
    " ",
  );

function paragraph(seed: number, words: number): JSONContent {
  const text = Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i) % WORDS.length]).join(" ");
  return { type: "paragraph", content: [{ type: "text", text: `${text}.` }] };
}

/** About 500 words a page: a section heading, a subheading and eight paragraphs. */
function briefing(pages: number): JSONContent {
  const content: JSONContent[] = [{ type: TABLE_OF_CONTENTS_NODE }];
  for (let p = 0; p < pages; p++) {
    content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: `Section ${p + 1}` }] });
    for (let i = 0; i < 4; i++) content.push(paragraph(p * 10 + i, 62));
    content.push({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: `Detail ${p + 1}` }] });
    for (let i = 4; i < 8; i++) content.push(paragraph(p * 10 + i, 62));
  }
  return { type: "doc", content };
}

const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

type Result = {
  pages: number;
  headings: number;
  words: number;
  outline: number[];
  update: number[];
  painted: number[];
};

async function run(pages: number, keystrokes: number): Promise<Result> {
  const element = document.getElementById("editor")!;
  const extensions = [
    ...editorExtensions({ collaborative: false }).map((e) =>
      e.name === TABLE_OF_CONTENTS_NODE ? TableOfContentsWithView : e.name === FOOTNOTE_NODE ? FootnoteWithView : e,
    ),
    HeadingAnchors,
  ];
  const editor = new Editor({ element, extensions, content: briefing(pages) });
  await afterPaint();
  const toc = element.querySelector(".toc-block__list")!;
  // The caret at the end of a heading in the middle of the briefing; each keystroke renames it.
  let headingPos = -1;
  editor.state.doc.descendants((node, pos) => {
    if (headingPos < 0 && node.type.name === "heading" && node.textContent === `Section ${Math.ceil(pages / 2)}`)
      headingPos = pos;
    return headingPos < 0;
  });
  const outline: number[] = [];
  const update: number[] = [];
  const painted: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const heading = editor.state.doc.nodeAt(headingPos)!;
    const end = headingPos + heading.nodeSize - 1;
    const start = performance.now();
    editor.view.dispatch(editor.state.tr.insertText(String.fromCharCode(97 + (k % 26)), end));
    const expected = editor.state.doc.nodeAt(headingPos)!.textContent;
    const updated = [...toc.querySelectorAll("a")].some((a) => a.textContent === expected);
    if (!updated) throw new Error(`the table of contents did not show "${expected}" after the keystroke`);
    update.push(performance.now() - start);
    painted.push((await afterPaint()) - start);
    // The outline walk alone (part of update_ms), for comparison.
    const walk = performance.now();
    outlineOf(editor.state.doc);
    outline.push(performance.now() - walk);
  }
  const words = editor.state.doc.textContent.split(/\s+/).length;
  const headings = toc.querySelectorAll("a").length;
  editor.destroy();
  return { pages, headings, words, outline, update, painted };
}

(window as unknown as { runTocBench: typeof run }).runTocBench = run;
