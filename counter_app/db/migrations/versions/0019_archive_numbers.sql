-- Migration 0019: archive numbers (用户档案号) by the rule 属地-年度-序号.
--
-- The rule (procedure 001, 用户档案管理): one file per account, numbered by
-- locality, year and a sequence number, because the billing system's account
-- numbers are too long; the catalogue (档案目录台账) records beside each
-- number the system's account number and the cabinet (档案柜号). The locality
-- is the account's area (片区: the county's townships), the year the year the
-- account was opened (today's in Asia/Shanghai when unknown), the sequence
-- gapless per locality and year: a number is taken under the sequence row's
-- lock in the transaction that gives it to the account, so a rolled-back
-- assignment gives its number back. Numbers never change: an account that
-- has one (issued, or kept from the old system by an import) is refused.

ALTER TABLE accounts ADD COLUMN IF NOT EXISTS archive_no varchar(32);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS cabinet_no varchar(16) NOT NULL DEFAULT '';
-- 0001 made archive_no NOT NULL DEFAULT '' (never filled): "no number" is NULL
ALTER TABLE accounts ALTER COLUMN archive_no DROP NOT NULL;
ALTER TABLE accounts ALTER COLUMN archive_no DROP DEFAULT;
UPDATE accounts SET archive_no = NULL WHERE btrim(archive_no) = '';
CREATE UNIQUE INDEX IF NOT EXISTS uq_accounts_archive_no ON accounts (archive_no)
    WHERE archive_no IS NOT NULL;
GRANT SELECT (archive_no, cabinet_no) ON accounts TO counter_clerk;

CREATE TABLE archive_sequences (
    locality varchar(16) NOT NULL,
    year integer NOT NULL,
    next_no integer NOT NULL DEFAULT 1,
    CONSTRAINT pk_archive_sequences PRIMARY KEY (locality, year),
    CONSTRAINT ck_archive_sequences_year CHECK (year BETWEEN 1900 AND 2999),
    CONSTRAINT ck_archive_sequences_next_no CHECK (next_no >= 1)
);
REVOKE ALL ON archive_sequences FROM PUBLIC;

-- 03-2026-00001 (counter_app/domain/archive.py writes the same); a sequence
-- number beyond 99999 is written in full, never cut.
CREATE FUNCTION counter_archive_format(p_locality text, p_year integer, p_no integer)
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = public, pg_temp
RETURN p_locality || '-' || lpad(p_year::text, 4, '0') || '-'
       || CASE WHEN p_no < 100000 THEN lpad(p_no::text, 5, '0') ELSE p_no::text END;

-- The year an account's file is numbered under.
CREATE FUNCTION counter_archive_year(p_opened_on date) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
RETURN extract(year FROM coalesce(p_opened_on, (now() AT TIME ZONE 'Asia/Shanghai')::date))::int;

-- The next number of a locality and year, taken under the sequence row's
-- lock (held until the caller's transaction ends: two assignments at once
-- queue there, and a rollback gives the number back). A number already
-- held by an account (kept from the old system) is stepped over. Called by
-- the actions only, as the owner.
CREATE FUNCTION counter_archive_issue(p_locality text, p_year integer) RETURNS text
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_no integer;
    v_text text;
BEGIN
    INSERT INTO archive_sequences (locality, year) VALUES (p_locality, p_year)
        ON CONFLICT DO NOTHING;
    SELECT s.next_no INTO v_no FROM archive_sequences s
    WHERE s.locality = p_locality AND s.year = p_year FOR UPDATE;
    LOOP
        v_text := counter_archive_format(p_locality, p_year, v_no);
        EXIT WHEN NOT EXISTS (SELECT 1 FROM accounts a WHERE a.archive_no = v_text);
        v_no := v_no + 1;
    END LOOP;
    UPDATE archive_sequences SET next_no = v_no + 1
    WHERE locality = p_locality AND year = p_year;
    RETURN v_text;
END
$$;

-- A cabinet number as the actions keep it: trimmed, 1-16 characters, no
-- control characters.
CREATE FUNCTION counter_archive_cabinet(p_cabinet_no text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v text := btrim(coalesce(p_cabinet_no, ''));
BEGIN
    IF v = '' THEN
        PERFORM counter_fail('CT400', 'required', 'cabinet_no', 'a cabinet number is required');
    END IF;
    IF char_length(v) > 16 THEN
        PERFORM counter_fail('CT400', 'too_long', 'cabinet_no',
                             'a cabinet number has at most 16 characters');
    END IF;
    IF v ~ '[[:cntrl:]]' THEN
        PERFORM counter_fail('CT400', 'invalid', 'cabinet_no',
                             'a cabinet number has no control characters');
    END IF;
    RETURN v;
END
$$;

-- A supervisor numbers one account's file (and says where it is kept, or
-- not yet: p_cabinet_no NULL or blank keeps the cabinet as it is).
CREATE FUNCTION counter_assign_archive_no(
    p_account_id bigint, p_cabinet_no text, p_workstation text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_account accounts;
    v_cabinet text;
    v_year integer;
    v_no text;
BEGIN
    IF nullif(btrim(coalesce(p_cabinet_no, '')), '') IS NOT NULL THEN
        v_cabinet := counter_archive_cabinet(p_cabinet_no);
    END IF;
    SELECT * INTO v_account FROM accounts a WHERE a.id = p_account_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'account_id',
                             format('no account %s', p_account_id));
    END IF;
    IF v_account.archive_no IS NOT NULL THEN
        PERFORM counter_fail('CT409', 'already_numbered', 'archive_no', format(
            'account %s already has archive number %s; archive numbers are never changed',
            v_account.account_no, v_account.archive_no));
    END IF;
    v_year := counter_archive_year(v_account.opened_on);
    v_no := counter_archive_issue(v_account.area_code, v_year);
    v_cabinet := coalesce(v_cabinet, v_account.cabinet_no);
    UPDATE accounts SET archive_no = v_no, cabinet_no = v_cabinet, updated_at = now()
    WHERE id = v_account.id;
    PERFORM counter_audit(p_workstation, 'archive.assign', 'accounts', v_account.id::text,
                          jsonb_build_object('archive_no', v_no, 'cabinet_no', v_cabinet,
                                             'locality', v_account.area_code, 'year', v_year,
                                             'hall', v_me.hall_code));
    RETURN jsonb_build_object('account_id', v_account.id, 'account_no', v_account.account_no,
                              'archive_no', v_no, 'cabinet_no', v_cabinet);
END
$$;

-- A supervisor records or moves the cabinet an account's file is kept in.
CREATE FUNCTION counter_set_cabinet_no(
    p_account_id bigint, p_cabinet_no text, p_workstation text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_cabinet text := counter_archive_cabinet(p_cabinet_no);
    v_account accounts;
BEGIN
    SELECT * INTO v_account FROM accounts a WHERE a.id = p_account_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'account_id',
                             format('no account %s', p_account_id));
    END IF;
    IF v_account.cabinet_no IS DISTINCT FROM v_cabinet THEN
        UPDATE accounts SET cabinet_no = v_cabinet, updated_at = now() WHERE id = v_account.id;
        PERFORM counter_audit(p_workstation, 'archive.cabinet', 'accounts', v_account.id::text,
                              jsonb_build_object('archive_no', v_account.archive_no,
                                                 'from', v_account.cabinet_no, 'to', v_cabinet,
                                                 'hall', v_me.hall_code));
    END IF;
    RETURN jsonb_build_object('account_id', v_account.id, 'account_no', v_account.account_no,
                              'archive_no', v_account.archive_no, 'cabinet_no', v_cabinet,
                              'changed', v_account.cabinet_no IS DISTINCT FROM v_cabinet);
END
$$;

-- Every account without a number (of one locality, or all), numbered in a
-- stable order: by locality and year, in each by opening date, then account
-- number. Run again, it finds nothing left to number. Callers: the DBA, an
-- admin clerk (counter-admin archive assign), a batch login (an import
-- followed by the numbering). All account rows are locked before any
-- sequence row, as a single assignment locks its account before its
-- sequence, so the two never wait on each other in a circle; two runs queue.
-- The numbers of a locality and year are given in one statement (a go-live
-- numbers the whole town at once); a group where a number the sequence
-- would give is already held (kept from the old system) is numbered one by
-- one instead, stepping over the held numbers.
CREATE FUNCTION counter_assign_archive_numbers(p_workstation text, p_locality text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text;
    v_locality text := nullif(btrim(coalesce(p_locality, '')), '');
    r record;
    v_ids bigint[];
    v_no text;
    v_result jsonb;
BEGIN
    IF pg_has_role(session_user, 'counter_batch', 'MEMBER')
       AND NOT pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN
        v_caller := counter_batch_caller();
    ELSE
        PERFORM counter_admin_caller();
        v_caller := session_user;
    END IF;
    IF v_locality IS NOT NULL AND NOT EXISTS (SELECT 1 FROM areas WHERE code = v_locality) THEN
        PERFORM counter_fail('CT404', 'not_found', 'locality',
                             format('no area (locality) %s', v_locality));
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('counter_assign_archive_numbers'));
    PERFORM 1 FROM accounts a
    WHERE a.archive_no IS NULL AND (v_locality IS NULL OR a.area_code = v_locality)
    ORDER BY a.id FOR UPDATE;
    INSERT INTO archive_sequences (locality, year)
    SELECT DISTINCT a.area_code, counter_archive_year(a.opened_on) FROM accounts a
    WHERE a.archive_no IS NULL AND (v_locality IS NULL OR a.area_code = v_locality)
    ON CONFLICT DO NOTHING;
    PERFORM 1 FROM archive_sequences s
    WHERE EXISTS (SELECT 1 FROM accounts a
                  WHERE a.archive_no IS NULL AND a.area_code = s.locality
                    AND (v_locality IS NULL OR a.area_code = v_locality)
                    AND counter_archive_year(a.opened_on) = s.year)
    ORDER BY s.locality, s.year FOR UPDATE;
    -- the groups none of whose new numbers is held: one statement
    WITH todo AS (
        SELECT a.id, a.area_code AS locality, counter_archive_year(a.opened_on) AS year,
               row_number() OVER (PARTITION BY a.area_code, counter_archive_year(a.opened_on)
                                  ORDER BY a.opened_on NULLS LAST, a.account_no) AS rn
        FROM accounts a
        WHERE a.archive_no IS NULL AND (v_locality IS NULL OR a.area_code = v_locality)
    ), cand AS (
        SELECT t.id, t.locality, t.year,
               counter_archive_format(t.locality, t.year, (s.next_no + t.rn - 1)::int) AS no
        FROM todo t JOIN archive_sequences s ON s.locality = t.locality AND s.year = t.year
    ), held AS (
        SELECT DISTINCT c.locality, c.year FROM cand c JOIN accounts a ON a.archive_no = c.no
    ), upd AS (
        UPDATE accounts a SET archive_no = c.no, updated_at = now()
        FROM cand c
        WHERE a.id = c.id
          AND NOT EXISTS (SELECT 1 FROM held h WHERE h.locality = c.locality AND h.year = c.year)
        RETURNING a.id, c.locality, c.year
    ), seq AS (
        UPDATE archive_sequences s SET next_no = s.next_no + u.n
        FROM (SELECT locality, year, count(*) AS n FROM upd GROUP BY 1, 2) u
        WHERE s.locality = u.locality AND s.year = u.year
        RETURNING 1
    )
    SELECT coalesce(array_agg(upd.id), '{}') INTO v_ids FROM upd;
    -- the others one by one, in the same order
    FOR r IN
        SELECT a.id, a.area_code, counter_archive_year(a.opened_on) AS year
        FROM accounts a
        WHERE a.archive_no IS NULL AND (v_locality IS NULL OR a.area_code = v_locality)
        ORDER BY a.area_code, counter_archive_year(a.opened_on), a.opened_on NULLS LAST,
                 a.account_no
    LOOP
        v_no := counter_archive_issue(r.area_code, r.year);
        UPDATE accounts SET archive_no = v_no, updated_at = now() WHERE id = r.id;
        v_ids := v_ids || r.id;
    END LOOP;
    SELECT jsonb_build_object(
               'assigned', count(*),
               'first', (array_agg(o.archive_no ORDER BY o.area_code, o.year, o.opened_on
                                   NULLS LAST, o.account_no))[1],
               'last', (array_agg(o.archive_no ORDER BY o.area_code DESC, o.year DESC,
                                  o.opened_on DESC NULLS FIRST, o.account_no DESC))[1],
               'by_locality', coalesce((SELECT jsonb_object_agg(x.area_code, x.n)
                                        FROM (SELECT area_code, count(*) AS n FROM accounts
                                              WHERE id = ANY (v_ids) GROUP BY 1) x), '{}'))
    INTO v_result
    FROM (SELECT a.archive_no, a.area_code, counter_archive_year(a.opened_on) AS year,
                 a.opened_on, a.account_no
          FROM accounts a WHERE a.id = ANY (v_ids)) o;
    IF cardinality(v_ids) > 0 THEN
        PERFORM counter_audit(p_workstation, 'archive.assign_batch', 'accounts', '',
                              jsonb_build_object('assigned', cardinality(v_ids),
                                                 'locality', v_locality,
                                                 'by_locality', v_result -> 'by_locality',
                                                 'first', v_result -> 'first',
                                                 'last', v_result -> 'last',
                                                 'login', v_caller));
    END IF;
    RETURN v_result;
END
$$;

-- The archive catalogue (档案目录台账): every numbered account (of one
-- locality, or all) by archive number. For a supervisor and the DBA.
CREATE FUNCTION counter_archive_catalogue(p_locality text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_locality text := nullif(btrim(coalesce(p_locality, '')), '');
BEGIN
    IF NOT pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN
        PERFORM counter_caller('supervisor');
    END IF;
    RETURN jsonb_build_object(
        'locality', v_locality,
        'rows', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                     'archive_no', a.archive_no, 'account_no', a.account_no, 'name', a.name,
                     'address', a.address, 'cabinet_no', a.cabinet_no,
                     'opened_on', a.opened_on, 'locality', a.area_code)
                     ORDER BY a.archive_no), '[]'::jsonb)
                 FROM accounts a
                 WHERE a.archive_no IS NOT NULL
                   AND (v_locality IS NULL OR a.area_code = v_locality)));
