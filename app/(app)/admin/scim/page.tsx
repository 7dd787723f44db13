import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDelete } from "@/components/admin/token-forms";
import { ScimTokenCreateForm } from "@/components/admin/scim-token-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollTable } from "@/components/ui/scroll-table";
import { requireRole } from "@/lib/auth";
import { listScimTokens } from "@/lib/data/scim-tokens";
import { APP_ROLE_LABELS, APP_ROLES } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "SCIM provisioning" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function ScimPage() {
  const admin = await requireRole(["admin"], "/admin/scim");
  const tokens = await listScimTokens(admin);
  return (
    <>
      <PageHeader title="SCIM provisioning" />
      <p className="mt-1 text-sm text-slate-700">
        An identity provider (Okta, Entra ID) creates, updates and deactivates accounts through SCIM 2.0 at{" "}
        <code>/scim/v2</code>, with a SCIM token of its own. Deactivating someone there ends their sessions at once. Its
        groups below grant the app roles. Every change is in the{" "}
        <Link href="/admin/audit?entityType=ScimToken" className="underline">
          audit log
        </Link>
        .
      </p>
      <ScrollTable
        label="Groups and app roles (scrolls sideways)"
        className="mt-4"
        caption="Identity provider groups and the app roles they grant"
        headClassName="bg-slate-50 text-slate-700"
        columns={["Group name", "App role", "Group id"]}
      >
        <tbody className="divide-y divide-slate-200">
          {APP_ROLES.map((role) => (
            <tr key={role}>
              <th scope="row" className="px-3 py-2 font-medium">
                {env.scimGroups[role]}
              </th>
              <td className="px-3 py-2">{APP_ROLE_LABELS[role]}</td>
              <td className="px-3 py-2 font-mono text-xs">{role}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p className="mt-1 text-xs text-slate-700">The names come from the SCIM_GROUP_* settings of the deployment.</p>
      <div className="mt-6">
        <ScimTokenCreateForm />
      </div>
      {tokens.length ? (
        <ScrollTable
          label="SCIM tokens (scrolls sideways)"
          className="mt-6"
          caption="SCIM tokens"
          headClassName="bg-slate-50 text-slate-700"
          columns={["Name", "Token", "Created", "Last used", "Status"]}
        >
          <tbody className="divide-y divide-slate-200">
            {tokens.map((t) => (
              <tr key={t.id}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {t.name}
                </th>
                <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                <td className="px-3 py-2">{day(t.createdAt)}</td>
                <td className="px-3 py-2">{day(t.lastUsedAt)}</td>
                <td className="px-3 py-2">
                  {t.revokedAt ? (
                    `Revoked ${day(t.revokedAt)}`
                  ) : (
                    <ConfirmDelete
                      url={`/api/admin/scim-tokens/${t.id}`}
                      name={t.name}
                      verb="Revoke"
                      doing="Revoking…"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <EmptyState className="mt-6">No SCIM tokens yet. Create one above for your identity provider.</EmptyState>
      )}
    </>
  );
}
