-- Screen loads as one call each, and reveal in two committed steps (migration 0015).
--
-- Read screens (search, account view with its bills and payments, the
-- history filter, the payment form's account) are functions returning jsonb
-- with everything the screen shows: one round trip per screen load. They
-- write nothing (STABLE) and run with the caller's rights (SECURITY
-- INVOKER): a clerk's SELECT grants apply, so they can show nothing a clerk
-- could not read; the search reaches the raw phone and ID columns only
-- through counter_find_accounts (SECURITY DEFINER, migration 0003).
-- Invoker functions cannot call counter_fail (not executable by logins):
-- they raise the same CT sqlstates themselves.
--
-- Reveal of a full number: counter_request_reveal writes the audit row and
-- a one-time token and is sent in autocommit (its own transaction: the row
-- is committed when the token comes back); counter_reveal_value hands the
-- value out only for a committed, unused, recent request of the same login.
-- counter_reveal (0003), which returned the value in the statement that
-- wrote the audit row (a value that could outlive a rolled-back audit row),
-- is no longer executable by logins.

-- ------------------------------------------------------------------ figures

-- What unreversed payments allocated to a bill; what an account owes.
CREATE FUNCTION counter_bill_paid(p_bill_id bigint) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
    SELECT coalesce(sum(al.amount), 0)::numeric(12, 2) FROM public.allocations al
    WHERE al.bill_id = p_bill_id
      AND NOT EXISTS (SELECT 1 FROM public.payment_reversals rv WHERE rv.payment_id = al.payment_id)
);

CREATE FUNCTION counter_arrears(p_account_id bigint) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
    SELECT coalesce(sum(b.amount - public.counter_bill_paid(b.id)), 0)::numeric(12, 2)
    FROM public.bills b WHERE b.account_id = p_account_id
);

CREATE FUNCTION counter_check_period(p_period text, p_field text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_period IS NOT NULL AND p_period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        RAISE EXCEPTION USING ERRCODE = 'CT400', MESSAGE = 'period', DETAIL = p_field,
            HINT = 'a period is written YYYY-MM';
    END IF;
    RETURN p_period;
END
$$;

-- --------------------------------------------------------------- the account

-- Bills of the periods (NULL: open end), newest first, with paid and owed.
CREATE FUNCTION counter_bills_json(p_account_id bigint, p_from text, p_to text)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
        'bill_id', b.id, 'period', b.period, 'period_start', b.period_start,
        'period_end', b.period_end, 'start_reading', b.start_reading,
        'end_reading', b.end_reading, 'usage', b.usage, 'amount', b.amount, 'paid', x.paid,
        'outstanding', b.amount - x.paid, 'due_on', b.due_on
    ) ORDER BY b.period DESC, b.id), '[]'::jsonb)
    FROM bills b CROSS JOIN LATERAL (SELECT counter_bill_paid(b.id) AS paid) x
    WHERE b.account_id = p_account_id
      AND (p_from IS NULL OR b.period >= p_from) AND (p_to IS NULL OR b.period <= p_to)
$$;

