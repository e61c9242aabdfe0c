"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { normalizeHref } from "@/lib/editor/link";

export type LinkFormProps = { editor: Editor; onClose: () => void };

/** Adds, changes or removes the link on the selection (Ctrl+K). */
export function LinkForm({ editor, onClose }: LinkFormProps) {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const close = () => {
    onClose();
    editor.view.focus();
  };
  return (
    <form
      className="link-form"
      aria-label="Link"
      onSubmit={(e) => {
        e.preventDefault();
        const href = normalizeHref(value);
        if (!href) {
          setError("Enter a web address (https://…) or an e-mail link (mailto:…).");
          return;
        }
        const chain = editor.chain().focus().extendMarkRange("link");
        if (editor.state.selection.empty && !current) {
          chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
        } else {
          chain.setLink({ href }).run();
        }
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor="link-href">Link address</label>
      <input
        id="link-href"
        type="text"
        inputMode="url"
        ref={input}
        value={value}
        placeholder="https://example.org/report"
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "link-error" : undefined}
      />
      <button type="submit" className="button button--small">
        Apply
      </button>
      {current ? (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      ) : null}
      <button type="button" className="button button--small button--secondary" onClick={close}>
        Cancel
      </button>
      {error ? (
        <p id="link-error" role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
