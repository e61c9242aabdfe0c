"use client";

export type UnsavedExportWarningProps = {
  label: string;
  /** The user chose to wait: the export starts by itself once everything is saved. */
  waiting: boolean;
  onWait: () => void;
  onContinue: () => void;
  onCancel: () => void;
};

/**
 * Shown when an export is asked for while the editor is not "Saved": exports are made from the
 * server's copy, so the user decides between waiting for the save and the last saved version.
 */
export function UnsavedExportWarning({ label, waiting, onWait, onContinue, onCancel }: UnsavedExportWarningProps) {
  return (
    <div className="notice notice--warning" role="alert" data-testid="export-unsaved-warning">
      <p>
        Your latest changes are not saved yet; the {label} export contains the last saved version.
        {waiting ? " It starts as soon as your changes are saved." : ""}
      </p>
      <div className="form-actions">
        {waiting ? null : (
          <button type="button" className="button" onClick={onWait}>
            Wait until saved
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onContinue}>
          Export the saved version now
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
