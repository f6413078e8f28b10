-- Hardening the shared database (migration 0025).
--
-- 1. One installation cannot reach another: the callers also require
--    membership in this database's installation role (db/installation.py).
-- 2. The DBA is recognised without a standing membership of counter_owner.
-- 3. The exact-number lookup is not an oracle: one number per call, audited,
--    rate-limited per clerk with counters that survive a rolled-back
--    statement (sequences); ID tails are 4 characters.
-- 4. complaints.contact is masked for the clerks (contact_masked); the raw
--    value only through the audited two-step reveal.
-- 5. Complaint dates in a sensible window.

-- ------------------------------------------------------------ installation

-- 'counter_i_' and 12 hex digits of md5(the database name), as
-- counter_app.db.installation.installation_role() computes it.
CREATE FUNCTION counter_installation_role() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = public, pg_temp
RETURN 'counter_i_' || left(md5(current_database()), 12);

CREATE FUNCTION counter_in_installation(p_login name) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
-- a superuser can do anything anyway (and a copied database has no role yet)
RETURN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolsuper)
       OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = counter_installation_role())
           AND pg_has_role(p_login, counter_installation_role(), 'MEMBER'));

CREATE OR REPLACE FUNCTION counter_caller(p_min_role text DEFAULT 'clerk')
    RETURNS clerks
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v clerks;
    v_rank int;
    v_need int := array_position(ARRAY['clerk', 'supervisor', 'admin'], p_min_role);
BEGIN
    SELECT * INTO v FROM clerks WHERE username = session_user;
    IF NOT FOUND OR NOT v.active THEN
        PERFORM counter_fail('CT403', 'not_a_clerk', '',
                             format('%s is not an active clerk of this database', session_user));
    END IF;
    IF NOT counter_in_installation(session_user) THEN
        PERFORM counter_fail('CT403', 'installation', '',
                             format('%s is not a login of this installation (%s)', session_user,
                                    counter_installation_role()));
    END IF;
    v_rank := array_position(ARRAY['clerk', 'supervisor', 'admin'], v.role);
    IF v_need IS NULL OR v_rank < v_need
       OR NOT pg_has_role(session_user, 'counter_' || p_min_role, 'MEMBER') THEN
        PERFORM counter_fail('CT403', 'role', '',
                             format('this needs a %s; %s is a %s', p_min_role, v.username, v.role));
    END IF;
    RETURN v;
END
$$;

CREATE OR REPLACE FUNCTION counter_batch_caller() RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'counter_batch', 'MEMBER') THEN
        PERFORM counter_fail('CT403', 'role', '',
                             format('this needs the batch role; %s is not in counter_batch',
                                    session_user));
    END IF;
    IF NOT counter_in_installation(session_user) THEN
        PERFORM counter_fail('CT403', 'installation', '',
                             format('%s is not a login of this installation (%s)', session_user,
                                    counter_installation_role()));
    END IF;
    RETURN session_user;
END
$$;

-- The DBA (NULL) or an admin clerk (their clerks.id). The DBA has no
-- standing membership of counter_owner any more (migrate revokes it): it is
-- a member of counter_dba (granted by migrate to whoever runs it: EXECUTE on
-- counter_create_hall and counter_save_clerk, nothing else) or a superuser.
CREATE OR REPLACE FUNCTION counter_admin_caller() RETURNS bigint
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF pg_has_role(session_user, 'counter_dba', 'MEMBER')
       OR pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN
        RETURN NULL;
    END IF;
    RETURN (counter_caller('admin')).id;
END
$$;

-- ------------------------------------------------------- number lookups

