"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { Modal } from "@/components/ui/modal";
import { isRecipient, portionLabel } from "@/lib/marking/compute";
import { parsePortion, serializePortion } from "@/lib/marking/portion";
import type { MarkingProfile } from "@/lib/marking/profile-schema";
import { currentPortion, setPortionMark } from "../portion-marks";

export type PortionPickerProps = { editor: Editor; profile: MarkingProfile; onClose: () => void };

/**
 * Sets the portion mark of the blocks in the selection: a level (arrow keys), controls and a
 * release-to list; Enter applies. Opened with Ctrl+Alt+P or the toolbar's mark button.
 */
export function PortionPicker({ editor, profile, onClose }: PortionPickerProps) {
  const initial = parsePortion(currentPortion(editor));
  const [level, setLevel] = useState(initial?.level ?? profile.levels[0]?.code ?? "");
  const [controls, setControls] = useState<string[]>(initial?.controls ?? []);
  const [rel, setRel] = useState((initial?.rel ?? []).join(", "));
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const levels = useRef<HTMLFieldSetElement>(null);
  // The chosen level takes focus: arrows move between levels, Enter applies.
  useEffect(() => {
    const radios = levels.current?.querySelectorAll<HTMLInputElement>("input[type=radio]");
    const checked = [...(radios ?? [])].find((r) => r.checked) ?? radios?.[0];
    checked?.focus();
  }, []);
  const close = () => {
    onClose();
    editor.view.focus();
  };
  const codes = rel
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  const preview = portionLabel(profile, serializePortion({ level, controls, rel: codes }));
  return (
    <Modal title="Portion mark" onClose={close} description={`Profile: ${profile.name}`}>
      <form
        className="form portion-picker"
        onSubmit={(e) => {
          e.preventDefault();
          const unknown = codes.filter((c) => !isRecipient(profile, c));
          if (unknown.length) {
            setError(`Not a country or group of this profile: ${unknown.join(", ")}.`);
            return;
          }
          setPortionMark(editor, serializePortion({ level, controls, rel: codes }));
          close();
        }}
      >
        <fieldset ref={levels}>
          <legend>Level</legend>
          {profile.levels.map((l) => (
            <label key={l.code} className="portion-picker__option">
              <input
                type="radio"
                name="portion-level"
                value={l.code}
                checked={level === l.code}
                onChange={() => setLevel(l.code)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />{" "}
              ({l.portion}) {l.banner}
            </label>
          ))}
        </fieldset>
        {profile.controls.length ? (
          <fieldset>
            <legend>Controls and caveats</legend>
            {profile.controls.map((c) => (
              <label key={c.code} className="portion-picker__option">
                <input
                  type="checkbox"
                  checked={controls.includes(c.code)}
                  onChange={(e) =>
                    setControls((list) => (e.target.checked ? [...list, c.code] : list.filter((x) => x !== c.code)))
                  }
                />{" "}
                {c.banner} <span className="muted">({c.portion})</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {profile.release ? (
          <div className="field">
            <label htmlFor="portion-rel">{profile.release.bannerPrefix} (country or group codes)</label>
            <input
              id="portion-rel"
              list={listId}
              value={rel}
              placeholder="e.g. GBR, FVEY"
              onChange={(e) => setRel(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
            <datalist id={listId}>
              {[...profile.release.groups, ...profile.release.countries].map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </datalist>
          </div>
        ) : null}
        <p>
          Mark: <strong data-testid="portion-preview">{preview}</strong>
        </p>
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button">
            Apply
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setPortionMark(editor, null);
              close();
            }}
          >
            Remove mark
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
