/** Order statuses and hold-back flags. Pure data: shared by the schema, the server and the browser. */
export const orderStatuses = ["awaiting_payment", "paid", "cancelled", "refunded"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Reasons an order is held back: nothing is sent while any flag is set. */
export const orderFlags = ["needs_contact", "awaiting_payment", "totals_mismatch"] as const;
export type OrderFlag = (typeof orderFlags)[number];