-- Per clerk, two sequences (nextval and setval are not rolled back, so a
-- statement that fails on purpose still uses up its lookups):
--   counter_lookups_<clerk id>:  minute * 1,000,000 + lookups in that minute
--   counter_refusals_<clerk id>: refusals ever (a supervisor's flag)
-- made when the clerk's row is inserted.
CREATE FUNCTION counter_lookup_sequences() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 0',
                   'counter_lookups_' || NEW.id);
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 1',
                   'counter_refusals_' || NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER clerks_lookup_sequences AFTER INSERT ON clerks
    FOR EACH ROW EXECUTE FUNCTION counter_lookup_sequences();
DO $$
DECLARE
    v bigint;
BEGIN
    FOR v IN SELECT id FROM clerks LOOP
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 0',
                       'counter_lookups_' || v);
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 1',
                       'counter_refusals_' || v);
    END LOOP;
END
$$;

-- Lookups of full numbers a clerk may make per minute.
CREATE FUNCTION counter_lookup_limit() RETURNS integer
    LANGUAGE sql IMMUTABLE
RETURN 30;

-- Is p_values (at most 3) the spellings of ONE number of p_kind? Mobile: one
-- value; ID: one value in upper and lower case; fixed line: the same digits
-- with and without the area code and its dash.
CREATE FUNCTION counter_one_number(p_kind text, p_values text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = public, pg_temp
RETURN coalesce(cardinality(p_values), 0) BETWEEN 1 AND 3
   AND NOT EXISTS (SELECT 1 FROM unnest(p_values) x WHERE x IS NULL OR x = '')
   AND CASE p_kind
       WHEN 'mobile' THEN cardinality(p_values) = 1
       -- an 18-character number and its 15-digit form are one number
       WHEN 'id_number' THEN (SELECT count(DISTINCT CASE char_length(x)
                                  WHEN 18 THEN left(x, 6) || substr(x, 9, 9) ELSE x END)
                              FROM unnest(p_values) x) = 1
       WHEN 'landline' THEN NOT EXISTS (
           SELECT 1 FROM unnest(p_values) x, unnest(p_values) y
           WHERE char_length(replace(x, '-', '')) < 7
              OR right(replace(y, '-', ''), char_length(replace(x, '-', '')))
                 <> replace(x, '-', '')
                 AND right(replace(x, '-', ''), char_length(replace(y, '-', '')))
                 <> replace(y, '-', ''))
       ELSE false END;

-- The accounts with this one full mobile, fixed line or ID number: counted
-- against the clerk's quota first (CT429 rate_limit beyond it, counted as a
-- refusal for the supervisors' list), then looked up and audited
-- (account.lookup, with the masked number and how many accounts matched).
CREATE FUNCTION counter_find_number(p_kind text, p_values text[], p_workstation text DEFAULT '')
    RETURNS bigint[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks;
    v_minute bigint := floor(extract(epoch FROM clock_timestamp()) / 60);
    v_n bigint;
    v_ids bigint[];
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('mobile', 'landline', 'id_number') THEN
        PERFORM counter_fail('CT400', 'kind', 'kind', 'mobile, landline or id_number');
    END IF;
    IF NOT counter_one_number(p_kind, p_values) THEN
        PERFORM counter_fail('CT400', 'one_value', 'values',
                             'one number per lookup (its spellings only)');
    END IF;
    IF NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
        v_me := counter_caller('clerk');
        IF to_regclass('counter_lookups_' || v_me.id) IS NULL THEN
            PERFORM counter_fail('CT403', 'no_quota', '',
                                 'no lookup quota for this clerk; run counter-admin migrate');
        END IF;
        -- the clerk's row lock serialises the clerk's own lookups
        PERFORM 1 FROM clerks WHERE id = v_me.id FOR NO KEY UPDATE;
        v_n := nextval('counter_lookups_' || v_me.id);
        IF v_n / 1000000 <> v_minute THEN
            v_n := setval('counter_lookups_' || v_me.id, v_minute * 1000000 + 1);
        END IF;
        IF v_n % 1000000 > counter_lookup_limit() THEN
            PERFORM nextval('counter_refusals_' || v_me.id);
            PERFORM counter_fail('CT429', 'rate_limit', 'values',
                                 format('more than %s number lookups in a minute; a supervisor '
                                        'has been told', counter_lookup_limit()));
        END IF;
    END IF;
    v_ids := ARRAY(SELECT DISTINCT f.id FROM unnest(p_values) AS x(value)
                   CROSS JOIN LATERAL counter_find_accounts(p_kind, x.value) AS f(id)
                   ORDER BY 1);
    PERFORM counter_audit(p_workstation, 'account.lookup', 'account',
                          CASE WHEN cardinality(v_ids) = 1 THEN v_ids[1]::text ELSE '' END,
                          jsonb_build_object('kind', p_kind,
                                             'value', counter_mask_value(
                                                 CASE p_kind WHEN 'id_number' THEN 'id_number'
                                                             ELSE 'mobile' END, p_values[1]),
                                             'found', cardinality(v_ids)));
    RETURN v_ids;
END
$$;

-- The supervisors' list: each clerk's lookups this minute and refusals ever
-- (a clerk with refusals is flagged).
CREATE FUNCTION counter_lookup_flags() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_minute bigint := floor(extract(epoch FROM clock_timestamp()) / 60);
    v_out jsonb := '[]';
    c clerks;
    v_last bigint;
    v_called boolean;
    v_refused bigint;
BEGIN
    FOR c IN SELECT * FROM clerks ORDER BY username LOOP
        CONTINUE WHEN to_regclass('counter_lookups_' || c.id) IS NULL;
        EXECUTE format('SELECT last_value, is_called FROM %I', 'counter_lookups_' || c.id)
            INTO v_last, v_called;
        EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %I',
                       'counter_refusals_' || c.id) INTO v_refused;
        v_out := v_out || jsonb_build_object(
            'username', c.username, 'display_name', c.display_name,
            'lookups_this_minute', CASE WHEN v_called AND v_last / 1000000 = v_minute
                                        THEN v_last % 1000000 ELSE 0 END,
            'refusals', v_refused, 'flagged', v_refused > 0);
    END LOOP;
    RETURN v_out;
END
$$;

-- counter_search_probe as in 0015, except: full numbers go through
-- counter_find_number (one number, counted, audited); an ID tail is exactly
-- 4 characters (the mask shows those already). Still STABLE and the
-- caller's rights: the counting and the audit row are counter_find_number's
-- (VOLATILE, SECURITY DEFINER), which checks its caller.
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
        v := (counter_find_number(p_probe, p_values, ''))[1:p_n];
    ELSIF p_probe = 'archive_no' THEN
        v := ARRAY(SELECT a.id FROM accounts a
                   WHERE a.archive_no = ANY (array_append(p_values, p_value)) LIMIT p_n);
    ELSIF p_probe = 'mobile_tail' THEN
        v := ARRAY(SELECT a.id FROM accounts a WHERE right(a.mobile_masked, 4) = p_value
                   LIMIT p_n);
    ELSIF p_probe = 'id_tail' THEN
        IF p_value IS NULL OR p_value !~ '^[0-9]{3}[0-9X]$' THEN
            RAISE EXCEPTION USING ERRCODE = 'CT400', MESSAGE = 'id_tail', DETAIL = 'terms',
                HINT = 'an ID tail is the last 4 characters';
        END IF;
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

-- The unlimited, unaudited lookup is the definer's own piece now.
REVOKE EXECUTE ON FUNCTION counter_find_accounts(text, text) FROM counter_clerk;

-- ------------------------------------------------------- complaint contact

ALTER TABLE complaints ADD COLUMN contact_masked varchar(40) NOT NULL DEFAULT '';

CREATE FUNCTION counter_complaint_contact_mask() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    NEW.contact_masked := counter_mask_value('mobile', NEW.contact);
    RETURN NEW;
END
$$;
CREATE TRIGGER complaints_contact_masked BEFORE INSERT OR UPDATE OF contact ON complaints
    FOR EACH ROW EXECUTE FUNCTION counter_complaint_contact_mask();
UPDATE complaints SET contact = contact;

-- Complaint dates: a recall date from the day of the step (Shanghai) to a
-- year ahead, a due time at most a year ahead; refused by field for every
-- writer. The day of the step is today for a change, the day the complaint
-- was received for a new row (the demo loads its history as it happened).
CREATE FUNCTION counter_complaint_dates() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_at timestamptz := CASE WHEN TG_OP = 'INSERT' THEN coalesce(NEW.created_at, now())
                             ELSE now() END;
    v_day date := (v_at AT TIME ZONE 'Asia/Shanghai')::date;
    v_last date := greatest(v_day, (now() AT TIME ZONE 'Asia/Shanghai')::date) + 366;
BEGIN
    IF NEW.recall_on IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.recall_on IS DISTINCT FROM OLD.recall_on)
       AND (NEW.recall_on < v_day OR NEW.recall_on > v_last) THEN
        PERFORM counter_fail('CT400', 'date_range', 'recall_on',
                             'the recall date must be from today to a year ahead');
    END IF;
    IF NEW.due_at IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.due_at IS DISTINCT FROM OLD.due_at)
       AND NEW.due_at > greatest(v_at, now()) + interval '366 days' THEN
        PERFORM counter_fail('CT400', 'date_range', 'due_at',
                             'the due time must be within a year');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER complaints_dates BEFORE INSERT OR UPDATE OF recall_on, due_at ON complaints
    FOR EACH ROW EXECUTE FUNCTION counter_complaint_dates();

