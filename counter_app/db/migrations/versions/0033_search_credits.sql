-- 0033: the search reads no more of the ID than the mask shows, and its hit
-- list counts a bill's corrections as the account screen does.
--
-- accounts.id_tail holds the last 6 characters of the ID number (0001,
-- written by the corrections and the imports); the mask the clerk is shown
-- (id_masked, 370829********1234) has 4, and since 0025 the search takes an
-- ID tail of exactly 4. Yet every group role could read the column: from
-- psql, two more digits of every customer's ID. Now no group role reads it;
-- the search's ID-tail lookup (counter_search_probe, caller's rights) asks
-- counter_id_tail_accounts, the definer's piece, which takes the 4
-- characters and returns account ids only.
CREATE OR REPLACE FUNCTION counter_id_tail_accounts(p_value text, p_n integer)
    RETURNS bigint[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_value IS NULL OR p_value !~ '^[0-9]{3}[0-9X]$' THEN
        RAISE EXCEPTION USING ERRCODE = 'CT400', MESSAGE = 'id_tail', DETAIL = 'terms',
            HINT = 'an ID tail is the last 4 characters';
    END IF;
    RETURN ARRAY(SELECT a.id FROM accounts a
                 WHERE reverse(a.id_tail) ~>=~ reverse(p_value)
                   AND reverse(a.id_tail) ~<~ counter_next_string(reverse(p_value))
                 LIMIT greatest(0, least(coalesce(p_n, 0), 501)));
END
$$;

REVOKE ALL ON FUNCTION counter_id_tail_accounts(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_id_tail_accounts(text, integer) TO counter_clerk;
REVOKE SELECT (id_tail) ON accounts FROM counter_clerk, counter_supervisor, counter_admin,
    counter_batch;

-- counter_search_probe as in 0025, except the ID tail (above).
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
        v := counter_id_tail_accounts(p_value, p_n);  -- 0033: the definer reads id_tail
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

-- The search (0024) as it was, except its arrears and overdue: 0024 netted
-- every bill's amount less what was paid, so a credit on a paid bill (what it
-- leaves over is the customer's) lowered what the other bills asked, and the
-- hit list disagreed with the account screen (counter_arrears,
-- counter_overdue, 0032). Now the sum is the ledger's, in the same one
-- grouped query for all hits.
CREATE OR REPLACE FUNCTION counter_search(p_terms jsonb, p_limit integer)
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
    v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;  -- 0024
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
                     -- 0024: of the arrears, what is past its due date, and since when
                     'overdue', coalesce(ar.overdue, 0)::numeric(12, 2),
                     'current_due', (coalesce(ar.arrears, 0) - coalesce(ar.overdue, 0))::numeric(12, 2),
                     'days_overdue', coalesce(v_today - ar.oldest_due, 0),
                     'matched', f.kind, 'match', f.mode
                 ) ORDER BY f.i), '[]'::jsonb)
                 FROM unnest(v_ids[1:v_limit], v_kinds[1:v_limit], v_modes[1:v_limit])
                      WITH ORDINALITY AS f(id, kind, mode, i)
                 JOIN accounts a ON a.id = f.id
                 -- one grouped query for all hits (a function call per bill costs
                 -- more than the whole search)
                 LEFT JOIN (
                     SELECT o.account_id, sum(o.open) AS arrears,
                            sum(o.open) FILTER (WHERE o.due_on < v_today AND o.open > 0) AS overdue,
                            min(o.due_on) FILTER (WHERE o.due_on < v_today AND o.open > 0) AS oldest_due
                     -- 0033: what each issued bill and debit still asks, its
                     -- credits counted, never below zero (counter_arrears,
                     -- counter_open_bills); a credit asks nothing of its own
                     FROM (SELECT b.account_id, b.due_on, greatest(
                               b.amount
                               + coalesce((SELECT sum(c.amount) FROM bills c
                                           WHERE c.adjusts_bill_id = b.id AND c.amount < 0), 0)
                               - (SELECT coalesce(sum(al.amount), 0) FROM allocations al
                                  WHERE al.bill_id = b.id AND NOT EXISTS (
                                      SELECT 1 FROM payment_reversals rv
                                      WHERE rv.payment_id = al.payment_id)), 0) AS open
                           FROM bills b WHERE b.account_id = ANY (v_ids[1:v_limit])
                             AND (b.adjusts_bill_id IS NULL OR b.amount > 0)) o
                     GROUP BY o.account_id
                 ) ar ON ar.account_id = a.id));
END
$$;
