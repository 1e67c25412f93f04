-- Schema 3: acknowledgements of alerts, kept locally (separate from Alertmanager silences).

CREATE TABLE alert_acks (
    id              INTEGER PRIMARY KEY,
    identity        TEXT NOT NULL UNIQUE,
    note            TEXT NOT NULL DEFAULT '',
    author          TEXT NOT NULL DEFAULT '',
    acknowledged_at TEXT NOT NULL
);
