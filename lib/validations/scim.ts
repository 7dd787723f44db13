// The admin's form for a SCIM token (docs/decisions/072), shared by the form and the route handler.
import { z } from "zod";
import { textField } from "./fields";

export const scimTokenCreateSchema = z.object({
  name: textField().trim().min(3, "Name the token after the identity provider (at least 3 characters)").max(100),
});
export type ScimTokenCreateInput = z.input<typeof scimTokenCreateSchema>;