-- Payments made in the periods (dates in Asia/Shanghai), newest first,
-- reversed ones flagged, with tenders and the periods they paid.
CREATE FUNCTION counter_payments_json(p_account_id bigint, p_from text, p_to text)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
        'payment_id', p.id,
        'receipt', rs.prefix || lpad(p.receipt_no::text, greatest(8, length(p.receipt_no::text)), '0'),
        'series_code', p.series_code, 'receipt_no', p.receipt_no, 'paid_at', p.created_at,
        'amount', p.amount, 'tenders', t.tenders, 'reversed', rv.id IS NOT NULL,
        'reversal_reason', coalesce(rv.reason, ''), 'workstation', p.workstation,
        'periods', per.periods
    ) ORDER BY p.created_at DESC, p.id DESC), '[]'::jsonb)
    FROM payments p
    JOIN receipt_series rs ON rs.code = p.series_code
    LEFT JOIN payment_reversals rv ON rv.payment_id = p.id
    CROSS JOIN LATERAL (
        SELECT coalesce(jsonb_agg(jsonb_build_object(
            'tender', pt.tender, 'amount', pt.amount, 'received', pt.received,
            'change_given', pt.change_given, 'reference', pt.reference
        ) ORDER BY pt.line_no), '[]'::jsonb) AS tenders
        FROM payment_tenders pt WHERE pt.payment_id = p.id
    ) t
    CROSS JOIN LATERAL (
        SELECT coalesce(jsonb_agg(b.period ORDER BY b.period), '[]'::jsonb) AS periods
        FROM allocations al JOIN bills b ON b.id = al.bill_id WHERE al.payment_id = p.id
    ) per
    WHERE p.account_id = p_account_id
      AND (p_from IS NULL
           OR p.created_at >= ((p_from || '-01')::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
      AND (p_to IS NULL
           OR p.created_at < ((p_to || '-01')::date + interval '1 month') AT TIME ZONE 'Asia/Shanghai')
$$;

CREATE FUNCTION counter_require_account(p_account_id bigint) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM 1 FROM accounts a WHERE a.id = p_account_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'CT404', MESSAGE = 'not_found', DETAIL = 'account_id',
            HINT = format('no account %s', p_account_id);
    END IF;
END
$$;

-- The account page's view: the account, its active meter, the relief in
-- force on p_today (default: today in Asia/Shanghai), the latest bill with
-- its lines, the arrears.
CREATE FUNCTION counter_account_view(p_account_id bigint, p_today date DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_today date := coalesce(p_today, (now() AT TIME ZONE 'Asia/Shanghai')::date);
    v_latest jsonb;
    v_view jsonb;
BEGIN
    SELECT jsonb_build_object(
        'account_id', a.id, 'account_no', a.account_no, 'name', a.name,
        'account_type', a.account_type, 'households_total', a.households_total,
        'price_category', a.price_category, 'address', a.address,
        'meter_location', a.meter_location, 'mobile_masked', a.mobile_masked,
        'landline_masked', a.landline_masked, 'id_masked', a.id_masked, 'status', a.status,
        'prepayment_balance', a.prepayment_balance, 'version', a.version,
        'arrears', counter_arrears(a.id),
        'meter_no', coalesce((SELECT me.meter_no FROM meters me
                              WHERE me.account_id = a.id AND me.active
                              ORDER BY me.id DESC LIMIT 1), ''),
        'relief', (SELECT jsonb_build_object(
                       'application_id', ra.id, 'rule_code', ra.rule_code, 'rule_name', r.name,
                       'certificate_type', ra.certificate_type,
                       'certificate_no', ra.certificate_no, 'valid_from', ra.valid_from,
                       'valid_to', ra.valid_to, 'effective_period', ra.effective_period)
                   FROM relief_applications ra JOIN relief_rules r ON r.code = ra.rule_code
                   WHERE ra.account_id = a.id AND ra.status = 'approved'
                     AND ra.valid_from <= v_today AND ra.valid_to >= v_today
                   ORDER BY ra.valid_to DESC, ra.id DESC LIMIT 1)
    ) INTO v_view
    FROM accounts a WHERE a.id = p_account_id;
    IF v_view IS NULL THEN
        PERFORM counter_require_account(p_account_id);
    END IF;
    v_latest := counter_bills_json(p_account_id, NULL, NULL) -> 0;
    RETURN v_view || jsonb_build_object('current_bill', CASE WHEN v_latest IS NULL THEN NULL ELSE
        jsonb_build_object('bill', v_latest, 'lines', (
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                'line_no', bl.line_no, 'kind', bl.kind, 'component', bl.component,
                'tier_no', bl.tier_no, 'volume', bl.volume, 'unit_price', bl.unit_price,
                'amount', bl.amount, 'label', bl.label) ORDER BY bl.line_no), '[]'::jsonb)
            FROM bill_lines bl WHERE bl.bill_id = (v_latest ->> 'bill_id')::bigint))
        END);
END
$$;

