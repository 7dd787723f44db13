import type { Metadata } from "next";
import { RoleImport } from "@/components/roles/role-import";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Import or export role templates" };

export default async function RoleImportPage() {
  await requireRole(["admin"], "/roles/import");
  return (
    <>
      <PageHeader trail={[{ href: "/roles", label: "Role templates" }]} title="Import or export role templates" />
      <div className="mt-4">
        <RoleImport />
      </div>
    </>
  );
}
