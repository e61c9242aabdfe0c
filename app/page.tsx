import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { HomeIntro } from "@/components/home/home-intro";
import { getCurrentUser } from "@/lib/auth/session";
import { getCatalogShowcase } from "@/lib/catalog/showcase";
import { getDb } from "@/lib/db";
import "./home.css";

export const metadata: Metadata = { title: { absolute: "Briefing editor: cited defence-cooperation briefings" } };

/** Signed in: straight to your briefings. Signed out: what the product does, with a look at each part. */
export default async function Home() {
  if (await getCurrentUser()) redirect("/briefings");
  return <HomeIntro showcase={await getCatalogShowcase(getDb())} />;
}
