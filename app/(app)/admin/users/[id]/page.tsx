import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PasswordResetForm, UserEditForm } from "@/components/admin/user-edit-form";
import { requireRole } from "@/lib/auth";
import { getUser } from "@/lib/data/user-admin";
import { currentZoneChoices, currentZoneName } from "@/lib/domain/time-zones";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireRole(["admin"], `/admin/users/${id}`);
  const user = await getUser(admin, id);
  if (!user) notFound();
  return (
    <>
      <PageHeader trail={[{ href: "/admin/users", label: "Users" }]} title={user.name} />
      <p className="mt-1 text-sm text-slate-700">
        {user.email} · {user.active ? "active" : `deactivated ${user.deactivatedAt?.toISOString().slice(0, 10) ?? ""}`}{" "}
        · {user._count.scorecards} submitted scorecard
        {user._count.scorecards === 1 ? "" : "s"} ·{" "}
        <Link href={`/admin/audit?entityType=User&entityId=${user.id}`} className="underline">
          changes to this account
        </Link>{" "}
        ·{" "}
        <Link href={`/admin/audit?actor=${user.id}`} className="underline">
          what they did
        </Link>
      </p>
      {user.id === admin.id ? (
        <p className="mt-2 text-sm text-slate-700">
          This is you: you cannot remove your own admin role or deactivate yourself.
        </p>
      ) : null}
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <UserEditForm
          user={{
            id: user.id,
            name: user.name,
            roles: user.roles,
            active: user.active,
            timeZone: currentZoneName(user.timeZone),
          }}
          zones={currentZoneChoices([user.timeZone])}
        />
        <PasswordResetForm user={{ id: user.id, name: user.name }} />
      </div>
    </>
  );
}
