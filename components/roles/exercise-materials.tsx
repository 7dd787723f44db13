import type { RoleVersion } from "@/lib/data/role-templates";
import { formatBytes } from "@/lib/domain/material-file";

type Material = RoleVersion["exercises"][number]["materials"][number];

/**
 * An exercise's materials as the interviewer hands them over (docs/decisions/045-exercise-materials.md):
 * text and code shown as typed (plain text, never rendered as markup), files as downloads.
 */
export function ExerciseMaterials({ slug, materials }: { slug: string; materials: Material[] }) {
  if (materials.length === 0) return null;
  return (
    <section aria-label="Materials" className="mt-3">
      <p className="text-sm font-semibold">Materials to hand over ({materials.length})</p>
      <ul className="mt-1 space-y-3">
        {materials.map((m) => (
          <li key={m.id}>
            {m.kind === "file" ? (
              <p>
                <a
                  href={`/api/roles/${encodeURIComponent(slug)}/materials/${encodeURIComponent(m.id)}`}
                  download={m.fileName ?? undefined}
                  className="inline-block py-2 font-medium text-indigo-700 underline underline-offset-2 sm:py-0"
                >
                  {m.title}
                </a>{" "}
                <span className="text-slate-700">
                  ({m.fileName}
                  {m.file ? `, ${formatBytes(m.file.size)}` : ""})
                </span>
              </p>
            ) : (
              <figure>
                <figcaption className="font-medium">
                  {m.title}
                  {m.kind === "code" && m.language ? (
                    <span className="ml-2 font-normal text-slate-700">({m.language})</span>
                  ) : null}
                </figcaption>
                {m.kind === "code" ? (
                  <pre
                    role="region"
                    tabIndex={0}
                    aria-label={`${m.title} (code)`}
                    className="mt-1 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-50"
                  >
                    <code>{m.body}</code>
                  </pre>
                ) : (
                  <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
                )}
              </figure>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
