import { currencyFractionDigits } from "@/lib/format";
import type { OutboundMessage } from "../channel-provider";
import { errorsOf } from "./salesforce-api";

export const DEFAULT_ORDER_OBJECT = "Orderbell_Order__c";
export const DEFAULT_EXTERNAL_ID_FIELD = "Orderbell_Key__c";

/**
 * The fields Orderbell sets on the order record, so the store's record-triggered Flow can email the customer
 * (it can use our rendered subject and body, or its own template with these fields). The object needs them
 * all, with these API names; Name must be a Text name field (not Auto Number).
 *
 * | field | type |
 * |---|---|
 * | Name | Text name field: "Order #1001" |
 * | Order_Number__c | Text(40) |
 * | Customer_Email__c | Email |
 * | Customer_Name__c | Text(255) |
 * | Customer_Phone__c | Phone |
 * | Order_Total__c | Number(16, 2): the total in major units (158.57) |
 * | Currency_Code__c | Text(3) |
 * | Receipt_URL__c | URL |
 * | Delivery_Estimate__c | Text(80) |
 * | Placed_At__c | Date/Time |
 * | Items__c | Long Text Area: one line per item |
 * | Email_Subject__c | Text(255) |
 * | Email_Body__c | Long Text Area (131072): the rendered HTML, or the text |
 * | Orderbell_Key__c (configurable) | Text(255), Unique, External ID: Orderbell's idempotency key |
 */
export function orderRecordFields(message: OutboundMessage, externalIdField: string): Record<string, string | number> {
  const { order } = message;
  const digits = currencyFractionDigits(order.currency);
  const fields: Record<string, string | number | null> = {
    Name: `Order ${order.number}`.slice(0, 80),
    Order_Number__c: order.number,
    Customer_Email__c: message.to,
    Customer_Name__c: order.customer.name,
    Customer_Phone__c: order.customer.phone,
    Order_Total__c: order.total / 10 ** digits,
    Currency_Code__c: order.currency,
    Receipt_URL__c: order.receiptUrl,
    Delivery_Estimate__c: message.variables["order.delivery_estimate"] ?? order.deliveryEstimate,
    Placed_At__c: order.placedAt,
    Items__c: order.items
      .map((item) => `${item.quantity} × ${item.name}${item.variant ? ` (${item.variant})` : ""}${item.sku ? ` [${item.sku}]` : ""} — ${(item.lineTotal / 10 ** digits).toFixed(digits)} ${order.currency}`)
      .join("\n"),
    Email_Subject__c: message.subject,
    Email_Body__c: message.html ?? message.text,
    [externalIdField]: message.idempotencyKey,
  };
  // Absent values are left out rather than sent as null, which would fail on required fields with a less clear error.
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined));
}

/**
 * DUPLICATE_VALUE on our external id means a record for this very send already exists: an earlier attempt
 * created it and its answer was lost. That is a success, and Salesforce names the record in the message
 * ("duplicate value found: Orderbell_Key__c duplicates value on record with id: a01…").
 */
export function existingRecordId(body: unknown, externalIdField: string): string | null | undefined {
  const duplicate = errorsOf(body).find(
    (error) => error.errorCode === "DUPLICATE_VALUE" && ((error.fields ?? []).includes(externalIdField) || (error.message ?? "").includes(externalIdField)),
  );
  if (!duplicate) return undefined;
  return /record with id: ([a-zA-Z0-9]{15,18})/.exec(duplicate.message ?? "")?.[1] ?? null;
}
