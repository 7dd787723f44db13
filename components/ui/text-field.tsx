import { Field, inputClass } from "@/components/forms/field";

/**
 * The ids a control is described by: its hint, then its error (Field renders both with these
 * ids), or nothing when it has neither.
 */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type Common = {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  /** while there is an error, name only the error (the hint is not read again) */
  errorReplacesHint?: boolean;
};

/**
 * A labelled input, textarea or select with its hint and error, wired for assistive technology:
 * aria-invalid while it has an error, aria-describedby naming the hint and the error shown.
 * Other props (react-hook-form's register(), type, autoComplete…) go to the control.
 */
export function TextField(
  props: Common &
    (
      | ({ as?: "input" } & React.InputHTMLAttributes<HTMLInputElement>)
      | ({ as: "textarea" } & React.TextareaHTMLAttributes<HTMLTextAreaElement>)
      | ({ as: "select" } & React.SelectHTMLAttributes<HTMLSelectElement>)
    ),
) {
  const { id, label, hint, error, errorReplacesHint = false, as = "input", ...control } = props;
  const wiring = {
    id,
    className: inputClass,
    "aria-invalid": !!error,
    "aria-describedby": errorReplacesHint && error ? `${id}-error` : describedBy(id, { hint, error }),
  };
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {as === "textarea" ? (
        <textarea {...wiring} {...(control as React.TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : as === "select" ? (
        <select {...wiring} {...(control as React.SelectHTMLAttributes<HTMLSelectElement>)} />
      ) : (
        <input {...wiring} {...(control as React.InputHTMLAttributes<HTMLInputElement>)} />
      )}
    </Field>
  );
}
