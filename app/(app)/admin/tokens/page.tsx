import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDelete, TokenCreateForm } from "@/components/admin/token-forms";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth";
import { listApiTokens } from "@/lib/data/api-tokens";
import { listUsers } from "@/lib/data/user-admin";
import { ScrollTable } from "@/components/ui/scroll-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API tokens" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function TokensPage() {
  const admin = await requireRole(["admin"], "/admin/tokens");
  const [tokens, users] = await Promise.all([listApiTokens(admin), listUsers(admin)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="API tokens" />
      <p className="mt-1 text-sm text-slate-700">
        Integrations (an applicant tracking system, a chat bot) call the{" "}
        <a className="underline" href="/api/v1/openapi.json">
          JSON API
        </a>{" "}
        with a token that acts as one person, with exactly their permissions. Only a fingerprint of each token is
        stored. Every write made with a token is in the{" "}
        <Link href="/admin/audit?entityType=ApiToken" className="underline">
          audit log
        </Link>
        .
      </p>
      <div className="mt-4">
        <TokenCreateForm
          people={users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email }))}
        />
      </div>
      {tokens.length ? (
        <ScrollTable
          label="API tokens (scrolls sideways)"
          className="mt-6"
          caption="API tokens"
          headClassName="bg-slate-50 text-slate-700"
          columns={["Name", "Acts as", "Token", "Created", "Expires", "Last used", "Status"]}
        >
          <tbody className="divide-y divide-slate-200">
            {tokens.map((t) => {
              const expired = t.expiresAt !== null && t.expiresAt <= now;
              return (
                <tr key={t.id}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {t.name}
                  </th>
                  <td className="px-3 py-2">{t.user.name}</td>
                  <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                  <td className="px-3 py-2">{day(t.createdAt)}</td>
                  <td className="px-3 py-2">{t.expiresAt ? day(t.expiresAt) : "never"}</td>
                  <td className="px-3 py-2">{day(t.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    {t.revokedAt ? (
                      `Revoked ${day(t.revokedAt)}`
                    ) : expired ? (
                      "Expired"
                    ) : (
                      <ConfirmDelete url={`/api/admin/tokens/${t.id}`} name={t.name} verb="Revoke" doing="Revoking…" />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : (
        <EmptyState className="mt-6">
          No tokens yet. Create one above for each integration, acting as a person with the permissions it needs.
        </EmptyState>
      )}
    </>
  );
}
