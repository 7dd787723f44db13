import type { UseFormRegisterReturn } from "react-hook-form";
import { inputClass } from "@/components/forms/field";

/** "America/Argentina/Buenos_Aires" → group "America", label "Argentina/Buenos Aires". */
function split(zone: string) {
  const slash = zone.indexOf("/");
  return slash < 0
    ? { group: "", label: zone }
    : { group: zone.slice(0, slash), label: zone.slice(slash + 1).replaceAll("_", " ") };
}

/**
 * Every zone in a select, grouped by region (typing a city's first letters finds it); zones with
 * no region (UTC) first. The option values are the IANA names the server validates.
 */
export function TimeZoneSelect({
  id,
  zones,
  field,
  invalid,
  describedBy,
}: {
  id: string;
  zones: readonly string[];
  field: UseFormRegisterReturn;
  invalid: boolean;
  describedBy?: string;
}) {
  const groups = new Map<string, { zone: string; label: string }[]>();
  for (const zone of zones) {
    const { group, label } = split(zone);
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ zone, label });
  }
  const options = (items: { zone: string; label: string }[]) =>
    items.map((o) => (
      <option key={o.zone} value={o.zone}>
        {o.label}
      </option>
    ));
  return (
    <select id={id} className={inputClass} aria-invalid={invalid} aria-describedby={describedBy} {...field}>
      {options(groups.get("") ?? [])}
      {[...groups.entries()]
        .filter(([g]) => g !== "")
        .map(([g, items]) => (
          <optgroup key={g} label={g}>
            {options(items)}
          </optgroup>
        ))}
    </select>
  );
}
