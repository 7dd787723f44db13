import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleEditor } from "@/components/roles/role-editor";
import { requireRole } from "@/lib/auth";
import { getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { roleToEditor } from "@/lib/validations/role-editor";
import { PageHeader } from "@/components/ui/page-header";
import { parseWeightsParam } from "@/lib/domain/quality-of-hire";

export const metadata: Metadata = { title: "Edit role template" };

export default async function EditRolePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ weights?: string | string[]; from?: string | string[] }>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  await requireRole(["admin"], `/roles/${slug}/edit`);
  const found = await getRoleTemplate(slug);
  if (!found) notFound();
  const role = toRoleTemplateJson(found.version);
  const initial = roleToEditor(role);
  // suggested weights from the quality-of-hire report (docs/decisions/079): only filled in here;
  // saving the new version stays the admin's own, audited action
  const suggested = parseWeightsParam(
    typeof query.weights === "string" ? query.weights : undefined,
    initial.dimensions.length,
  );
  const from = typeof query.from === "string" && /^\d{1,4}$/.test(query.from) ? query.from : null;
  if (suggested)
    initial.dimensions = initial.dimensions.map((d, i) => ({ ...d, weight: suggested[i], weightOrigin: "edited" }));
  return (
    <>
      <PageHeader
        trail={[
          { href: "/roles", label: "Role templates" },
          { href: `/roles/${slug}`, label: role.title },
        ]}
        title={<>Edit {role.title}</>}
      />
      <p className="mt-1 text-sm text-slate-700">
        Editing version {found.current}. Saving creates version {found.current + 1}; openings stay on their version
        until someone moves them, so no submitted scorecard is reinterpreted silently.
      </p>
      {suggested ? (
        <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          The weights below are the quality-of-hire report&apos;s suggestion
          {from ? ` (${from}-day check-ins)` : ""}, not yet saved. They rest on few hires and on hires only: review
          them, and say why in the change note. Nothing changes until you save.
        </p>
      ) : null}
      <div className="mt-4">
        <RoleEditor
          mode="edit"
          slug={slug}
          baseVersion={found.current}
          initial={initial}
          initialChangeNote={
            suggested
              ? `Weights from the quality-of-hire suggestion${from ? ` (${from}-day check-ins)` : ""}.`
              : undefined
          }
        />
      </div>
    </>
  );
}
