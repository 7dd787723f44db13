import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth";
import { isAdmin } from "@/lib/domain/permissions";
import { listRoleTemplates } from "@/lib/data/role-templates";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Role templates" };

export default async function RoleTemplatesPage() {
  const user = await requireUser("/roles");
  const roles = await listRoleTemplates();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Role templates</h1>
        {isAdmin(user.roles) ? (
          <div className="flex flex-wrap gap-2 text-sm">
            <Link href="/roles/new" className={buttonClass("primarySmall")}>
              New role
            </Link>
            <Link href="/roles/import" className={buttonClass("secondary")}>
              Import or export JSON
            </Link>
          </div>
        ) : null}
      </div>
      <p className="mt-1 text-slate-700">
        Each role&apos;s scorecard: weighted dimensions with their anchors, case exercises, red flags and signals.
      </p>
      {roles.length === 0 ? (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6">
          <p className="font-medium">No role templates yet.</p>
          <p className="mt-1 text-slate-700">
            Load the five seeded roles with <code className="font-mono">npm run db:seed</code>, or import a file with{" "}
            <code className="font-mono">npm run roles:import -- FILE</code>.
          </p>
        </div>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {roles.map((role) => (
            <li key={role.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/roles/${role.slug}`} className="text-indigo-700 hover:underline">
                  {role.title}
                </Link>
              </h2>
              <p className="mt-1 line-clamp-3 text-sm text-slate-700">{role.purpose}</p>
              <p className="mt-3 flex flex-wrap gap-2">
                <Badge>{role.dimensionCount} dimensions</Badge>
                <Badge>{role.exerciseCount} exercises</Badge>
                <Badge>{role.redFlagCount} red flags</Badge>
                <Badge tone={role.equalDefaultWeights ? "warn" : "info"}>
                  {role.equalDefaultWeights ? "Equal weights (app default)" : "Weights from source"}
                </Badge>
                <Badge>Version {role.version}</Badge>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
