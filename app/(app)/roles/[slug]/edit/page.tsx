import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleEditor } from "@/components/roles/role-editor";
import { requireRole } from "@/lib/auth";
import { getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { roleToEditor } from "@/lib/validations/role-editor";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit role template" };

export default async function EditRolePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireRole(["admin"], `/roles/${slug}/edit`);
  const found = await getRoleTemplate(slug);
  if (!found) notFound();
  const role = toRoleTemplateJson(found.version);
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
      <div className="mt-4">
        <RoleEditor mode="edit" slug={slug} baseVersion={found.current} initial={roleToEditor(role)} />
      </div>
    </>
  );
}
