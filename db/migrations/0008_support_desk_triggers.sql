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
--> statement-breakpoint
-- A message is superseded when a later one takes its place: a staff resend of it, or the next channel of
-- its flow step's fallback chain. Marked on insert, so "failed and not superseded" (the Needs attention
-- queue, through the partial index notifications_failed_idx) needs no search for successors.
CREATE OR REPLACE FUNCTION orderbell_mark_superseded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.resend_of_id IS NOT NULL THEN
    UPDATE notifications SET superseded_at = NEW.created_at WHERE id = NEW.resend_of_id AND superseded_at IS NULL;
  END IF;
  IF NEW.origin = 'flow' AND NEW.fallback_index > 0 AND NEW.flow_step_id IS NOT NULL THEN
    UPDATE notifications SET superseded_at = NEW.created_at
     WHERE order_id = NEW.order_id AND flow_step_id = NEW.flow_step_id AND fallback_index < NEW.fallback_index
       AND id <> NEW.id AND superseded_at IS NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_mark_superseded AFTER INSERT ON notifications
  FOR EACH ROW WHEN (NEW.resend_of_id IS NOT NULL OR (NEW.origin = 'flow' AND NEW.fallback_index > 0))
  EXECUTE FUNCTION orderbell_mark_superseded();
--> statement-breakpoint
UPDATE notifications n SET superseded_at = later.created_at
  FROM notifications later
 WHERE later.resend_of_id = n.id AND n.superseded_at IS NULL;
--> statement-breakpoint
UPDATE notifications n SET superseded_at = later.created_at
  FROM notifications later
 WHERE later.order_id = n.order_id AND later.flow_step_id = n.flow_step_id AND later.origin = 'flow'
   AND later.fallback_index > n.fallback_index AND n.superseded_at IS NULL;
