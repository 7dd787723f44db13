// The app's button looks, in one place: the same classes serve <button>, <Link> and <a download>.
// Each keeps at least the padding it had, so touch targets stay as large as before.
const variants = {
  /** the form's main action */
  primary: "rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60",
  /** the page's one main action, larger (submitting a scorecard) */
  large: "rounded-md bg-indigo-700 px-5 py-2.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60",
  /** a main action in a toolbar or a filter row */
  primarySmall: "rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800",
  /** a second action beside a main one */
  secondary:
    "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60",
  /** a second form action at full form size */
  secondaryLarge:
    "rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60",
  /** the main action at body text size (signing in) */
  primaryBody: "rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60",
  /** a second action at body text size (another way to sign in, signing out everywhere) */
  secondaryBody:
    "rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60",
  /** small in-list actions (add, remove, move) */
  tiny: "rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50",
} as const;

export type ButtonVariant = keyof typeof variants;

/** The classes of a button look, with extra (layout) classes first. */
export function buttonClass(variant: ButtonVariant = "primary", extra?: string) {
  return extra ? `${extra} ${variants[variant]}` : variants[variant];
}

/**
 * A <button> (type="button" unless told) in one of the looks. With `pending`, it is disabled and
 * shows `pendingLabel` (e.g. "Saving…") while a request is under way.
 */
export function Button({
  variant = "primary",
  className,
  pending = false,
  pendingLabel,
  type = "button",
  disabled,
  children,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  pending?: boolean;
  pendingLabel?: React.ReactNode;
  ref?: React.Ref<HTMLButtonElement>;
}) {
  return (
    <button type={type} disabled={disabled ?? pending} className={buttonClass(variant, className)} {...rest}>
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
