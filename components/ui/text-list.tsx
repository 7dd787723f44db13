/** A plain bulleted list of texts; an empty list says so instead of rendering nothing. */
export function TextList({
  items,
  empty,
  marker = "disc",
}: {
  items: string[];
  empty: string;
  marker?: "disc" | "decimal";
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className={`space-y-1.5 pl-5 text-slate-800 ${marker === "decimal" ? "list-decimal" : "list-disc"}`}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
