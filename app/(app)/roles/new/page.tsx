import type { Metadata } from "next";
import Link from "next/link";
import { RoleEditor } from "@/components/roles/role-editor";
import { requireRole } from "@/lib/auth";
import { DEFAULT_THRESHOLDS, SUMMARY_FIELDS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "New role template" };

export default async function NewRolePage() {
  await requireRole(["admin"], "/roles/new");
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/roles" className="underline">
          Role templates
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">New role template</h1>
      <div className="mt-4">
        <RoleEditor
          mode="create"
          initial={{
            slug: "",
            title: "",
            dimensions: [
              {
                name: "",
                weight: 100,
                weightOrigin: "edited",
                evidenceToSeek: "",
                anchors: [{ label: "Meets bar", level: "3", text: "" }],
              },
            ],
            exercises: [],
            redFlagsText: "",
            strongSignalsText: "",
            weakSignalsText: "",
            assessAreasText: "",
            summary: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f.key, ""])),
            thresholds: { ...DEFAULT_THRESHOLDS, recommendOn: "raw" },
          }}
        />
      </div>
    </>
  );
}
