-- 0026: what the attacker's review of wave 2 (0019-0025) found open.
-- Tests: tests/db/test_attacks_wave2.py, _races.py (two connections), _billing.py (batch forgeries).

-- 1. An administrator read every full ID and phone number with a plain
--    SELECT: 0002 granted counter_admin SELECT on all of accounts and 0017
--    took back only the writes. The numbers are read one at a time through
--    counter_find_number or a supervisor's reveal (audited, rate-limited);
--    an admin keeps the clerks' column grants (the masked copies) as a
--    member of counter_supervisor -> counter_clerk.
REVOKE SELECT ON accounts FROM counter_admin;

-- 2. A supervisor revealed any number of full numbers (account or complaint
--    contact), one audited reveal after another, with no limit: the town's
--    phone book in a loop. A reveal now takes from the same per-minute quota
--    as a lookup by full number (0025): the clerk's own counter, refusals
--    counted for the supervisors' flag list.
CREATE FUNCTION counter_take_lookup(p_me clerks, p_field text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_minute bigint := floor(extract(epoch FROM clock_timestamp()) / 60);
    v_n bigint;
BEGIN
    IF to_regclass('counter_lookups_' || p_me.id) IS NULL THEN
        PERFORM counter_fail('CT403', 'no_quota', '',
                             'no lookup quota for this clerk; run counter-admin migrate');
    END IF;
    -- the clerk's row lock serialises the clerk's own lookups
    PERFORM 1 FROM clerks WHERE id = p_me.id FOR NO KEY UPDATE;
    v_n := nextval('counter_lookups_' || p_me.id);
    IF v_n / 1000000 <> v_minute THEN
        v_n := setval('counter_lookups_' || p_me.id, v_minute * 1000000 + 1);
    END IF;
    IF v_n % 1000000 > counter_lookup_limit() THEN
        PERFORM nextval('counter_refusals_' || p_me.id);
        PERFORM counter_fail('CT429', 'rate_limit', p_field,
                             format('more than %s full numbers looked up or revealed in a '
                                    'minute; a supervisor has been told', counter_lookup_limit()));
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION counter_find_number(p_kind text, p_values text[],
                                               p_workstation text DEFAULT '')
    RETURNS bigint[]
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
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
        PERFORM counter_take_lookup(counter_caller('clerk'), 'values');
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

CREATE OR REPLACE FUNCTION counter_request_reveal(p_account_id bigint, p_field text,
                                                  p_workstation text)
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
    PERFORM counter_take_lookup(v_me, 'field');
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

CREATE OR REPLACE FUNCTION counter_request_contact_reveal(p_complaint_id bigint,
                                                          p_workstation text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_audit bigint;
    v_token uuid;
BEGIN
    PERFORM counter_take_lookup(v_me, 'complaint');
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

REVOKE ALL ON FUNCTION counter_take_lookup(clerks, text) FROM PUBLIC;

-- 3. The withholding files' tables (0023) refused UPDATE and DELETE but not
--    TRUNCATE: nobody holds TRUNCATE today, but every other posted table
--    refuses it in the table itself, so a grant made by mistake later cannot
--    wipe the bank's answers either.
CREATE TRIGGER withholding_batches_no_truncate BEFORE TRUNCATE ON withholding_batches
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_items_no_truncate BEFORE TRUNCATE ON withholding_items
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_results_no_truncate BEFORE TRUNCATE ON withholding_results
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_imports_no_truncate BEFORE TRUNCATE ON withholding_imports
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();

-- 4. A batch login issued bills from psql at any schedule that prices the
--    lines (another category's cheaper one, one not yet or no longer in
--    force) and with any relief line (an account without relief, or a
--    relief above its component's charge): a friend's water for nothing.
--    After the bills are written (so every value has its type), the ones of
--    this call are held against what billing computes (services/billing.py):
--    the account's category's schedule in force on the reading day (the
--    latest start wins); at most one relief line, on the component of an
--    approved (or since expired) relief of the account whose validity meets
--    the bill's days, and at most that component's charge. The tiers' split
--    is still the batch's (it needs the year's usage and the households).
CREATE FUNCTION counter_check_bill_terms(p_period text, p_bills jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v record;
BEGIN
    WITH sent AS (
        SELECT x.reading_id, x.n - 1 AS n
        FROM ROWS FROM (jsonb_to_recordset(p_bills) AS (reading_id bigint)) WITH ORDINALITY
             AS x(reading_id, n)),
    issued AS (
        SELECT s.n, b.id, b.tariff_id, b.period_start, b.period_end, b.account_id,
               (SELECT t.id FROM tariffs t
                 WHERE t.category_code = a.price_category AND t.effective_from <= r.read_on
                   AND (t.effective_to IS NULL OR t.effective_to >= r.read_on)
                 ORDER BY t.effective_from DESC LIMIT 1) AS in_force
        FROM sent s
        JOIN bills b ON b.reading_id = s.reading_id AND b.period = p_period
                    AND b.adjusts_bill_id IS NULL
        JOIN accounts a ON a.id = b.account_id
        JOIN readings r ON r.id = b.reading_id),
    reliefs AS (
        SELECT l.bill_id, count(*) AS lines, min(l.component) AS component,
               -sum(l.amount) AS amount
        FROM bill_lines l WHERE l.kind = 'relief' AND l.bill_id IN (SELECT id FROM issued)
        GROUP BY l.bill_id),
    problems AS (
        SELECT i.n, CASE
            WHEN i.tariff_id IS DISTINCT FROM i.in_force THEN 'tariff'
            WHEN rl.lines > 1 THEN 'one relief line at most'
            WHEN NOT EXISTS (
                    SELECT 1 FROM relief_applications ra
                    JOIN relief_rules rr ON rr.code = ra.rule_code
                    WHERE ra.account_id = i.account_id AND ra.status IN ('approved', 'expired')
                      AND ra.effective_period IS NOT NULL AND ra.effective_period <= p_period
                      AND ra.valid_from <= i.period_end AND ra.valid_to >= i.period_start
                      AND rr.component = rl.component)
                THEN 'no relief of the account applies to this bill'
            WHEN rl.amount > (SELECT coalesce(sum(c.amount), 0) FROM bill_lines c
                              WHERE c.bill_id = i.id AND c.kind = 'charge'
                                AND c.component = rl.component)
                THEN 'a relief is at most its component''s charge'
            END AS problem
        FROM issued i LEFT JOIN reliefs rl ON rl.bill_id = i.id
        WHERE i.tariff_id IS DISTINCT FROM i.in_force OR rl.bill_id IS NOT NULL)
    SELECT * INTO v FROM problems WHERE problem IS NOT NULL ORDER BY n LIMIT 1;
    IF v.problem = 'tariff' THEN
        PERFORM counter_fail('CT400', 'tariff', format('bills[%s].tariff_id', v.n),
            'not the schedule of the account''s category in force on the reading day');
    ELSIF v.problem IS NOT NULL THEN
        PERFORM counter_fail('CT400', 'relief', format('bills[%s].lines', v.n), v.problem);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION counter_issue_bills(p_period text, p_bills jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v jsonb;
    d jsonb;
BEGIN
    v := counter_issue_bills_only(p_period, p_bills);
    PERFORM counter_check_bill_terms(p_period, p_bills);  -- 0026: refused whole
    d := counter_deduct_prepayments('billing ' || p_period);
    IF (d->>'count')::int > 0 THEN
        PERFORM counter_audit('batch', 'deduction.run', 'period', p_period, d);
    END IF;
    RETURN v || jsonb_build_object('deducted', d->'count', 'deducted_total', d->'total');
END
$$;

REVOKE ALL ON FUNCTION counter_check_bill_terms(text, jsonb) FROM PUBLIC;

-- 5. "More than owed" is judged at an order's paid_at (counter_owed_at), but
--    the orders were taken in the file's line order: a customer's second
--    payment listed before the first was judged before the first existed,
--    posted, and its money deposited to the prepayment instead of waiting in
--    suspense. The orders are taken in the time they were paid (then line).
CREATE OR REPLACE FUNCTION counter_import_online(p_platform text, p_file_hash text, p_file_name text,
                                      p_rows jsonb)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_name text := left(btrim(coalesce(p_file_name, '')), 200);
    v_tender text;
    v_overpay text := coalesce((SELECT value FROM utility_settings WHERE key = 'online_overpay'),
                               'suspense');
    v_done online_imports;
    v_import bigint;
    x record;
    v_field text;
    v_ref text;
    v_amount numeric;
    v_account accounts;
    v_pay payments;
    v_sus channel_suspense;
    v_owed numeric;
    v_reason text;
    v jsonb;
    v_orders int := 0;
    v_posted int := 0;
    v_replayed int := 0;
    v_suspended int := 0;
    v_total numeric := 0;
    v_posted_amount numeric := 0;
    v_replayed_amount numeric := 0;
    v_suspended_amount numeric := 0;
    v_allocated numeric := 0;
    v_deposited numeric := 0;
    v_held jsonb := '[]'::jsonb;
BEGIN
    IF p_platform IS NULL OR p_platform NOT IN ('wechat', 'alipay', 'bank') THEN
        PERFORM counter_fail('CT400', 'platform', 'platform', 'wechat, alipay or bank');
    END IF;
    v_tender := p_platform;
    IF p_file_hash IS NULL OR p_file_hash !~ '^[0-9a-f]{64}$' THEN
        PERFORM counter_fail('CT400', 'file_hash', 'file_hash', 'the SHA-256 of the file, in hex');
    END IF;
    IF v_name = '' THEN
        PERFORM counter_fail('CT400', 'file_name', 'file_name', 'the file''s name');
    END IF;
    -- the same file from two connections: the second waits, then replays
    PERFORM pg_advisory_xact_lock(7305, hashtext(p_file_hash));
    SELECT * INTO v_done FROM online_imports WHERE file_hash = p_file_hash;
    IF FOUND THEN
        RETURN jsonb_build_object('import_id', v_done.id, 'file_hash', p_file_hash,
                                  'platform', v_done.platform, 'orders', v_done.orders,
                                  'posted', 0, 'replayed', v_done.orders, 'suspended', 0,
                                  'amount', v_done.amount, 'file_replayed', true,
                                  'first_imported_at', v_done.imported_at,
                                  'first_imported_by', v_done.imported_by);
    END IF;
    IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' OR jsonb_array_length(p_rows) = 0 THEN
        PERFORM counter_fail('CT400', 'rows', 'rows', 'a non-empty list of orders');
    END IF;
    BEGIN
        -- locks in a fixed order, so that two imports (of overlapping files),
        -- a resolution and the deduction sweep never wait for each other in
        -- a circle: every order's reference first, then the accounts by id
        FOR v_ref IN
            SELECT DISTINCT 'online:' || p_platform || ':' || btrim(t.order_id)
            FROM jsonb_to_recordset(p_rows) AS t(order_id text)
            WHERE btrim(coalesce(t.order_id, '')) <> ''
            ORDER BY 1
        LOOP
            PERFORM pg_advisory_xact_lock(7304, hashtext(v_ref));
        END LOOP;
        PERFORM 1 FROM accounts
        WHERE account_no IN (SELECT btrim(t.account_no)
                             FROM jsonb_to_recordset(p_rows) AS t(account_no text))
        ORDER BY id FOR UPDATE;
        -- the same order twice in the file
        SELECT format('rows[line %s].order_id', max(t.line)) INTO v_field
        FROM jsonb_to_recordset(p_rows) AS t(line int, order_id text)
        GROUP BY btrim(t.order_id) HAVING count(*) > 1 LIMIT 1;
        IF v_field IS NOT NULL THEN
            PERFORM counter_fail('CT400', 'duplicate', v_field,
                                 'the same order appears twice in the file');
        END IF;
        FOR x IN
            SELECT * FROM jsonb_to_recordset(p_rows)
                AS t(line int, order_id text, paid_at timestamptz, account_no text,
                     amount numeric)
            ORDER BY paid_at, line  -- 0026: in the time they were paid
        LOOP
            v_field := format('rows[line %s]', x.line);
            IF x.line IS NULL THEN
                PERFORM counter_fail('CT400', 'line', 'rows', 'each order has its line number');
            END IF;
            IF btrim(coalesce(x.order_id, '')) = ''
               OR length(p_platform || ':' || btrim(x.order_id)) > 100 THEN
                PERFORM counter_fail('CT400', 'order_id', v_field || '.order_id',
                                     'an order id of 1 to 90 characters');
            END IF;
            v_amount := counter_money(x.amount, v_field || '.amount', false);
            IF x.paid_at IS NULL OR x.paid_at > now() + interval '1 day'
               OR x.paid_at < timestamptz '2000-01-01 00:00+08' THEN
                PERFORM counter_fail('CT400', 'paid_at', v_field || '.paid_at',
                                     'when it was paid, not in the future');
            END IF;
            IF btrim(coalesce(x.account_no, '')) = '' OR length(btrim(x.account_no)) > 64 THEN
                PERFORM counter_fail('CT400', 'account_no', v_field || '.account_no',
                                     'an account number');
            END IF;
            v_ref := p_platform || ':' || btrim(x.order_id);
            v_orders := v_orders + 1;
            v_total := v_total + v_amount;
            PERFORM pg_advisory_xact_lock(7304, hashtext('online:' || v_ref));
            -- already posted, or already in suspense: a replay when it is the same order
            SELECT * INTO v_sus FROM channel_suspense
            WHERE channel = 'online' AND external_ref = v_ref;
            IF FOUND THEN
                IF v_sus.amount <> v_amount OR v_sus.account_no <> btrim(x.account_no) THEN
                    PERFORM counter_fail('CT409', 'ref_conflict', v_field || '.amount',
                        format('order %s was already received: %s for account %s', v_ref,
                               v_sus.amount, v_sus.account_no));
                END IF;
                v_replayed := v_replayed + 1;
                v_replayed_amount := v_replayed_amount + v_amount;
                CONTINUE;
            END IF;
            SELECT * INTO v_pay FROM payments WHERE channel = 'online' AND external_ref = v_ref;
            IF FOUND THEN
                IF v_pay.amount <> v_amount OR (SELECT account_no FROM accounts
                                                WHERE id = v_pay.account_id)
                                               <> btrim(x.account_no) THEN
                    PERFORM counter_fail('CT409', 'ref_conflict', v_field || '.amount',
                        format('order %s was already posted: %s to another account or amount',
                               v_ref, v_pay.amount));
                END IF;
                v_replayed := v_replayed + 1;
                v_replayed_amount := v_replayed_amount + v_amount;
                CONTINUE;
            END IF;
            v_owed := NULL;
            SELECT * INTO v_account FROM accounts WHERE account_no = btrim(x.account_no)
            FOR UPDATE;
            v_reason := CASE WHEN NOT FOUND THEN 'unknown_account'
                             WHEN v_account.status = 'closed' THEN 'closed_account' END;
            IF v_reason IS NULL THEN
                v_owed := counter_owed_at(v_account.id, x.paid_at);
                IF v_amount > v_owed AND v_overpay = 'suspense' THEN
                    v_reason := 'overpaid';
                END IF;
            END IF;
            IF v_reason IS NOT NULL THEN
                -- written with the import's row, below (the ref stays locked)
                v_held := v_held || jsonb_build_object(
                    'ref', v_ref, 'account_no', btrim(x.account_no),
                    'account_id', CASE WHEN v_reason = 'unknown_account' THEN NULL
                                       ELSE v_account.id END,
                    'amount', v_amount, 'owed', v_owed, 'paid_at', x.paid_at,
                    'reason', v_reason, 'line', x.line);
                v_suspended := v_suspended + 1;
                v_suspended_amount := v_suspended_amount + v_amount;
                CONTINUE;
            END IF;
            v := counter_post_channel_payment('online', v_ref, v_account.id, v_amount, x.paid_at,
                                              v_tender, format('%s line %s', v_name, x.line));
            v_posted := v_posted + 1;
            v_posted_amount := v_posted_amount + v_amount;
            v_allocated := v_allocated + (v->>'allocated')::numeric;
            v_deposited := v_deposited + (v->>'to_prepayment')::numeric;
        END LOOP;
    EXCEPTION
        WHEN invalid_text_representation OR invalid_datetime_format
             OR datetime_field_overflow OR numeric_value_out_of_range THEN
            PERFORM counter_fail('CT400', 'format', coalesce(v_field, 'rows'), SQLERRM);
    END;
    INSERT INTO online_imports (file_hash, platform, file_name, orders, posted, replayed,
                                suspended, amount, imported_by, imported_at)
    VALUES (p_file_hash, p_platform, v_name, v_orders, v_posted, v_replayed, v_suspended,
            v_total, session_user, now())
    RETURNING id INTO v_import;
    INSERT INTO channel_suspense (channel, external_ref, tender, account_no, account_id, amount,
                                  owed, paid_at, reason, import_id, line, created_at)
    SELECT 'online', h.ref, v_tender, h.account_no, h.account_id, h.amount, h.owed, h.paid_at,
           h.reason, v_import, h.line, now()
    FROM jsonb_to_recordset(v_held) AS h(ref text, account_no text, account_id bigint,
                                         amount numeric, owed numeric, paid_at timestamptz,
                                         reason text, line int);
    PERFORM counter_audit('batch', 'online.import', 'file', v_name,
        jsonb_build_object('platform', p_platform, 'file_hash', p_file_hash,
                           'orders', v_orders, 'posted', v_posted, 'replayed', v_replayed,
                           'suspended', v_suspended, 'amount', v_total::text));
    RETURN jsonb_build_object(
        'import_id', v_import, 'file_hash', p_file_hash, 'platform', p_platform,
        'orders', v_orders, 'posted', v_posted, 'replayed', v_replayed,
        'suspended', v_suspended, 'amount', v_total, 'posted_amount', v_posted_amount,
        'replayed_amount', v_replayed_amount, 'suspended_amount', v_suspended_amount,
        'allocated', v_allocated, 'to_prepayment', v_deposited, 'file_replayed', false);
END
$$;
