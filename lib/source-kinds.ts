/** The platforms an order source can be: each has its own trigger URL and signature scheme. */
export const sourceKinds = ["shopify", "woocommerce", "stripe", "square", "pos"] as const;
export type SourceKind = (typeof sourceKinds)[number];
