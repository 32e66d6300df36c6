import { posTriggerJsonSchema } from "@/server/sources/pos/pos-order-schema";

/** The JSON Schema of the body a POS or other gateway posts to a `pos` source's trigger URL. */
export function GET() {
  return Response.json(posTriggerJsonSchema(), { headers: { "cache-control": "public, max-age=3600" } });
}