REVOKE SELECT ON complaints FROM counter_clerk;
GRANT SELECT (id, ticket_no, account_id, complainant, contact_masked, channel, category,
              description, company_at_fault, apology_given, status, department, due_at,
              recall_on, resolution, satisfaction, created_by, created_at, updated_at, version)
    ON complaints TO counter_clerk;

-- The detail screen shows the masked contact.
CREATE OR REPLACE FUNCTION counter_complaint_json(p_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'id', c.id, 'ticket_no', c.ticket_no, 'account_id', c.account_id,
        'account_no', coalesce(a.account_no, ''), 'address', coalesce(a.address, ''),
        'complainant', c.complainant, 'contact', c.contact_masked, 'channel', c.channel,
        'category', c.category, 'description', c.description,
        'company_at_fault', c.company_at_fault, 'apology_given', c.apology_given,
        'status', c.status, 'department', c.department, 'due_at', c.due_at,
        'recall_on', c.recall_on, 'resolution', c.resolution, 'satisfaction', c.satisfaction,
        'created_at', c.created_at, 'clerk', coalesce(k.display_name, ''), 'version', c.version,
        'events', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'kind', e.kind, 'content', e.content, 'channel', e.channel,
                       'clerk', coalesce(ek.display_name, ''), 'at', e.created_at)
                   ORDER BY e.id)
            FROM complaint_events e LEFT JOIN clerks ek ON ek.id = e.clerk_id
            WHERE e.complaint_id = c.id), '[]'::jsonb))
    FROM complaints c
    LEFT JOIN accounts a ON a.id = c.account_id
    LEFT JOIN clerks k ON k.id = c.created_by
    WHERE c.id = p_id
