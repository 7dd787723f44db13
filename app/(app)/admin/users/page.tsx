import type { Metadata } from "next";
import Link from "next/link";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth";
import { listUsers } from "@/lib/data/user-admin";
import { APP_ROLE_LABELS } from "@/lib/domain/vocabulary";
import { ScrollTable } from "@/components/ui/scroll-table";
import { PageHeader } from "@/components/ui/page-header";
import { readSearchQuery, SearchForm } from "@/components/ui/search-form";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireRole(["admin"], "/admin/users");
  const { q, problem } = readSearchQuery((await searchParams).q);
  const users = await listUsers(admin, q);
  return (
    <>
      <PageHeader title="Users" />
      <p className="mt-1 text-sm text-slate-700">
        Who can sign in, and as what. Deactivated people keep their scorecards and decisions. Changes are in the{" "}
        <Link href="/admin/audit?entityType=User" className="underline">
          audit log
        </Link>
        .
      </p>
      <SearchForm action="/admin/users" q={q} problem={problem} />
      {users.length ? (
        <ScrollTable
          label="People (scrolls sideways)"
          className="mt-4"
          caption="People with an account"
          headClassName="bg-slate-50 text-slate-700"
          columns={["Name", "E-mail", "App roles", "Status"]}
        >
          <tbody className="divide-y divide-slate-200">
            {users.map((u) => (
              <tr key={u.id} className={u.active ? "" : "text-slate-600"}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/admin/users/${u.id}`} className="text-indigo-700 underline">
                    {u.name}
                  </Link>
                </th>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{u.roles.map((r) => APP_ROLE_LABELS[r]).join(", ")}</td>
                <td className="px-3 py-2">{u.active ? "Active" : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <EmptyState className="mt-4">
          {q
            ? `Nobody matches “${q}”. Check the spelling, or add them below.`
            : "No accounts yet. Add the first person below."}
        </EmptyState>
      )}
      <div className="mt-6">
        <UserCreateForm />
      </div>
    </>
  );
}
