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
