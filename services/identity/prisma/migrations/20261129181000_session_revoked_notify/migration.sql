-- Every session that ends (sign-out, password change or reset, administrator reset, any future
-- path) is announced at commit on the channel `elar_session_revoked`, payload the session id.
-- Identity relays the announcements to every gateway (GET /internal/session-revocations), which
-- drop their cached copy at once. NOTIFY is transactional: a rolled-back revocation says nothing.
-- Prisma's migration runner splits scripts at every semicolon, even inside a function body, so
-- the body's semicolons are written as the escape \073.
CREATE FUNCTION elar_notify_session_revoked() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN PERFORM pg_notify(''elar_session_revoked'', NEW.id)\073 RETURN NULL\073 END';

CREATE TRIGGER "Session_revoked_notify"
  AFTER UPDATE OF "revokedAt" ON "Session"
  FOR EACH ROW
  WHEN (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NOT NULL)
  EXECUTE FUNCTION elar_notify_session_revoked();
