#!/usr/bin/env bash
# One database and one role per service (each service owns its database), plus Keycloak's.
# Runs once, when the postgres container initialises an empty data volume.
# The passwords come from the environment; compose.yaml's defaults are local demo ones only.
set -euo pipefail

create() {
  local name="$1" password="$2"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create appeal "$APPEAL_DB_PASSWORD"
create pledge "$PLEDGE_DB_PASSWORD"
create notification "$NOTIFICATION_DB_PASSWORD"
create keycloak "$KEYCLOAK_DB_PASSWORD"