-- The history tab with its month filter: bills and payments of the periods.
CREATE FUNCTION counter_account_history(p_account_id bigint, p_from text, p_to text)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM counter_check_period(p_from, 'from_period'), counter_check_period(p_to, 'to_period');
    PERFORM counter_require_account(p_account_id);
    RETURN jsonb_build_object('bills', counter_bills_json(p_account_id, p_from, p_to),
                              'payments', counter_payments_json(p_account_id, p_from, p_to));
END
$$;

-- Opening an account: the view, all bills and all payments.
CREATE FUNCTION counter_account_screen(p_account_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN jsonb_build_object('view', counter_account_view(p_account_id),
                              'bills', counter_bills_json(p_account_id, NULL, NULL),
                              'payments', counter_payments_json(p_account_id, NULL, NULL));
END
$$;

-- The payment form: the account (by id, or else by number) and its open
-- bills, oldest first.
CREATE FUNCTION counter_payment_account(p_account_id bigint, p_account_no text)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    IF p_account_id IS NOT NULL THEN
        SELECT a.id INTO v_id FROM accounts a WHERE a.id = p_account_id;
    ELSE
        SELECT a.id INTO v_id FROM accounts a WHERE a.account_no = p_account_no;
    END IF;
    IF v_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'CT404', MESSAGE = 'not_found',
            DETAIL = CASE WHEN p_account_id IS NULL THEN 'account_no' ELSE 'account_id' END,
            HINT = format('no account %s', coalesce(p_account_id::text, p_account_no));
    END IF;
    RETURN (
        SELECT jsonb_build_object(
            'account_id', a.id, 'account_no', a.account_no, 'name', a.name,
            'address', a.address, 'status', a.status,
            'prepayment_balance', a.prepayment_balance,
            'bills', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                          'bill_id', o.id, 'period', o.period, 'usage', o.usage,
                          'amount', o.amount, 'outstanding', o.amount - o.paid,
                          'due_on', o.due_on) ORDER BY o.period, o.id), '[]'::jsonb)
                      FROM (SELECT b.*, counter_bill_paid(b.id) AS paid FROM bills b
                            WHERE b.account_id = a.id) o
                      WHERE o.amount - o.paid > 0))
        FROM accounts a WHERE a.id = v_id);
END
$$;

-- ------------------------------------------------------------------- search

