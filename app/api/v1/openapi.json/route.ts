// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it holds no data).
import { openApiDocument } from "@/lib/api/openapi";

let cached: string | null = null;

export function GET() {
  cached ??= JSON.stringify(openApiDocument(), null, 2);
  return new Response(cached, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
