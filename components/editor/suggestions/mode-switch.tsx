"use client";

import type { EditorMode } from "./suggest-mode";

export type ModeSwitchProps = {
  mode: EditorMode;
  onChange: (mode: EditorMode) => void;
  /** The owner set "suggestions only" for editors: Editing is not offered. */
  suggestOnly: boolean;
};

const MODES: { value: EditorMode; label: string; hint: string }[] = [
  { value: "editing", label: "Editing", hint: "Edit the document directly" },
  { value: "suggesting", label: "Suggesting", hint: "Edits become suggestions others accept or reject" },
  { value: "viewing", label: "Viewing", hint: "Read without changing anything" },
];

/** Editing / Suggesting / Viewing, like Google Docs' mode menu (buttons: Tab + Enter/Space). */
export function ModeSwitch({ mode, onChange, suggestOnly }: ModeSwitchProps) {
  return (
    <fieldset className="segmented mode-switch" data-testid="mode-switch">
      <legend className="visually-hidden">Mode</legend>
      {MODES.map((m) => {
        const locked = suggestOnly && m.value === "editing";
        return (
          <button
            key={m.value}
            type="button"
            className="segmented__option"
            aria-pressed={mode === m.value}
            disabled={locked}
            title={locked ? "The owner allows only suggestions during review" : m.hint}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChange(m.value)}
          >
            {m.label}
          </button>
        );
      })}
    </fieldset>
  );
}
