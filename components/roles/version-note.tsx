import { LocalTime } from "@/components/ui/local-time";

export type VersionInfo = {
  version: number;
  createdAt: Date;
  changeNote: string;
  createdBy: { name: string } | null;
};

/**
 * Who saved a version, when, and the "What changed, and why" note they kept with it
 * (docs/decisions/025-template-saves-make-versions.md). A seeded or imported version has no author.
 */
export function VersionNote({ v, withNumber = false }: { v: VersionInfo; withNumber?: boolean }) {
  return (
    <div className="text-sm">
      <p className="text-slate-700">
        {withNumber ? <span className="font-medium text-slate-900">Version {v.version}: </span> : null}
        saved by {v.createdBy?.name ?? "the app (seed or import)"} on <LocalTime iso={v.createdAt.toISOString()} />
      </p>
      <p className="mt-0.5">
        <span className="font-medium">What changed, and why: </span>
        {v.changeNote ? (
          <span className="whitespace-pre-wrap">{v.changeNote}</span>
        ) : (
          <span className="text-slate-700">no note was given.</span>
        )}
      </p>
    </div>
  );
}
