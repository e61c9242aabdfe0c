"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { CollabUser } from "./extensions";

export type PresenceListProps = { provider: WebsocketProvider; self: CollabUser };

type Person = CollabUser & { tabs: number };

/** Everyone with the briefing open now, from the awareness states (one entry per person, not per tab). */
function peopleOf(provider: WebsocketProvider, self: CollabUser): Person[] {
  const people = new Map<string, Person>();
  for (const state of provider.awareness.getStates().values()) {
    const user = state.user as Partial<CollabUser> | undefined;
    if (!user || typeof user.id !== "string" || typeof user.name !== "string") continue;
    const known = people.get(user.id);
    if (known) known.tabs++;
    else people.set(user.id, { id: user.id, name: user.name, color: String(user.color ?? "#5b6470"), tabs: 1 });
  }
  if (!people.has(self.id)) people.set(self.id, { ...self, tabs: 1 });
  // You first, then the others by name.
  return [...people.values()].sort((a, b) =>
    a.id === self.id ? -1 : b.id === self.id ? 1 : a.name.localeCompare(b.name),
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

/** Who is here: coloured initials (the colour of their caret) with the full name. */
export function PresenceList({ provider, self }: PresenceListProps) {
  const [people, setPeople] = useState<Person[]>(() => peopleOf(provider, self));
  useEffect(() => {
    const update = () => setPeople(peopleOf(provider, self));
    provider.awareness.on("change", update);
    update();
    return () => provider.awareness.off("change", update);
  }, [provider, self]);
  return (
    <ul className="presence" aria-label="People here">
      {people.map((p) => (
        <li key={p.id} className="presence__person" title={p.id === self.id ? `${p.name} (you)` : p.name}>
          <span className="presence__avatar" style={{ backgroundColor: p.color }} aria-hidden="true">
            {initials(p.name)}
          </span>
          <span className="visually-hidden presence__name">{p.id === self.id ? `${p.name} (you)` : p.name}</span>
        </li>
      ))}
    </ul>
  );
}
