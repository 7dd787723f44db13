import type { Metadata } from "next";
import { RoleEditor } from "@/components/roles/role-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth";
import { DEFAULT_THRESHOLDS, SUMMARY_FIELDS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "New role template" };

export default async function NewRolePage() {
  await requireRole(["admin"], "/roles/new");
  return (
    <>
      <PageHeader trail={[{ href: "/roles", label: "Role templates" }]} title="New role template" />
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
