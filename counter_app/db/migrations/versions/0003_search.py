"""Customer search: indexes, grams function, number lookup and audited reveal

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The plain column indexes declared in db/models (with the pattern operator
classes, so ``LIKE 'prefix%'`` uses them under the C.UTF-8 collation, and an
``ORDER BY col USING ~<~`` walks them), and for the search service (see
services/accounts/search.py):

* ``counter_grams(text)``: the distinct 1- and 2-character substrings of a
  text; ``counter_grams(text, text)``: the 1-, 2- and 3-character substrings
  of both texts. GIN indexes over ``counter_grams(name)`` and
  ``counter_grams(address, meter_location)`` answer "contains" for any
  fragment length, including the 1- and 2-character name fragments trigrams
  alone cannot serve: a longer fragment is looked up as the containment of
  bigrams (names) or trigrams (places) covering it, then rechecked.
* ``right(mobile_masked, 4)`` for mobile tails and ``reverse(id_tail)``
  (text_pattern_ops) for ID number tails of 4 to 6 characters.
* ``counter_find_accounts(kind, value)``: SECURITY DEFINER, exact lookup of
  a full mobile, fixed line or ID number for roles that cannot read those
  columns. Only exact, well-formed values; never a pattern.
* ``counter_reveal(account_id, field, workstation, app_clerk)``: SECURITY
  DEFINER, returns one raw personal-data value to members of
  counter_supervisor (so also counter_admin) and writes the audit event in
  the caller's transaction; anyone else gets insufficient_privilege.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (name, table, column, operator class or None)
PLAIN_INDEXES = (
    ("ix_accounts_account_no_pattern", "accounts", "account_no", "varchar_pattern_ops"),
    ("ix_accounts_name", "accounts", "name", "varchar_pattern_ops"),
    ("ix_accounts_name_initials", "accounts", "name_initials", "varchar_pattern_ops"),
    ("ix_accounts_name_pinyin", "accounts", "name_pinyin", "varchar_pattern_ops"),
    ("ix_accounts_mobile", "accounts", "mobile", None),
    ("ix_accounts_landline", "accounts", "landline", None),
    ("ix_accounts_id_number", "accounts", "id_number", None),
    ("ix_meters_meter_no_pattern", "meters", "meter_no", "varchar_pattern_ops"),
)

PG_EXPRESSION_INDEXES = (
    "CREATE INDEX ix_accounts_name_grams ON accounts USING gin (counter_grams(name))",
    "CREATE INDEX ix_accounts_place_grams ON accounts "
    "USING gin (counter_grams(address, meter_location))",
    "CREATE INDEX ix_accounts_mobile_tail ON accounts (right(mobile_masked, 4))",
    "CREATE INDEX ix_accounts_id_tail_reversed ON accounts (reverse(id_tail) text_pattern_ops)",
)

GRAMS_FUNCTIONS = (
    # SQL-standard bodies are parsed now: no search_path lookup at call time,
    # which an index expression needs.
    """
    CREATE FUNCTION counter_grams(s text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT substr(s, i, n)
        FROM generate_series(1, char_length(s)) AS i, (VALUES (1), (2)) AS g(n)
        WHERE i + n - 1 <= char_length(s)
    )
    """,
    """
    CREATE FUNCTION counter_trigrams(s text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT substr(s, i, 3) FROM generate_series(1, char_length(s) - 2) AS i
    )
    """,
    # Addresses and meter locations are formulaic (号楼, 单元, 楼道井 in most
    # rows): their bigrams are all common, so they get trigrams as well,
    # which keep the GIN posting lists of a fragment like 7号楼3单元 short.
    """
    CREATE FUNCTION counter_grams(a text, b text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN counter_grams(a) || counter_grams(b) || counter_trigrams(a) || counter_trigrams(b)
    """,
)

FIND_FUNCTION = r"""
CREATE FUNCTION counter_find_accounts(kind text, value text) RETURNS SETOF bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 5
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF value IS NULL THEN
        RETURN;
    END IF;
    IF kind = 'mobile' THEN
        IF value ~ '^1[3-9][0-9]{9}$' THEN
            RETURN QUERY SELECT a.id FROM accounts a WHERE a.mobile = value;
        END IF;
    ELSIF kind = 'id_number' THEN
        IF upper(value) ~ '^([0-9]{17}[0-9X]|[0-9]{15})$' THEN
            RETURN QUERY SELECT a.id FROM accounts a
                WHERE a.id_number IN (upper(value), lower(value));
        END IF;
    ELSIF kind = 'landline' THEN
        IF value ~ '^(0[0-9]{2,3}-?)?[2-9][0-9]{6,7}$' THEN
            RETURN QUERY SELECT a.id FROM accounts a WHERE a.landline = value;
        END IF;
    ELSE
        RAISE EXCEPTION 'counter_find_accounts: unknown kind %', kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$
"""

REVEAL_FUNCTION = r"""
CREATE FUNCTION counter_reveal(
    p_account_id bigint, p_field text, p_workstation text, p_app_clerk text DEFAULT ''
) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_value text;
BEGIN
    IF NOT pg_has_role(session_user, 'counter_supervisor', 'MEMBER') THEN
        RAISE EXCEPTION 'revealing personal data needs the counter_supervisor role'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_field = 'id_number' THEN
        SELECT a.id_number INTO v_value FROM accounts a WHERE a.id = p_account_id;
    ELSIF p_field = 'mobile' THEN
        SELECT a.mobile INTO v_value FROM accounts a WHERE a.id = p_account_id;
    ELSIF p_field = 'landline' THEN
        SELECT a.landline INTO v_value FROM accounts a WHERE a.id = p_account_id;
    ELSE
        RAISE EXCEPTION 'counter_reveal: unknown field %', p_field
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'counter_reveal: no account %', p_account_id
            USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO audit_events (at, clerk, workstation, action, entity, entity_id, details)
    VALUES (
        now(), session_user, coalesce(p_workstation, ''), 'account.reveal', 'account',
        p_account_id::text,
        jsonb_build_object('field', p_field, 'app_clerk', coalesce(p_app_clerk, ''))::text
    );
    RETURN coalesce(v_value, '');
END
$$
"""

FIND_SIGNATURE = "counter_find_accounts(text, text)"
REVEAL_SIGNATURE = "counter_reveal(bigint, text, text, text)"


def upgrade() -> None:
    for name, table, column, opclass in PLAIN_INDEXES:
        spec = f"{column} {opclass}" if opclass else column
        op.execute(f"CREATE INDEX {name} ON {table} ({spec})")
    ex = op.execute
    for ddl in GRAMS_FUNCTIONS:
        ex(ddl)
    ex("SET LOCAL maintenance_work_mem = '256MB'")  # GIN builds on a full database
    for ddl in PG_EXPRESSION_INDEXES:
        ex(ddl)
    ex(FIND_FUNCTION)
    ex(REVEAL_FUNCTION)
    for signature in (FIND_SIGNATURE, REVEAL_SIGNATURE):
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        # counter_reveal checks counter_supervisor membership itself, so that
        # a clerk's attempt is refused by the function, not by a missing grant
        ex(f"GRANT EXECUTE ON FUNCTION {signature} TO counter_clerk")
    # statistics for the expression indexes (cheap on an empty table)
    ex("ANALYZE accounts, meters")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION IF EXISTS {REVEAL_SIGNATURE}")
    op.execute(f"DROP FUNCTION IF EXISTS {FIND_SIGNATURE}")
    for ddl in PG_EXPRESSION_INDEXES:
        name = ddl.split()[2]
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DROP FUNCTION IF EXISTS counter_grams(text, text)")
    op.execute("DROP FUNCTION IF EXISTS counter_trigrams(text)")
    op.execute("DROP FUNCTION IF EXISTS counter_grams(text)")
    for name, *_ in PLAIN_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
