// `npm run seed:demo`: a demo team with a few users (DEMO ONLY: the passwords are public, in README).
import { getAuth } from "@/lib/auth/auth";
import { seedCatalogIfEmpty } from "@/lib/catalog/seed";
import { getDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "./cli";
import { DEMO_BRIEFING_TITLE, seedDemoBriefing } from "./demo-briefing";

export const DEMO_PASSWORD = "demo-password-2026";
const DEMO_USERS = [
  { name: "Dana Director (demo)", email: "director@demo.example", teamRole: "owner", catalogEditor: true },
  { name: "Eli Editor (demo)", email: "editor@demo.example", teamRole: "admin", catalogEditor: true },
  { name: "Ana Analyst (demo)", email: "analyst@demo.example", teamRole: "member", catalogEditor: false },
  { name: "Rui Reviewer (demo)", email: "reviewer@demo.example", teamRole: "member", catalogEditor: false },
] as const;
const TEAM = { name: "Demo Analysis Unit", slug: "demo-analysis-unit" };

runCli(async () => {
  await migrate(env().DATABASE_URL.url);
  const db = getDb();
  await seedCatalogIfEmpty(db);
  const auth = getAuth(db);
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    ids[u.email] =
      existing?.id ??
      (await auth.api.signUpEmail({ body: { name: u.name, email: u.email, password: DEMO_PASSWORD } })).user.id;
    // Demo accounts are verified: shares by e-mail and invitations work for them at once.
    await db.user.update({ where: { email: u.email }, data: { catalogEditor: u.catalogEditor, emailVerified: true } });
  }
  const team =
    (await db.organization.findUnique({ where: { slug: TEAM.slug } })) ??
    (await db.organization.create({ data: { id: crypto.randomUUID(), name: TEAM.name, slug: TEAM.slug } }));
  await db.$transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const userId = ids[u.email]!;
      const member = await tx.member.findFirst({ where: { organizationId: team.id, userId } });
      if (member) await tx.member.update({ where: { id: member.id }, data: { role: u.teamRole } });
      else
        await tx.member.create({
          data: { id: crypto.randomUUID(), organizationId: team.id, userId, role: u.teamRole },
        });
    }
  });
  const sample = await seedDemoBriefing(db, {
    owner: ids["director@demo.example"]!,
    teamId: team.id,
    commenter: ids["analyst@demo.example"]!,
    replier: ids["editor@demo.example"]!,
  });
  console.log(
    `Sample briefing "${DEMO_BRIEFING_TITLE}" ${sample.created ? "created" : "already there"}: /briefings/${sample.id}`,
  );
  console.log(`Demo team "${TEAM.name}" ready. DEMO accounts (password "${DEMO_PASSWORD}"):`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.email}  team ${u.teamRole}${u.catalogEditor ? ", catalog editor" : ""}`);
});
