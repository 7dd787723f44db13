import { Badge } from "@/components/ui/badge";
import type { RoleVersion } from "@/lib/data/role-templates";
import { ExerciseMaterials } from "./exercise-materials";

export function ExerciseList({ slug, exercises }: { slug: string; exercises: RoleVersion["exercises"] }) {
  if (exercises.length === 0) return <p className="text-sm text-slate-600">This role has no case exercises.</p>;
  return (
    <ol className="space-y-4">
      {exercises.map((e) => (
        <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-base font-semibold">{e.title}</h3>
            {e.duration ? <Badge>{e.duration}</Badge> : null}
          </div>
          <dl className="mt-2 space-y-2 text-sm">
            {e.prompt ? (
              <div>
                <dt className="font-medium">Prompt or scenario</dt>
                <dd className="text-slate-800">{e.prompt}</dd>
              </div>
            ) : null}
            {e.items.length > 0 ? (
              <div>
                <dt className="font-medium">{e.prompt ? "Sub-items" : "Tasks"}</dt>
                <dd>
                  <ul className="list-disc space-y-1 pl-5 text-slate-800">
                    {e.items.map((item, i) => (
                      <li key={i}>{item.text}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {e.evaluate ? (
              <div>
                <dt className="font-medium">What to evaluate</dt>
                <dd className="text-slate-800">{e.evaluate}</dd>
              </div>
            ) : null}
            {e.dimensions.length > 0 ? (
              <div>
                <dt className="font-medium">
                  Dimensions exercised <span className="font-normal text-slate-600">(linked by the app)</span>
                </dt>
                <dd className="mt-1 flex flex-wrap gap-1.5">
                  {e.dimensions.map(({ dimension }) => (
                    <Badge key={dimension.id} tone="info">
                      {dimension.name}
                    </Badge>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          <ExerciseMaterials slug={slug} materials={e.materials} />
        </li>
      ))}
    </ol>
  );
}
