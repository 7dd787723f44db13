// JSON Schemas written from RFC 7643 (§4.1 User, §4.2 Group, §8.7.1 the core schemas' attribute
// definitions) and RFC 7644 (§3.4.2 ListResponse, §3.12 Error), compiled with Ajv, for tests that
// check SCIM answers by rules other than the app's own code.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
const dateTime = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
};
const uri = { type: "string", pattern: "^https?://" };
const multi = (item: object) => ({ type: "array", items: item });
const ref = {
  type: "object",
  required: ["value"],
  properties: { value: { type: "string" }, display: { type: "string" }, $ref: uri },
};

const meta = (resourceType: string, needsDates: boolean) => ({
  type: "object",
  required: ["resourceType", "location", ...(needsDates ? ["created", "lastModified"] : [])],
  properties: {
    resourceType: { const: resourceType },
    created: dateTime,
    lastModified: dateTime,
    location: uri,
    version: { type: "string" },
  },
});

export const USER = {
  type: "object",
  required: ["schemas", "id", "userName", "meta"],
  properties: {
    schemas: { type: "array", contains: { const: "urn:ietf:params:scim:schemas:core:2.0:User" } },
    id: { type: "string", minLength: 1, not: { const: "bulkId" } },
    externalId: { type: "string" },
    userName: { type: "string", minLength: 1 },
    name: {
      type: "object",
      properties: { formatted: { type: "string" }, givenName: { type: "string" }, familyName: { type: "string" } },
    },
    displayName: { type: "string" },
    active: { type: "boolean" },
    emails: multi({
      type: "object",
      required: ["value"],
      properties: {
        value: { type: "string" },
        type: { enum: ["work", "home", "other"] },
        primary: { type: "boolean" },
      },
    }),
    groups: multi(ref),
    meta: meta("User", true),
  },
};

export const GROUP = {
  type: "object",
  required: ["schemas", "id", "displayName", "meta"],
  properties: {
    schemas: { type: "array", contains: { const: "urn:ietf:params:scim:schemas:core:2.0:Group" } },
    id: { type: "string", minLength: 1 },
    displayName: { type: "string", minLength: 1 },
    members: multi(ref),
    meta: meta("Group", false),
  },
};

const list = (item: object) => ({
  type: "object",
  required: ["schemas", "totalResults", "Resources", "startIndex", "itemsPerPage"],
  properties: {
    schemas: { const: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"] },
    totalResults: { type: "integer", minimum: 0 },
    startIndex: { type: "integer", minimum: 1 },
    itemsPerPage: { type: "integer", minimum: 0 },
    Resources: multi(item),
  },
});

export const ERROR = {
  type: "object",
  required: ["schemas", "status"],
  properties: {
    schemas: { const: ["urn:ietf:params:scim:api:messages:2.0:Error"] },
    status: { type: "string", pattern: "^[1-5]\\d\\d$" },
    scimType: {
      enum: [
        "invalidFilter",
        "tooMany",
        "uniqueness",
        "mutability",
        "invalidSyntax",
        "invalidPath",
        "noTarget",
        "invalidValue",
        "invalidVers",
        "sensitive",
      ],
    },
    detail: { type: "string" },
  },
};

const compiled = {
  user: ajv.compile(USER),
  group: ajv.compile(GROUP),
  userList: ajv.compile(list(USER)),
  groupList: ajv.compile(list(GROUP)),
  error: ajv.compile(ERROR),
};

/** The errors of `value` against one of the schemas, as one line ("" when it conforms). */
export function scimSchemaErrors(kind: keyof typeof compiled, value: unknown): string {
  const v: ValidateFunction = compiled[kind];
  return v(value) ? "" : ajv.errorsText(v.errors);
}
