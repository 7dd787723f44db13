import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeList } from "@/components/roles/change-list";
import { VersionNote } from "@/components/roles/version-note";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth";
import { diffRoleVersions } from "@/lib/data/role-editor";
import { getRoleTemplate } from "@/lib/data/role-templates";
import { orNotFound } from "@/lib/not-found";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Changes between versions" };

export default async function RoleDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  await requireUser(`/roles/${slug}/diff`);
  const sp = await searchParams;
  const found = await getRoleTemplate(slug);
  if (!found) notFound();
  const num = (v: unknown, fallback: number) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : fallback);
  const to = num(sp.to, found.current);
  const from = num(sp.from, Math.max(1, to - 1));
  const changes = await orNotFound(diffRoleVersions(slug, from, to));
  const versions = found.versions.map((v) => v.version).sort((a, b) => a - b);
  // the versions saved between the two, oldest first, each with its author, date and note
  const [low, high] = from <= to ? [from, to] : [to, from];
  const saved = found.versions.filter((v) => v.version > low && v.version <= high).reverse();
  return (
    <>
      <PageHeader
        trail={[
          { href: "/roles", label: "Role templates" },
          { href: `/roles/${slug}`, label: found.version.title },
        ]}
        title={
          <>
            Changes from version {from} to version {to}
          </>
        }
      />
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        {(["from", "to"] as const).map((k) => (
          <label key={k} className="text-sm">
            <span className="block font-medium">{k === "from" ? "From version" : "To version"}</span>
            <select
              name={k}
              defaultValue={k === "from" ? from : to}
              className="rounded-md border border-slate-400 bg-white px-2 py-1.5"
            >
              {versions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white">
          Compare
        </button>
      </form>
      {saved.length ? (
        <section aria-label="Versions saved" className="mt-4 space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          {saved.map((v) => (
            <VersionNote key={v.version} v={v} withNumber />
          ))}
        </section>
      ) : null}
      {changes.length === 0 ? (
        <EmptyState className="mt-4">No differences between these versions.</EmptyState>
      ) : (
        <ChangeList changes={changes} />
      )}
      <p className="mt-4 text-sm">
        <Link href={`/roles/${slug}?version=${from}`} className="underline">
          Read version {from}
        </Link>{" "}
        ·{" "}
        <Link href={`/roles/${slug}?version=${to}`} className="underline">
          Read version {to}
        </Link>
      </p>
    </>
  );
}
