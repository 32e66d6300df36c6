import type { SourceKind } from "@/db/schema";
import { posSource } from "./pos";
import { shopifySource } from "./shopify";
import type { SourceAdapter } from "./source-adapter";
import { squareSource } from "./square";
import { stripeSource } from "./stripe";
import { woocommerceSource } from "./woocommerce";

/**
 * One line per platform. A Record over SourceKind, so a kind without an adapter does not compile. Each
 * adapter is typed with its own secrets; here they are seen through the common interface.
 */
export const sourceAdapters: Record<SourceKind, SourceAdapter> = {
  shopify: shopifySource as unknown as SourceAdapter,
  woocommerce: woocommerceSource as unknown as SourceAdapter,
  stripe: stripeSource as unknown as SourceAdapter,
  square: squareSource as unknown as SourceAdapter,
  pos: posSource as unknown as SourceAdapter,
};

export function adapterFor(kind: SourceKind): SourceAdapter {
  return sourceAdapters[kind];
}
