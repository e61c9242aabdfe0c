/** The plain statement every marking screen carries. */
export function AccreditationNotice() {
  return (
    <p className="notice notice--warning" data-testid="accreditation-notice">
      Marking in this software does not make it a system accredited to hold classified information. Use it for
      unclassified and official work unless your security authority has accredited this installation.
    </p>
  );
}
