/** Order statuses and hold-back flags. Pure data: shared by the schema, the server and the browser. */
export const orderStatuses = ["awaiting_payment", "paid", "cancelled", "refunded"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Reasons an order is held back: nothing is sent while any flag is set. */
export const orderFlags = ["needs_contact", "awaiting_payment", "totals_mismatch"] as const;
export type OrderFlag = (typeof orderFlags)[number];

/**
 * What the customer got for an order, across its customer messages, best first: delivered (a provider
 * confirmed delivery), sent (accepted by a provider), pending (queued or retrying), failed (failed for good,
 * nothing went out), none (nothing planned). Held orders are told by their flags.
 */
export const confirmationStates = ["delivered", "sent", "pending", "failed", "none"] as const;
export type ConfirmationState = (typeof confirmationStates)[number];
