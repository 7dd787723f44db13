// What the service provider says about itself (RFC 7644 §4, RFC 7643 §5–7): the features an
// identity provider may use, the two resource types, and their schemas as far as the app keeps
// them. Pure; the routes add the base URL.
import { GROUP_SCHEMA, SCIM_MAX_RESULTS, USER_SCHEMA } from "./resources";

export const SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
export const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
export const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SPC_SCHEMA],
    documentationUri: `${base}/scim/v2/Schemas`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM token made by an admin on the app's SCIM page (Authorization: Bearer scim_…).",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/scim/v2/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  const type = (id: "User" | "Group", endpoint: string, schema: string) => ({
    schemas: [RESOURCE_TYPE_SCHEMA],
    id,
    name: id,
    endpoint,
    schema,
    meta: { resourceType: "ResourceType", location: `${base}/scim/v2/ResourceTypes/${id}` },
  });
  return [type("User", "/Users", USER_SCHEMA), type("Group", "/Groups", GROUP_SCHEMA)];
}

type Attr = {
  name: string;
  type: "string" | "boolean" | "complex" | "reference" | "dateTime";
  multiValued?: boolean;
  required?: boolean;
  mutability?: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  uniqueness?: "none" | "server" | "global";
  caseExact?: boolean;
  description: string;
  subAttributes?: Attr[];
  referenceTypes?: string[];
};

/** The RFC's defaults made explicit, as RFC 7643 §7 lists every characteristic. */
const a = (x: Attr): Record<string, unknown> => ({
  name: x.name,
  type: x.type,
  multiValued: x.multiValued ?? false,
  description: x.description,
  required: x.required ?? false,
  caseExact: x.caseExact ?? false,
  mutability: x.mutability ?? "readWrite",
  returned: "default",
  uniqueness: x.uniqueness ?? "none",
  ...(x.referenceTypes ? { referenceTypes: x.referenceTypes } : {}),
  ...(x.subAttributes ? { subAttributes: x.subAttributes.map(a) } : {}),
});

const USER_ATTRS: Attr[] = [
  {
    name: "userName",
    type: "string",
    required: true,
    uniqueness: "server",
    description: "The person's e-mail address; sign-in matches on it.",
  },
  {
    name: "name",
    type: "complex",
    description: "The person's name; the app keeps one text (formatted).",
    subAttributes: [
      { name: "formatted", type: "string", description: "The full name." },
      { name: "givenName", type: "string", description: "Used for the name when formatted is absent." },
      { name: "familyName", type: "string", description: "Used for the name when formatted is absent." },
    ],
  },
  { name: "displayName", type: "string", description: "Used for the name when name is absent." },
  { name: "active", type: "boolean", description: "false deactivates the account and ends its sessions." },
  {
    name: "emails",
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    description: "The one work e-mail, the userName.",
    subAttributes: [
      { name: "value", type: "string", description: "The address." },
      { name: "type", type: "string", description: "Always work." },
      { name: "primary", type: "boolean", description: "Always true." },
    ],
  },
  {
    name: "groups",
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    description: "The app roles the person holds, as groups.",
    subAttributes: [
      { name: "value", type: "string", mutability: "readOnly", description: "The group's id (the role)." },
      { name: "display", type: "string", mutability: "readOnly", description: "The group's name." },
      {
        name: "$ref",
        type: "reference",
        referenceTypes: ["Group"],
        mutability: "readOnly",
        description: "The group's URI.",
      },
    ],
  },
];

const GROUP_ATTRS: Attr[] = [
  {
    name: "displayName",
    type: "string",
    required: true,
    uniqueness: "server",
    description: "The name configured for the app role.",
  },
  {
    name: "members",
    type: "complex",
    multiValued: true,
    description: "The people holding the role; adding one grants it, removing one revokes it.",
    subAttributes: [
      { name: "value", type: "string", mutability: "immutable", description: "The user's id." },
      { name: "display", type: "string", mutability: "readOnly", description: "The user's name." },
      {
        name: "$ref",
        type: "reference",
        referenceTypes: ["User"],
        mutability: "immutable",
        description: "The user's URI.",
      },
    ],
  },
];

export function schemas(base: string) {
  const schema = (id: string, name: string, attrs: Attr[]) => ({
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description: `${name} as this app keeps it`,
    attributes: attrs.map(a),
    meta: { resourceType: "Schema", location: `${base}/scim/v2/Schemas/${id}` },
  });
  return [schema(USER_SCHEMA, "User", USER_ATTRS), schema(GROUP_SCHEMA, "Group", GROUP_ATTRS)];
}