END
$$;

-- The account page shows the file's number and cabinet: 0015's screen with
-- one key more ('archive'), the rest as it was.
CREATE OR REPLACE FUNCTION counter_account_screen(p_account_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN jsonb_build_object('view', counter_account_view(p_account_id),
                              'bills', counter_bills_json(p_account_id, NULL, NULL),
                              'payments', counter_payments_json(p_account_id, NULL, NULL),
                              'archive', (SELECT jsonb_build_object('archive_no', a.archive_no,
                                                                    'cabinet_no', a.cabinet_no)
                                          FROM accounts a WHERE a.id = p_account_id));
END
$$;

-- The search looks an archive number up (kind 'archive_no', exact, through
-- uq_accounts_archive_no; the values are the spellings: upper case and as
-- typed, a kept number may have either): 0015's probe with that one lookup
-- more.
CREATE OR REPLACE FUNCTION counter_search_probe(
    p_probe text, p_mode text, p_value text, p_values text[], p_n integer
) RETURNS bigint[]
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
    SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    v bigint[];
    v_head integer := coalesce(nullif(current_setting('counter.search_head_rows', true), ''),
                               '2000')::integer;
    v_max integer := coalesce(nullif(current_setting('counter.search_scan_max', true), ''),
                              '20000')::integer;
    v_rows integer := v_head;
    v_budget integer;
    v_grams text[];
BEGIN
    IF p_probe IN ('account_no', 'name', 'name_initials', 'name_pinyin') THEN
        IF p_mode = 'exact' THEN
            EXECUTE format('SELECT ARRAY(SELECT a.id FROM accounts a WHERE a.%I = $1 LIMIT $2)',
                           p_probe) INTO v USING p_value, p_n;
        ELSE
            EXECUTE format('SELECT ARRAY(SELECT a.id FROM accounts a '
                           'WHERE a.%1$I ~>~ $1 AND a.%1$I ~<~ $2 '
                           'ORDER BY a.%1$I USING ~<~ LIMIT $3)', p_probe)
                INTO v USING p_value, counter_next_string(p_value), p_n;
            RETURN v;
        END IF;
    ELSIF p_probe = 'meter_no' THEN
        IF p_mode = 'exact' THEN
            v := ARRAY(SELECT me.account_id FROM meters me WHERE me.meter_no = p_value LIMIT p_n);
        ELSE
            RETURN ARRAY(SELECT me.account_id FROM meters me
                         WHERE me.meter_no ~>~ p_value
                           AND me.meter_no ~<~ counter_next_string(p_value)
                         ORDER BY me.meter_no USING ~<~ LIMIT p_n);
        END IF;
    ELSIF p_probe IN ('mobile', 'landline', 'id_number') THEN
        v := ARRAY(SELECT DISTINCT f.id FROM unnest(p_values) AS x(value)
                   CROSS JOIN LATERAL counter_find_accounts(p_probe, x.value) AS f(id)
                   LIMIT p_n);
    ELSIF p_probe = 'archive_no' THEN
        v := ARRAY(SELECT a.id FROM accounts a
                   WHERE a.archive_no = ANY (array_append(p_values, p_value)) LIMIT p_n);
    ELSIF p_probe = 'mobile_tail' THEN
        v := ARRAY(SELECT a.id FROM accounts a WHERE right(a.mobile_masked, 4) = p_value
                   LIMIT p_n);
    ELSIF p_probe = 'id_tail' THEN
        v := ARRAY(SELECT a.id FROM accounts a
                   WHERE reverse(a.id_tail) ~>=~ reverse(p_value)
                     AND reverse(a.id_tail) ~<~ counter_next_string(reverse(p_value))
                   LIMIT p_n);
    ELSIF p_probe IN ('name_head', 'place_head') THEN
        LOOP
            IF p_probe = 'name_head' THEN
                v := ARRAY(SELECT s.id FROM (SELECT a.id, a.name FROM accounts a
                                             ORDER BY a.id LIMIT v_rows) AS s
                           WHERE strpos(s.name, p_value) > 1 LIMIT p_n);
            ELSE
                v := ARRAY(SELECT s.id FROM (SELECT a.id, a.address, a.meter_location
                                             FROM accounts a ORDER BY a.id LIMIT v_rows) AS s
                           WHERE strpos(s.address, p_value) > 0
                              OR strpos(s.meter_location, p_value) > 0 LIMIT p_n);
            END IF;
            EXIT WHEN v_rows > v_head OR cardinality(v) = 0 OR cardinality(v) >= p_n;
            -- the rate in the head says how far the scan must go (25 % margin)
            v_budget := ceil(p_n::numeric * v_rows * 5 / (cardinality(v) * 4));
            EXIT WHEN v_budget <= v_rows OR v_budget > v_max;
            v_rows := v_budget;
        END LOOP;
    ELSIF p_probe = 'name_grams' THEN
        v_grams := counter_cover_grams(p_value, 2);
        v := ARRAY(SELECT a.id FROM accounts a
                   WHERE counter_grams(a.name) @> v_grams AND strpos(a.name, p_value) > 1
                   LIMIT p_n);
    ELSIF p_probe = 'place_grams' THEN
        v_grams := counter_cover_grams(p_value, 3);
        v := ARRAY(SELECT a.id FROM accounts a
                   WHERE counter_grams(a.address, a.meter_location) @> v_grams
                     AND (strpos(a.address, p_value) > 0 OR strpos(a.meter_location, p_value) > 0)
                   LIMIT p_n);
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'CT400', MESSAGE = 'kind', DETAIL = 'terms',
            HINT = format('unknown search lookup %s', p_probe);
    END IF;
    RETURN ARRAY(SELECT x FROM unnest(v) AS x ORDER BY x);
END
$$;

REVOKE ALL ON FUNCTION counter_archive_format(text, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_archive_year(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_archive_issue(text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_archive_cabinet(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_assign_archive_no(bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_set_cabinet_no(bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_assign_archive_numbers(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_archive_catalogue(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_assign_archive_no(bigint, text, text) TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_set_cabinet_no(bigint, text, text) TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_assign_archive_numbers(text, text)
    TO counter_admin, counter_batch;
GRANT EXECUTE ON FUNCTION counter_archive_catalogue(text) TO counter_supervisor;
