import type { Metadata } from "next";
import Link from "next/link";
import { RoleImport } from "@/components/roles/role-import";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Import or export role templates" };

export default async function RoleImportPage() {
  await requireRole(["admin"], "/roles/import");
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/roles" className="underline">
          Role templates
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Import or export role templates</h1>
      <div className="mt-4">
        <RoleImport />
      </div>
    </>
  );
}
