"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { setCatalogEditor } from "@/lib/users/actions";

export function CatalogEditorToggle({ userId, name, value }: { userId: string; name: string; value: boolean }) {
  const { run, pending, error } = useAction(setCatalogEditor);
  return (
    <>
      <input
        type="checkbox"
        checked={value}
        disabled={pending}
        aria-label={`${name} may edit the catalog`}
        onChange={(e) => run({ userId, catalogEditor: e.target.checked })}
      />
      <FormStatus error={error} />
    </>
  );
}