-- The smallest string greater than every string starting with p (code-point
-- order, surrogates skipped): the exclusive upper end of a prefix range.
CREATE FUNCTION counter_next_string(p text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN left(p, -1) || chr(CASE WHEN ascii(right(p, 1)) + 1 BETWEEN 55296 AND 57343 THEN 57344
                               ELSE ascii(right(p, 1)) + 1 END);

-- What counter_grams(...) @> must contain for a fragment: the fragment when
-- it is short, else p_size-grams covering every character (one every
-- p_size characters, and the last).
CREATE FUNCTION counter_cover_grams(p text, p_size integer) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN char_length(p) <= p_size THEN ARRAY[p] ELSE ARRAY(
    SELECT DISTINCT substr(p, s + 1, p_size)
    FROM generate_series(0, char_length(p) - p_size) AS s
    WHERE s % p_size = 0 OR s = char_length(p) - p_size ORDER BY 1) END;

-- One lookup of the search: at most p_n account ids, prefix lookups in the
-- order of the matched column, the others by id. Every lookup is an index
-- range or an index probe that stops at p_n rows (see services/search.py
-- for the design); fragments first scan the oldest accounts (2,000, then
-- as far as the rate found there says, at most 20,000), the *_grams
-- lookups then use the GIN indexes. The settings counter.search_head_rows
-- and counter.search_scan_max (tests force each path with them) change
-- only how a fragment is looked up, never what is found.
CREATE FUNCTION counter_search_probe(
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

-- The search page's results: p_terms is the query as parse_query read it
-- ([{"kind", "value", "values", "modes"}], values being the spellings to
-- look up); the hits, best tier first (exact, prefix, contains; within a
-- tier in term order), with the arrears, and whether there are more than
-- p_limit (1..500).
CREATE FUNCTION counter_search(p_terms jsonb, p_limit integer)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_limit integer := greatest(1, least(coalesce(p_limit, 50), 500));
    v_wanted integer := v_limit + 1;
    v_ids bigint[] := '{}';
    v_kinds text[] := '{}';
    v_modes text[] := '{}';
    v_mode text;
    v_kind text;
    v_term jsonb;
    v_probe text;
    v_id bigint;
BEGIN
    IF jsonb_typeof(p_terms) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'CT400', MESSAGE = 'terms', DETAIL = 'terms',
            HINT = 'the terms are a JSON array';
    END IF;
    <<tiers>>
    FOREACH v_mode IN ARRAY ARRAY['exact', 'prefix', 'contains'] LOOP
        FOR v_term IN SELECT e.t FROM jsonb_array_elements(p_terms) WITH ORDINALITY AS e(t, i)
                      ORDER BY e.i LOOP
            CONTINUE WHEN NOT coalesce(v_term -> 'modes' ? v_mode, false);
            v_kind := v_term ->> 'kind';
            FOREACH v_probe IN ARRAY CASE
                WHEN v_kind = 'pinyin' THEN ARRAY['name_initials', 'name_pinyin']
                WHEN v_kind = 'name' AND v_mode = 'contains' THEN ARRAY['name_head', 'name_grams']
                WHEN v_kind = 'address' THEN ARRAY['place_head', 'place_grams']
                ELSE ARRAY[v_kind] END
            LOOP
                EXIT tiers WHEN cardinality(v_ids) >= v_wanted;
                -- ids found before may come again: ask for as many as wanted
                FOREACH v_id IN ARRAY counter_search_probe(
                    v_probe, v_mode, v_term ->> 'value',
                    ARRAY(SELECT jsonb_array_elements_text(coalesce(v_term -> 'values',
                                                                    '[]'::jsonb))),
                    v_wanted)
                LOOP
                    EXIT WHEN cardinality(v_ids) >= v_wanted;
                    CONTINUE WHEN v_id = ANY (v_ids);
                    v_ids := v_ids || v_id;
                    v_kinds := v_kinds || v_kind;
                    v_modes := v_modes || v_mode;
                END LOOP;
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN jsonb_build_object(
        'more', cardinality(v_ids) > v_limit,
        'hits', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                     'account_id', a.id, 'account_no', a.account_no, 'name', a.name,
                     'mobile_masked', a.mobile_masked, 'landline_masked', a.landline_masked,
                     'id_masked', a.id_masked, 'address', a.address,
                     'meter_location', a.meter_location, 'status', a.status,
                     'arrears', coalesce(ar.arrears, 0)::numeric(12, 2),
                     'matched', f.kind, 'match', f.mode
                 ) ORDER BY f.i), '[]'::jsonb)
                 FROM unnest(v_ids[1:v_limit], v_kinds[1:v_limit], v_modes[1:v_limit])
                      WITH ORDINALITY AS f(id, kind, mode, i)
                 JOIN accounts a ON a.id = f.id
                 -- one grouped query for all hits (a function call per bill costs
                 -- more than the whole search)
                 LEFT JOIN (
                     SELECT b.account_id, sum(b.amount - (
                         SELECT coalesce(sum(al.amount), 0) FROM allocations al
                         WHERE al.bill_id = b.id AND NOT EXISTS (
                             SELECT 1 FROM payment_reversals rv
                             WHERE rv.payment_id = al.payment_id))) AS arrears
                     FROM bills b WHERE b.account_id = ANY (v_ids[1:v_limit])
                     GROUP BY b.account_id
                 ) ar ON ar.account_id = a.id));
END
$$;

-- ------------------------------------------------------------------- reveal

CREATE TABLE reveal_requests (
    token uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login text NOT NULL,
    account_id bigint NOT NULL REFERENCES accounts (id),
    field text NOT NULL CHECK (field IN ('id_number', 'mobile', 'landline')),
    audit_id bigint NOT NULL REFERENCES audit_events (id),
    requested_at timestamptz NOT NULL,
    used_at timestamptz
);
REVOKE ALL ON reveal_requests FROM PUBLIC;

