// The app's own OpenAPI document as compiled JSON Schema validators, for tests that check answers
// against it. One compiled validator per schema: Ajv caches compiled schemas by the schema object,
// so a `{ $ref }` wrapper made for each call was compiled afresh every time.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { openApiDocument } from "@/lib/api/openapi";

const ROOT = "https://scorecards.invalid/openapi";

export const doc = openApiDocument();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: ROOT, components: doc.components } as object);
const compiled = new Map<string, ValidateFunction>();

/** The validator of a schema the document gives: a `$ref` into it (`#/components/…`) or an inline one. */
export function schemaValidator(schema: { $ref?: string } | undefined): ValidateFunction {
  const key = schema?.$ref ?? JSON.stringify(schema ?? {});
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema?.$ref ? { $ref: `${ROOT}${schema.$ref}` } : (schema ?? {}));
    compiled.set(key, v);
  }
  return v;
}

/** Ajv's errors of the validator's last call, as one line. */
export const errorsText = (v: ValidateFunction) => ajv.errorsText(v.errors);
