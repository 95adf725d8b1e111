-- Dashboard sign-in sessions, so a hub restart does not sign the supervisors and wall screens out.
-- Like every secret, the session id is stored only as its SHA-256 hash. A session belongs to the user
-- credential whose secret signed it in, and is only honoured while that credential is not revoked.
-- last_seen_ms is epoch milliseconds, so the idle sweep can compare it in SQL; the hub writes it at most
-- once a minute per session.
CREATE TABLE dashboard_session (
  id_hash       TEXT PRIMARY KEY,
  credential_id INTEGER NOT NULL REFERENCES credential (id),
  csrf          TEXT,
  created_at    TEXT NOT NULL,
  last_seen_ms  INTEGER NOT NULL
);
CREATE INDEX dashboard_session_credential ON dashboard_session (credential_id);
CREATE INDEX dashboard_session_last_seen ON dashboard_session (last_seen_ms);
