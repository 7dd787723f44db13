import { ExerciseMaterials } from "@/components/roles/exercise-materials";
import type { RoleVersion } from "@/lib/data/role-templates";

/** The case exercise as the interviewer runs it: duration, prompt, sub-items, what to evaluate, materials. */
export function ExerciseBrief({ exercise, slug }: { exercise: RoleVersion["exercises"][number] | null; slug: string }) {
  if (!exercise) return <p className="text-sm text-slate-700">No case exercise was set for this interview.</p>;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <p className="text-base font-semibold">
        {exercise.title}
        {exercise.duration ? <span className="ml-2 font-normal text-slate-700">({exercise.duration})</span> : null}
      </p>
      {exercise.prompt ? <p className="mt-2 whitespace-pre-wrap">{exercise.prompt}</p> : null}
      {exercise.items.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {exercise.items.map((item, i) => (
            <li key={i}>{item.text}</li>
          ))}
        </ul>
      ) : null}
      {exercise.evaluate ? (
        <p className="mt-2">
          <span className="font-medium">Evaluate: </span>
          {exercise.evaluate}
        </p>
      ) : null}
      <ExerciseMaterials slug={slug} materials={exercise.materials} />
    </div>
  );
}
