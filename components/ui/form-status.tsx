export type FormStatusProps = { error?: string | null; success?: string | null };

/** The error or confirmation line under a form, announced to screen readers. */
export function FormStatus({ error, success }: FormStatusProps) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p className="form-success" role="status">
        {success}
      </p>
    );
  }
  return null;
}
