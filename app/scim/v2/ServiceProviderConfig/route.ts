// GET /scim/v2/ServiceProviderConfig: the SCIM features the app supports (RFC 7644 §4).
import { scim } from "@/lib/api/scim";
import { serviceProviderConfig } from "@/lib/domain/scim/discovery";

export const GET = scim(async ({ base }) => ({ body: serviceProviderConfig(base) }));