-- Step 1 (sent in autocommit): the audit row and a one-time token, both
-- committed when the token reaches the client.
CREATE FUNCTION counter_request_reveal(p_account_id bigint, p_field text, p_workstation text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_audit bigint;
    v_token uuid;
BEGIN
    IF p_field IS NULL OR p_field NOT IN ('id_number', 'mobile', 'landline') THEN
        PERFORM counter_fail('CT400', 'field', 'field', 'id_number, mobile or landline');
    END IF;
    PERFORM 1 FROM accounts a WHERE a.id = p_account_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'account_id',
                             format('no account %s', p_account_id));
    END IF;
    v_audit := counter_audit(p_workstation, 'account.reveal', 'account', p_account_id::text,
                             jsonb_build_object('field', p_field));
    INSERT INTO reveal_requests (login, account_id, field, audit_id, requested_at)
    VALUES (v_me.username, p_account_id, p_field, v_audit, clock_timestamp())
    RETURNING token INTO v_token;
    RETURN jsonb_build_object('token', v_token, 'audit_id', v_audit);
END
$$;

-- Step 2: the value, once, for the login that asked, within two minutes,
-- and only if the request (with its audit row) is committed: a request made
-- in the caller's own open transaction (which could still be rolled back)
-- is refused.
CREATE FUNCTION counter_reveal_value(p_token uuid)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_login text;
    v_account bigint;
    v_field text;
    v_at timestamptz;
    v_used timestamptz;
    v_xmin bigint;
    v_now bigint;
    v_xid bigint;
    v_value text;
BEGIN
    SELECT r.login, r.account_id, r.field, r.requested_at, r.used_at, r.xmin::text::bigint
      INTO v_login, v_account, v_field, v_at, v_used, v_xmin
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
    -- the request's 64-bit transaction id: its xmin read modulo 2^32 around
    -- our own (a committed request is older; one of our subtransactions newer)
    v_now := pg_current_xact_id()::text::bigint;
    v_xid := v_now + ((v_xmin - v_now % 4294967296 + 6442450944) % 4294967296 - 2147483648);
    IF pg_xact_status(v_xid::text::xid8) IS DISTINCT FROM 'committed' THEN
        PERFORM counter_fail('CT409', 'uncommitted', 'token',
                             'the reveal request must be committed first');
    END IF;
    UPDATE reveal_requests SET used_at = clock_timestamp() WHERE token = p_token;
    SELECT CASE v_field WHEN 'id_number' THEN a.id_number WHEN 'mobile' THEN a.mobile
                        ELSE a.landline END
      INTO v_value FROM accounts a WHERE a.id = v_account;
    RETURN jsonb_build_object('value', coalesce(v_value, ''));
END
$$;

-- ------------------------------------------------------------------- grants

REVOKE EXECUTE ON FUNCTION counter_reveal(bigint, text, text, text) FROM counter_clerk;

REVOKE ALL ON FUNCTION counter_bill_paid(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_arrears(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_check_period(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_bills_json(bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_payments_json(bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_require_account(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_account_view(bigint, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_account_history(bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_account_screen(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_payment_account(bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_next_string(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_cover_grams(text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_search_probe(text, text, text, text[], integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_search(jsonb, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_request_reveal(bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reveal_value(uuid) FROM PUBLIC;

-- The screen functions and the pieces they are made of run with the
-- caller's rights: executing them shows a login nothing it cannot SELECT.
GRANT EXECUTE ON FUNCTION
    counter_bill_paid(bigint), counter_arrears(bigint), counter_check_period(text, text),
    counter_bills_json(bigint, text, text), counter_payments_json(bigint, text, text),
    counter_require_account(bigint), counter_account_view(bigint, date),
    counter_account_history(bigint, text, text), counter_account_screen(bigint),
    counter_payment_account(bigint, text), counter_next_string(text),
    counter_cover_grams(text, integer),
    counter_search_probe(text, text, text, text[], integer), counter_search(jsonb, integer),
    counter_request_reveal(bigint, text, text), counter_reveal_value(uuid)
TO counter_clerk;
