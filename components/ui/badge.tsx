const tones = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  info: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  warn: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-800 ring-red-200",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-200",
} as const;

export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: keyof typeof tones;
  children: React.ReactNode;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
