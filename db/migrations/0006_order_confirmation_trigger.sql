-- orders.confirmation and orders.first_sent_at summarise an order's customer messages (tickets excluded),
-- so the orders list can filter on what the customer got, and the overview can read payment-to-first-send
-- latency, through indexes instead of aggregating notifications per order. Every writer of notifications
-- (planning, dispatch, status callbacks, fallbacks, resends, cancellations) goes through these triggers.
CREATE OR REPLACE FUNCTION orderbell_order_confirmation(p_order_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN bool_or(n.status = 'delivered') THEN 'delivered'
    WHEN bool_or(n.status = 'sent') THEN 'sent'
    WHEN bool_or(n.status IN ('pending', 'sending')) THEN 'pending'
    WHEN bool_or(n.status = 'failed') THEN 'failed'
    ELSE 'none'
  END
  FROM notifications n
  WHERE n.order_id = p_order_id AND n.audience = 'customer' AND n.origin <> 'ticket'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION orderbell_sync_order_confirmation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  state text := orderbell_order_confirmation(NEW.order_id);
  went_out timestamptz := CASE WHEN NEW.status IN ('sent', 'delivered') THEN coalesce(NEW.sent_at, now()) END;
BEGIN
  -- Only a real change writes the order row: a second message of an order already "sent" costs a read.
  UPDATE orders o
     SET confirmation = state,
         first_sent_at = CASE WHEN went_out IS NOT NULL AND (o.first_sent_at IS NULL OR went_out < o.first_sent_at) THEN went_out ELSE o.first_sent_at END
   WHERE o.id = NEW.order_id
     AND (o.confirmation IS DISTINCT FROM state OR (went_out IS NOT NULL AND (o.first_sent_at IS NULL OR went_out < o.first_sent_at)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_confirmation_on_insert AFTER INSERT ON notifications
  FOR EACH ROW WHEN (NEW.audience = 'customer' AND NEW.origin <> 'ticket')
  EXECUTE FUNCTION orderbell_sync_order_confirmation();
--> statement-breakpoint
-- A claim (pending → sending) and its release change nothing the list shows: those updates skip the trigger.
CREATE TRIGGER notifications_confirmation_on_status AFTER UPDATE OF status ON notifications
  FOR EACH ROW WHEN (
    NEW.audience = 'customer' AND NEW.origin <> 'ticket' AND OLD.status IS DISTINCT FROM NEW.status
    AND NOT (OLD.status IN ('pending', 'sending') AND NEW.status IN ('pending', 'sending'))
  )
  EXECUTE FUNCTION orderbell_sync_order_confirmation();
--> statement-breakpoint
UPDATE orders o
   SET confirmation = orderbell_order_confirmation(o.id),
       first_sent_at = (SELECT min(n.sent_at) FROM notifications n
                         WHERE n.order_id = o.id AND n.audience = 'customer' AND n.status IN ('sent', 'delivered'));