$$;

-- The reveal of 0015, extended to a complaint's contact.
ALTER TABLE reveal_requests ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE reveal_requests ADD COLUMN complaint_id bigint REFERENCES complaints (id);
ALTER TABLE reveal_requests DROP CONSTRAINT reveal_requests_field_check;
ALTER TABLE reveal_requests ADD CONSTRAINT reveal_requests_field_check CHECK (
    (field IN ('id_number', 'mobile', 'landline') AND account_id IS NOT NULL
     AND complaint_id IS NULL)
    OR (field = 'contact' AND complaint_id IS NOT NULL AND account_id IS NULL));

CREATE FUNCTION counter_request_contact_reveal(p_complaint_id bigint, p_workstation text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_audit bigint;
    v_token uuid;
BEGIN
    PERFORM 1 FROM complaints c WHERE c.id = p_complaint_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'complaint',
                             format('no complaint %s', p_complaint_id));
    END IF;
    v_audit := counter_audit(p_workstation, 'complaint.reveal', 'complaint',
                             p_complaint_id::text, jsonb_build_object('field', 'contact'));
    INSERT INTO reveal_requests (login, complaint_id, field, audit_id, requested_at)
    VALUES (v_me.username, p_complaint_id, 'contact', v_audit, clock_timestamp())
    RETURNING token INTO v_token;
    RETURN jsonb_build_object('token', v_token, 'audit_id', v_audit);
