import type { Metadata } from "next";
import Link from "next/link";
import { OpeningForm } from "@/components/hiring/opening-form";
import { requireRole } from "@/lib/auth";
import { listPeople } from "@/lib/data/openings";
import { listRoleTemplates } from "@/lib/data/role-templates";

export const metadata: Metadata = { title: "New opening" };

export default async function NewOpeningPage() {
  await requireRole(["recruiter", "admin"], "/openings/new");
  const [roles, managers, recruiters] = await Promise.all([
    listRoleTemplates(),
    listPeople("hiring-manager"),
    listPeople("recruiter"),
  ]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/openings" className="underline">
          Openings
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">New opening</h1>
      <div className="mt-4">
        <OpeningForm
          mode="create"
          roles={roles.map((r) => ({ slug: r.slug, title: r.title, version: r.version }))}
          managers={managers}
          recruiters={recruiters}
        />
      </div>
    </>
  );
}
