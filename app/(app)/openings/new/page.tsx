import type { Metadata } from "next";
import { OpeningForm } from "@/components/hiring/opening-form";
import { requireRole } from "@/lib/auth";
import { listPeople } from "@/lib/data/openings";
import { listRoleTemplates } from "@/lib/data/role-templates";
import { PageHeader } from "@/components/ui/page-header";

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
      <PageHeader trail={[{ href: "/openings", label: "Openings" }]} title="New opening" />
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