END
$$;

CREATE OR REPLACE FUNCTION counter_reveal_value(p_token uuid)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_login text;
    v_account bigint;
    v_complaint bigint;
    v_field text;
    v_at timestamptz;
    v_used timestamptz;
    v_xmin bigint;
    v_now bigint;
    v_xid bigint;
    v_value text;
BEGIN
    SELECT r.login, r.account_id, r.complaint_id, r.field, r.requested_at, r.used_at,
           r.xmin::text::bigint
      INTO v_login, v_account, v_complaint, v_field, v_at, v_used, v_xmin
      FROM reveal_requests r WHERE r.token = p_token FOR UPDATE;
    IF NOT FOUND OR v_login IS DISTINCT FROM v_me.username THEN
        PERFORM counter_fail('CT404', 'no_request', 'token', 'no such reveal request of yours');
    END IF;
    IF v_used IS NOT NULL THEN
        PERFORM counter_fail('CT409', 'used', 'token', 'this reveal request was used');
    END IF;
    IF clock_timestamp() - v_at > interval '2 minutes' THEN
        PERFORM counter_fail('CT409', 'expired', 'token', 'this reveal request expired');
    END IF;
    v_now := pg_current_xact_id()::text::bigint;
    v_xid := v_now + ((v_xmin - v_now % 4294967296 + 6442450944) % 4294967296 - 2147483648);
    IF pg_xact_status(v_xid::text::xid8) IS DISTINCT FROM 'committed' THEN
        PERFORM counter_fail('CT409', 'uncommitted', 'token',
                             'the reveal request must be committed first');
    END IF;
    UPDATE reveal_requests SET used_at = clock_timestamp() WHERE token = p_token;
    IF v_field = 'contact' THEN
        SELECT c.contact INTO v_value FROM complaints c WHERE c.id = v_complaint;
    ELSE
        SELECT CASE v_field WHEN 'id_number' THEN a.id_number WHEN 'mobile' THEN a.mobile
                            ELSE a.landline END
          INTO v_value FROM accounts a WHERE a.id = v_account;
    END IF;
    RETURN jsonb_build_object('value', coalesce(v_value, ''));
END
$$;

-- ------------------------------------------------------------------ grants

-- the DBA is no member of counter_owner any more: `counter-admin status`
-- and migrate read the revision (the schema's version is no secret)
GRANT SELECT ON alembic_version TO PUBLIC;
GRANT EXECUTE ON FUNCTION counter_create_hall(text, text, text, text, text),
                          counter_save_clerk(text, text, text, text, text) TO counter_dba;

REVOKE ALL ON FUNCTION counter_installation_role() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_in_installation(name) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_lookup_sequences() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_lookup_limit() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_one_number(text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_find_number(text, text[], text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_lookup_flags() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_contact_mask() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_dates() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_request_contact_reveal(bigint, text) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION counter_installation_role() TO counter_clerk, counter_batch;
GRANT EXECUTE ON FUNCTION counter_find_number(text, text[], text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_lookup_flags() TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_request_contact_reveal(bigint, text) TO counter_supervisor;
