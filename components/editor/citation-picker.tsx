"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { Modal } from "@/components/ui/modal";
import type { AttributeView, FrameworkDetail, FrameworkSummary } from "@/lib/catalog/types";
import { CITATION_NODE, type CitationAttrs, citationSourcesSchema } from "@/lib/editor/nodes/citation";
import { fetchFramework } from "./api";
import { useFrameworkSearch } from "./use-framework-search";

export type CitationPickerProps = { editor: Editor; onClose: () => void };

/** The citation of one catalog value: what it cites, and that value's sources as of now. */
export function citationAttrs(framework: FrameworkDetail, value: AttributeView): CitationAttrs {
  const sources = citationSourcesSchema.parse(
    value.sources.slice(0, 20).map(({ title, url, publisher, accessed }) => ({ title, url, publisher, accessed })),
  );
  const who = framework.acronym || framework.name;
  return {
    slug: framework.slug,
    dimension: value.key,
    label: `${who}: ${value.label}: ${value.display}`.slice(0, 300),
    sources: JSON.stringify(sources),
  };
}

/**
 * Cite a catalog value's sources at the caret: search a framework, choose one of its values that
 * has sources. Exports number the sources with the rest of the briefing's Sources.
 */
export function CitationPicker({ editor, onClose }: CitationPickerProps) {
  const [q, setQ] = useState("");
  const [framework, setFramework] = useState<FrameworkDetail | null>(null);
  const { results, error, setError } = useFrameworkSearch(q);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);

  const choose = async (f: FrameworkSummary) => {
    try {
      setFramework(await fetchFramework(f.slug));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not read the catalog.");
    }
  };

  const cite = (value: AttributeView, button: HTMLElement) => {
    if (!framework) return;
    // Close the modal dialog first: while it is open the editor is inert and cannot take focus,
    // and closing it later (when React unmounts it) hands focus back without a caret for a
    // moment, so a key typed right after choosing was lost.
    button.closest("dialog")?.close();
    editor.view.focus();
    editor
      .chain()
      .insertContent({ type: CITATION_NODE, attrs: citationAttrs(framework, value) })
      .run();
    onClose();
  };

  const values = framework?.groups.flatMap((g) => g.attributes).filter((a) => a.sources.length > 0) ?? [];
  return (
    <Modal title="Cite a catalog source" onClose={onClose}>
      <div className="picker">
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        {framework ? (
          <>
            <p>
              Values of <strong>{framework.name}</strong> with sources:{" "}
              <button type="button" className="link-button" onClick={() => setFramework(null)}>
                Choose another framework
              </button>
            </p>
            {values.length === 0 ? <p className="muted">No value of this framework has a source yet.</p> : null}
            <ul className="picker__results" aria-label="Cited values">
              {values.map((a) => (
                <li key={a.key}>
                  <button type="button" className="picker__result" onClick={(e) => cite(a, e.currentTarget)}>
                    <span className="picker__name">
                      {a.label}: {a.display}
                    </span>
                    <span className="muted">
                      {a.sources.length} source{a.sources.length === 1 ? "" : "s"}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="citation-search">Search the catalog</label>
              <input
                id="citation-search"
                ref={search}
                type="search"
                value={q}
                placeholder="Name or acronym, e.g. NATO"
                onChange={(e) => setQ(e.target.value)}
              />
            </div>
            <ul className="picker__results" aria-label="Frameworks">
              {(results ?? []).slice(0, 50).map((f) => (
                <li key={f.slug}>
                  <button type="button" className="picker__result" onClick={() => choose(f)}>
                    <span className="picker__name">{f.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Modal>
  );
}
