import { SHARE_EXPIRY_CHOICES } from "@/lib/shares/schema";

/** The "Link expires" choice of a share-link form (field name expiresInDays; "" = never). */
export function ShareExpiryField({ id }: { id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>Link expires</label>
      <select id={id} name="expiresInDays" defaultValue="">
        <option value="">Never (until revoked)</option>
        {SHARE_EXPIRY_CHOICES.map((days) => (
          <option key={days} value={days}>
            After {days} {days === 1 ? "day" : "days"}
          </option>
        ))}
      </select>
    </div>
  );
}
