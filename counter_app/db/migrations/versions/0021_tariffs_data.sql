-- Tariffs as data, kept by an administrator (migration 0021).
--
-- * fee_components: the fee lines a schedule may charge (code, Chinese name,
--   whether a relief may apply to it, order on a bill). The fixed CHECK list
--   of tariff_rates is replaced by a foreign key, so a gas utility's lines or
--   a 水资源税 line are rows, not code. The water utility's three are rows.
-- * tariffs (schedules) get their document number (文号), the basis of their
--   tier limits ('annual': cumulative over the calendar year of the read
--   date; 'period': within one read period) and whether the limits are
--   multiplied by the households behind a collective account's meter.
-- * Per price category, schedules neither overlap nor leave a gap: checked by
--   counter_save_tariff under a lock on the category (for the message) and by
--   a constraint trigger (for everyone, the owner included).
-- * A schedule used by an issued bill is never edited: only its end date may
--   be set, not before its last billed read date (a change is a new schedule
--   from a date, which ends the old one).
-- * Actions (admin): counter_save_tariff, counter_save_fee_component,
--   counter_save_price_category; screens: counter_tariff_catalog (the
--   schedules, clerk) and counter_tariff_basis (收费依据 of an account, clerk).

-- ------------------------------------------------------------------ schema

CREATE TABLE fee_components (
    code varchar(16) NOT NULL,
    name varchar(40) NOT NULL,
    relief_applies boolean NOT NULL DEFAULT true,
    sort_order integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_fee_components PRIMARY KEY (code),
    CONSTRAINT ck_fee_components_code CHECK (code ~ '^[a-z][a-z0-9_]{0,15}$'),
    CONSTRAINT ck_fee_components_name CHECK (btrim(name) <> '')
);

INSERT INTO fee_components (code, name, relief_applies, sort_order) VALUES
    ('basic', '基本水费', true, 10),
    ('sewage', '污水处理费', true, 20),
    ('resource', '水资源费', true, 30);

ALTER TABLE tariff_rates DROP CONSTRAINT ck_tariff_rates_component;
ALTER TABLE tariff_rates ADD CONSTRAINT fk_tariff_rates_component_fee_components
    FOREIGN KEY (component) REFERENCES fee_components (code);
ALTER TABLE relief_rules ADD CONSTRAINT fk_relief_rules_component_fee_components
    FOREIGN KEY (component) REFERENCES fee_components (code);

ALTER TABLE tariffs
    ADD COLUMN doc_no varchar(64) NOT NULL DEFAULT '',
    ADD COLUMN tier_basis varchar(8) NOT NULL DEFAULT 'annual',
    ADD COLUMN households_scaling boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT ck_tariffs_tier_basis CHECK (tier_basis IN ('annual', 'period')),
    ADD CONSTRAINT ck_tariffs_effective_range
        CHECK (effective_to IS NULL OR effective_to >= effective_from);

-- An older schedule left open-ended beside its successor (the billing took
-- the latest start) now ends the day before the successor starts: the same
-- schedule applies on every day as before.
UPDATE tariffs t
   SET effective_to = s.next_from - 1
  FROM (SELECT id, lead(effective_from) OVER (PARTITION BY category_code
                                              ORDER BY effective_from, id) AS next_from
          FROM tariffs) s
 WHERE s.id = t.id AND s.next_from IS NOT NULL
   AND (t.effective_to IS NULL OR t.effective_to >= s.next_from);

-- ------------------------------------------------------------------ rules

-- The schedules of one category follow each other day after day: the first
-- problem found, as a message, or NULL.
CREATE FUNCTION counter_tariff_sequence_problem(p_category text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT CASE
             WHEN s.effective_to IS NULL OR s.effective_to >= s.next_from
                 THEN format('schedule %s overlaps schedule %s from %s', s.code, s.next_code,
                             s.next_from)
             ELSE format('a gap between schedule %s (to %s) and schedule %s (from %s)',
                         s.code, s.effective_to, s.next_code, s.next_from)
           END
      FROM (SELECT code, effective_to,
                   lead(code) OVER w AS next_code, lead(effective_from) OVER w AS next_from
              FROM tariffs WHERE category_code = p_category
            WINDOW w AS (ORDER BY effective_from, id)) s
     WHERE s.next_from IS NOT NULL
       AND (s.effective_to IS NULL OR s.effective_to <> s.next_from - 1)
     LIMIT 1
$$;

-- (SECURITY DEFINER: a deferred check runs at commit as whoever commits)
CREATE FUNCTION counter_tariffs_sequence_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_problem text := counter_tariff_sequence_problem(NEW.category_code);
BEGIN
    IF v_problem IS NOT NULL THEN
        PERFORM counter_fail('CT409', 'tariff_sequence', 'effective_from', v_problem);
    END IF;
    RETURN NULL;
END
$$;

-- checked at the end of each statement (a bulk load may SET CONSTRAINTS
-- tariffs_sequence DEFERRED to load a category's schedules in any order)
CREATE CONSTRAINT TRIGGER tariffs_sequence
    AFTER INSERT OR UPDATE ON tariffs
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION counter_tariffs_sequence_check();

-- The last read date billed under a schedule (NULL: no bill used it).
CREATE FUNCTION counter_tariff_last_billed(p_tariff_id bigint) RETURNS date
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$ SELECT max(period_end) FROM bills WHERE tariff_id = p_tariff_id $$;

-- A schedule used by a bill keeps its tiers, prices and terms (no tier or
-- price added, changed or removed); only its end date may be set (not before
-- its last billed read date).
CREATE FUNCTION counter_tariffs_frozen() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_tariff_id bigint;
    v_last date;
BEGIN
    IF TG_TABLE_NAME = 'tariffs' THEN
        v_tariff_id := OLD.id;
    ELSIF TG_OP = 'INSERT' THEN
        v_tariff_id := NEW.tariff_id;
    ELSE
        v_tariff_id := OLD.tariff_id;
    END IF;
    v_last := counter_tariff_last_billed(v_tariff_id);
    IF v_last IS NULL AND TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'tariffs' THEN
        IF NEW.tariff_id <> OLD.tariff_id THEN  -- moved onto a billed schedule
            v_last := counter_tariff_last_billed(NEW.tariff_id);
        END IF;
    END IF;
    IF v_last IS NULL THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_TABLE_NAME = 'tariffs' AND TG_OP = 'UPDATE' THEN
        IF (to_jsonb(NEW) - 'effective_to') = (to_jsonb(OLD) - 'effective_to')
           AND (to_jsonb(NEW) ->> 'effective_to')::date >= v_last THEN
            RETURN NEW;
        END IF;
    END IF;
    PERFORM counter_fail('CT409', 'tariff_used', 'code',
                         format('schedule %s was used by bills up to %s: add a new schedule '
                                'from a later date instead', v_tariff_id, v_last));
    RETURN NULL;
END
$$;

CREATE TRIGGER tariffs_frozen BEFORE UPDATE OR DELETE ON tariffs
    FOR EACH ROW EXECUTE FUNCTION counter_tariffs_frozen();
CREATE TRIGGER tariff_tiers_frozen BEFORE INSERT OR UPDATE OR DELETE ON tariff_tiers
    FOR EACH ROW EXECUTE FUNCTION counter_tariffs_frozen();
CREATE TRIGGER tariff_rates_frozen BEFORE INSERT OR UPDATE OR DELETE ON tariff_rates
    FOR EACH ROW EXECUTE FUNCTION counter_tariffs_frozen();

-- ------------------------------------------------------------------ screens

-- One schedule as the screens show it.
CREATE FUNCTION counter_tariff_json(p_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'code', t.code, 'name', t.name, 'category', t.category_code,
        'doc_no', t.doc_no, 'effective_from', t.effective_from,
        'effective_to', t.effective_to, 'tier_basis', t.tier_basis,
        'households_scaling', t.households_scaling,
        'last_billed', counter_tariff_last_billed(t.id),
        'tiers', coalesce((SELECT jsonb_agg(jsonb_build_object('tier_no', r.tier_no,
                                                               'upper', r.upper_volume)
                                            ORDER BY r.tier_no)
                             FROM tariff_tiers r WHERE r.tariff_id = t.id), '[]'::jsonb),
        'rates', coalesce((SELECT jsonb_agg(jsonb_build_object(
                                      'component', r.component, 'name', c.name,
                                      'tier_no', r.tier_no, 'unit_price', r.unit_price)
                                  ORDER BY c.sort_order, c.code, r.tier_no)
                             FROM tariff_rates r JOIN fee_components c ON c.code = r.component
                            WHERE r.tariff_id = t.id), '[]'::jsonb))
      FROM tariffs t WHERE t.id = p_id
$$;

-- The settings page and `counter-admin tariffs`: categories, components and
-- every schedule, in one call.
CREATE FUNCTION counter_tariff_catalog() RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN  -- the DBA's CLI
        PERFORM counter_caller('clerk');
    END IF;
    RETURN jsonb_build_object(
        'categories', coalesce((SELECT jsonb_agg(jsonb_build_object('code', code, 'name', name)
                                                 ORDER BY code) FROM price_categories),
                               '[]'::jsonb),
        'components', coalesce((SELECT jsonb_agg(jsonb_build_object(
                                           'code', code, 'name', name,
                                           'relief_applies', relief_applies,
                                           'sort_order', sort_order)
                                       ORDER BY sort_order, code) FROM fee_components),
                               '[]'::jsonb),
        'tariffs', coalesce((SELECT jsonb_agg(counter_tariff_json(id)
                                              ORDER BY category_code, effective_from)
                               FROM tariffs), '[]'::jsonb));
END
$$;

-- 收费依据: the schedule the account's latest bill used (or, before any
-- bill, the one in force today), its tier limits scaled for the account's
-- households, the usage of the tier year so far and the tier it has reached,
-- the prices of each component.
CREATE FUNCTION counter_tariff_basis(p_account_id bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_account accounts;
    v_bill bills;
    v_tariff tariffs;
    v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    v_year int;
    v_multiplier int := 1;
    v_used bigint;
    v_tiers jsonb;
    v_tier int;
BEGIN
    SELECT * INTO v_account FROM accounts WHERE id = p_account_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'account', 'account_id',
                             format('no account %s', p_account_id));
    END IF;
    SELECT * INTO v_bill FROM bills
     WHERE account_id = p_account_id AND adjusts_bill_id IS NULL
     ORDER BY period DESC, id DESC LIMIT 1;
    IF v_bill.id IS NOT NULL THEN
        SELECT * INTO v_tariff FROM tariffs WHERE id = v_bill.tariff_id;
        v_year := left(v_bill.period, 4)::int;
    ELSE
        SELECT * INTO v_tariff FROM tariffs
         WHERE category_code = v_account.price_category AND effective_from <= v_today
           AND (effective_to IS NULL OR effective_to >= v_today)
         ORDER BY effective_from DESC LIMIT 1;
        v_year := extract(year FROM v_today)::int;
    END IF;
    IF v_tariff.id IS NULL THEN
        PERFORM counter_fail('CT404', 'tariff', 'price_category',
                             format('no schedule of category %s is in force',
                                    v_account.price_category));
    END IF;
    IF v_tariff.households_scaling AND v_account.account_type = 'collective' THEN
        v_multiplier := greatest(coalesce(v_account.households_total, 1), 1);
    END IF;
    IF v_tariff.tier_basis = 'period' THEN
        v_used := coalesce(v_bill.usage, 0);
    ELSE
        SELECT coalesce(sum(usage), 0) INTO v_used FROM bills
         WHERE account_id = p_account_id AND adjusts_bill_id IS NULL
           AND period >= format('%s-01', v_year) AND period <= format('%s-12', v_year);
    END IF;
    SELECT jsonb_agg(jsonb_build_object(
               'tier_no', x.tier_no, 'upper', x.upper_volume, 'scaled_lower', x.lower,
               'scaled_upper', x.scaled,
               'used', greatest(0, least(v_used, coalesce(x.scaled, v_used)) - x.lower))
           ORDER BY x.tier_no),
           min(x.tier_no) FILTER (WHERE x.scaled IS NULL OR v_used <= x.scaled)
      INTO v_tiers, v_tier
      FROM (SELECT tier_no, upper_volume, upper_volume * v_multiplier AS scaled,
                   coalesce(lag(upper_volume) OVER (ORDER BY tier_no), 0) * v_multiplier
                       AS lower
              FROM tariff_tiers WHERE tariff_id = v_tariff.id) x;
    RETURN jsonb_build_object(
        'account', jsonb_build_object(
            'id', v_account.id, 'account_no', v_account.account_no, 'name', v_account.name,
            'address', v_account.address, 'account_type', v_account.account_type,
            'households_total', v_account.households_total,
            'price_category', v_account.price_category,
            'category_name', (SELECT name FROM price_categories
                               WHERE code = v_account.price_category)),
        'bill', CASE WHEN v_bill.id IS NULL THEN NULL ELSE jsonb_build_object(
            'id', v_bill.id, 'period', v_bill.period, 'usage', v_bill.usage,
            'amount', v_bill.amount, 'period_start', v_bill.period_start,
            'period_end', v_bill.period_end) END,
        'tariff', counter_tariff_json(v_tariff.id),
        'multiplier', v_multiplier,
        'year', v_year,
        'used', v_used,
        'current_tier', v_tier,
        'tiers', coalesce(v_tiers, '[]'::jsonb),
        'as_of', v_today,
        'clerk', v_me.display_name,
        'utility', jsonb_build_object(
            'name', (SELECT value FROM utility_settings WHERE key = 'utility_name'),
            'hall', coalesce((SELECT name FROM halls WHERE code = v_me.hall_code),
                             v_me.hall_code),
            'hotline', (SELECT value FROM utility_settings WHERE key = 'utility_hotline')));
END
$$;

-- ------------------------------------------------------------------ actions

CREATE FUNCTION counter_save_price_category(p_code text, p_name text, p_workstation text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_admin bigint := counter_admin_caller();
    v_code text := upper(btrim(coalesce(p_code, '')));
    v_name text := btrim(coalesce(p_name, ''));
    v_action text := 'price_category.update';
BEGIN
    IF v_code !~ '^[A-Z0-9_-]{1,16}$' THEN
        PERFORM counter_fail('CT400', 'code', 'code', 'use 1-16 letters, digits, _ or -');
    END IF;
    IF v_name = '' OR length(v_name) > 40 THEN
        PERFORM counter_fail('CT400', 'name', 'name', 'a name of 1 to 40 characters');
    END IF;
    UPDATE price_categories SET name = v_name WHERE code = v_code;
    IF NOT FOUND THEN
        INSERT INTO price_categories (code, name) VALUES (v_code, v_name);
        v_action := 'price_category.create';
    END IF;
    PERFORM counter_audit(p_workstation, v_action, 'price_category', v_code,
                          jsonb_build_object('name', v_name, 'by_clerk', v_admin));
    RETURN jsonb_build_object('code', v_code, 'name', v_name, 'action', v_action);
END
$$;

CREATE FUNCTION counter_save_fee_component(
    p_code text, p_name text, p_relief_applies boolean, p_sort_order integer, p_workstation text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_admin bigint := counter_admin_caller();
    v_code text := lower(btrim(coalesce(p_code, '')));
    v_name text := btrim(coalesce(p_name, ''));
    v_action text := 'fee_component.update';
BEGIN
    IF v_code !~ '^[a-z][a-z0-9_]{0,15}$' THEN
        PERFORM counter_fail('CT400', 'code', 'code',
                             'use 1-16 lowercase letters, digits or _; start with a letter');
    END IF;
    IF v_name = '' OR length(v_name) > 40 THEN
        PERFORM counter_fail('CT400', 'name', 'name', 'a name of 1 to 40 characters');
    END IF;
    IF p_relief_applies IS NULL THEN
        PERFORM counter_fail('CT400', 'relief_applies', 'relief_applies', 'say yes or no');
    END IF;
    IF p_sort_order IS NULL OR p_sort_order NOT BETWEEN 0 AND 9999 THEN
        PERFORM counter_fail('CT400', 'sort_order', 'sort_order', 'a number from 0 to 9999');
    END IF;
    IF NOT p_relief_applies AND EXISTS (SELECT 1 FROM relief_rules
                                         WHERE component = v_code AND active) THEN
        PERFORM counter_fail('CT409', 'relief_rule', 'relief_applies',
                             'an active relief rule applies to this component');
    END IF;
    UPDATE fee_components SET name = v_name, relief_applies = p_relief_applies,
                              sort_order = p_sort_order
     WHERE code = v_code;
    IF NOT FOUND THEN
        INSERT INTO fee_components (code, name, relief_applies, sort_order)
        VALUES (v_code, v_name, p_relief_applies, p_sort_order);
        v_action := 'fee_component.create';
    END IF;
    PERFORM counter_audit(p_workstation, v_action, 'fee_component', v_code,
                          jsonb_build_object('name', v_name, 'relief_applies', p_relief_applies,
                                             'sort_order', p_sort_order, 'by_clerk', v_admin));
    RETURN jsonb_build_object('code', v_code, 'name', v_name, 'relief_applies', p_relief_applies,
                              'sort_order', p_sort_order, 'action', v_action);
END
$$;

-- A date argument, or a CT400 naming the field.
CREATE FUNCTION counter_tariff_date(p_value jsonb, p_field text, p_required boolean)
    RETURNS date
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_value IS NULL OR p_value = 'null'::jsonb OR p_value #>> '{}' = '' THEN
        IF p_required THEN
            PERFORM counter_fail('CT400', 'required', p_field, 'a date is required');
        END IF;
        RETURN NULL;
    END IF;
    IF jsonb_typeof(p_value) <> 'string' OR (p_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}$' THEN
        PERFORM counter_fail('CT400', 'date', p_field, 'a date as YYYY-MM-DD');
    END IF;
    BEGIN
        RETURN (p_value #>> '{}')::date;
    EXCEPTION WHEN others THEN
        PERFORM counter_fail('CT400', 'date', p_field, 'not a date of the calendar');
    END;
    RETURN NULL;
END
$$;

-- A schedule: {code, name, category, doc_no, effective_from, effective_to?,
-- tier_basis?, households_scaling?, tiers: [upper, ..., null], rates:
-- {component: [price per tier] or [one price]}}. A new schedule that starts
-- while the category's latest one is open ends that one the day before. A
-- schedule no bill used may be saved again under its code (replaced); one a
-- bill used never changes.
CREATE FUNCTION counter_save_tariff(p_tariff jsonb, p_workstation text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_admin bigint := counter_admin_caller();
    v_code text;
    v_name text;
    v_category text;
    v_doc text;
    v_from date;
    v_to date;
    v_basis text;
    v_scaling boolean;
    v_tiers jsonb;
    v_rates jsonb;
    v_n int;
    v_prev bigint := 0;
    v_upper jsonb;
    v_key text;
    v_prices jsonb;
    v_price jsonb;
    v_value numeric;
    v_existing tariffs;
    v_before tariffs;
    v_last date;
    v_id bigint;
    v_ended jsonb;
    v_problem text;
BEGIN
    IF p_tariff IS NULL OR jsonb_typeof(p_tariff) <> 'object' THEN
        PERFORM counter_fail('CT400', 'tariff', 'tariff', 'a schedule as a JSON object');
    END IF;
    v_code := btrim(coalesce(p_tariff ->> 'code', ''));
    v_name := btrim(coalesce(p_tariff ->> 'name', ''));
    v_category := btrim(coalesce(p_tariff ->> 'category', ''));
    v_doc := btrim(coalesce(p_tariff ->> 'doc_no', ''));
    v_basis := coalesce(p_tariff ->> 'tier_basis', 'annual');
    v_tiers := p_tariff -> 'tiers';
    v_rates := p_tariff -> 'rates';
    IF v_code !~ '^[A-Za-z0-9_.-]{1,32}$' THEN
        PERFORM counter_fail('CT400', 'code', 'code', 'use 1-32 letters, digits, _, . or -');
    END IF;
    IF v_name = '' OR length(v_name) > 80 THEN
        PERFORM counter_fail('CT400', 'name', 'name', 'a name of 1 to 80 characters');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM price_categories WHERE code = v_category) THEN
        PERFORM counter_fail('CT404', 'category', 'category',
                             format('unknown price category %s', v_category));
    END IF;
    IF v_doc = '' OR length(v_doc) > 64 THEN
        PERFORM counter_fail('CT400', 'doc_no', 'doc_no',
                             'the document number (文号) of 1 to 64 characters');
    END IF;
    v_from := counter_tariff_date(p_tariff -> 'effective_from', 'effective_from', true);
    v_to := counter_tariff_date(p_tariff -> 'effective_to', 'effective_to', false);
    IF v_to < v_from THEN
        PERFORM counter_fail('CT400', 'range', 'effective_to',
                             'the end date is before the start date');
    END IF;
    IF v_basis NOT IN ('annual', 'period') THEN
        PERFORM counter_fail('CT400', 'tier_basis', 'tier_basis', 'annual or period');
    END IF;
    IF p_tariff ? 'households_scaling'
       AND jsonb_typeof(p_tariff -> 'households_scaling') <> 'boolean' THEN
        PERFORM counter_fail('CT400', 'households_scaling', 'households_scaling',
                             'true or false');
    END IF;
    v_scaling := coalesce((p_tariff ->> 'households_scaling')::boolean, true);
    -- tiers: upper limits strictly increasing, the last one open (null)
    IF v_tiers IS NULL OR jsonb_typeof(v_tiers) <> 'array'
       OR jsonb_array_length(v_tiers) NOT BETWEEN 1 AND 10 THEN
        PERFORM counter_fail('CT400', 'tiers', 'tiers', 'a list of 1 to 10 tier limits');
    END IF;
    v_n := jsonb_array_length(v_tiers);
    FOR i IN 0 .. v_n - 1 LOOP
        v_upper := v_tiers -> i;
        IF i = v_n - 1 THEN
            IF v_upper <> 'null'::jsonb THEN
                PERFORM counter_fail('CT400', 'tier_open', format('tiers[%s]', i + 1),
                                     'the last tier has no upper limit');
            END IF;
        ELSIF jsonb_typeof(v_upper) <> 'number' OR (v_upper #>> '{}') !~ '^\d{1,9}$' THEN
            PERFORM counter_fail('CT400', 'tier_upper', format('tiers[%s]', i + 1),
                                 'a whole number of m³ above the tier before');
        ELSIF (v_upper #>> '{}')::bigint <= v_prev THEN
            PERFORM counter_fail('CT400', 'tier_upper', format('tiers[%s]', i + 1),
                                 'a whole number of m³ above the tier before');
        ELSE
            v_prev := (v_upper #>> '{}')::bigint;
        END IF;
    END LOOP;
    -- rates: one price (flat) or one per tier, of known components
    IF v_rates IS NULL OR jsonb_typeof(v_rates) <> 'object' OR v_rates = '{}'::jsonb THEN
        PERFORM counter_fail('CT400', 'rates', 'rates', 'the prices of at least one component');
    END IF;
    FOR v_key, v_prices IN SELECT key, value FROM jsonb_each(v_rates) LOOP
        IF NOT EXISTS (SELECT 1 FROM fee_components WHERE code = v_key) THEN
            PERFORM counter_fail('CT404', 'component', format('rates.%s', v_key),
                                 format('unknown fee component %s', v_key));
        END IF;
        IF jsonb_typeof(v_prices) <> 'array'
           OR jsonb_array_length(v_prices) NOT IN (1, v_n) THEN
            PERFORM counter_fail('CT400', 'prices', format('rates.%s', v_key),
                                 format('one price, or one per tier (%s)', v_n));
        END IF;
        FOR i IN 0 .. jsonb_array_length(v_prices) - 1 LOOP
            v_price := v_prices -> i;
            IF jsonb_typeof(v_price) NOT IN ('number', 'string')
               OR (v_price #>> '{}') !~ '^\d{1,6}(\.\d{1,4})?$' THEN
                PERFORM counter_fail('CT400', 'price', format('rates.%s[%s]', v_key, i + 1),
                                     'a price of at least 0 with at most 4 decimals');
            END IF;
        END LOOP;
    END LOOP;

    -- one writer per category at a time; then the neighbours
    PERFORM pg_advisory_xact_lock(7321, hashtext(v_category));
    SELECT * INTO v_existing FROM tariffs WHERE code = v_code FOR UPDATE;
    IF FOUND THEN
        v_last := counter_tariff_last_billed(v_existing.id);
        IF v_last IS NOT NULL THEN
            PERFORM counter_fail('CT409', 'tariff_used', 'code',
                                 format('schedule %s was used by bills up to %s: add a new '
                                        'schedule from a later date instead', v_code, v_last));
        END IF;
        IF v_existing.category_code <> v_category THEN
            PERFORM counter_fail('CT409', 'category_changed', 'category',
                                 format('schedule %s belongs to category %s', v_code,
                                        v_existing.category_code));
        END IF;
    END IF;
    IF EXISTS (SELECT 1 FROM tariffs WHERE category_code = v_category
                AND code <> v_code AND effective_from >= v_from) THEN
        PERFORM counter_fail('CT409', 'overlap', 'effective_from',
                             format('schedule %s of category %s starts on or after %s: a new '
                                    'schedule starts after the latest one',
                                    (SELECT code FROM tariffs WHERE category_code = v_category
                                        AND code <> v_code AND effective_from >= v_from
                                      ORDER BY effective_from LIMIT 1), v_category, v_from));
    END IF;
    SELECT * INTO v_before FROM tariffs
     WHERE category_code = v_category AND code <> v_code
     ORDER BY effective_from DESC LIMIT 1 FOR UPDATE;
    IF v_before.id IS NOT NULL THEN
        IF v_before.effective_to IS NULL OR v_before.effective_to >= v_from THEN
            v_last := counter_tariff_last_billed(v_before.id);
            IF v_last >= v_from THEN
                PERFORM counter_fail('CT409', 'billed_after', 'effective_from',
                                     format('schedule %s was used by bills up to %s: the new '
                                            'one starts after that', v_before.code, v_last));
            END IF;
            UPDATE tariffs SET effective_to = v_from - 1 WHERE id = v_before.id;
            v_ended := jsonb_build_object('code', v_before.code, 'effective_to', v_from - 1,
                                          'was', v_before.effective_to);
        ELSIF v_before.effective_to < v_from - 1 THEN
            PERFORM counter_fail('CT409', 'gap', 'effective_from',
                                 format('schedule %s ends on %s: the next one starts on %s',
                                        v_before.code, v_before.effective_to,
                                        v_before.effective_to + 1));
        END IF;
    END IF;

    IF v_existing.id IS NOT NULL THEN
        DELETE FROM tariff_rates WHERE tariff_id = v_existing.id;
        DELETE FROM tariff_tiers WHERE tariff_id = v_existing.id;
        UPDATE tariffs SET name = v_name, doc_no = v_doc, effective_from = v_from,
                           effective_to = v_to, tier_basis = v_basis,
                           households_scaling = v_scaling
         WHERE id = v_existing.id;
        v_id := v_existing.id;
    ELSE
        INSERT INTO tariffs (code, name, category_code, doc_no, effective_from, effective_to,
                             tier_basis, households_scaling)
        VALUES (v_code, v_name, v_category, v_doc, v_from, v_to, v_basis, v_scaling)
        RETURNING id INTO v_id;
    END IF;
    INSERT INTO tariff_tiers (tariff_id, tier_no, upper_volume)
    SELECT v_id, t.n, (t.v #>> '{}')::int
      FROM jsonb_array_elements(v_tiers) WITH ORDINALITY AS t(v, n);
    INSERT INTO tariff_rates (tariff_id, component, tier_no, unit_price)
    SELECT v_id, r.key, p.n, (p.v #>> '{}')::numeric
      FROM jsonb_each(v_rates) AS r(key, value),
           jsonb_array_elements(r.value) WITH ORDINALITY AS p(v, n);
    -- the constraint trigger checks too; say it here with the field
    v_problem := counter_tariff_sequence_problem(v_category);
    IF v_problem IS NOT NULL THEN
        PERFORM counter_fail('CT409', 'tariff_sequence', 'effective_from', v_problem);
    END IF;
    PERFORM counter_audit(p_workstation,
                          CASE WHEN v_existing.id IS NULL THEN 'tariff.create'
                               ELSE 'tariff.replace' END,
                          'tariff', v_id::text,
                          jsonb_build_object('code', v_code, 'doc_no', v_doc,
                                             'category', v_category, 'from', v_from,
                                             'to', v_to, 'ended', v_ended,
                                             'tiers', v_tiers, 'rates', v_rates,
                                             'by_clerk', v_admin));
    RETURN counter_tariff_json(v_id) || jsonb_build_object('ended', v_ended);
END
$$;

-- ---------------------------------------------------------------- privileges

REVOKE ALL ON FUNCTION counter_tariff_sequence_problem(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariffs_sequence_check() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariff_last_billed(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariffs_frozen() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariff_json(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariff_date(jsonb, text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariff_catalog() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_tariff_basis(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_save_price_category(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_save_fee_component(text, text, boolean, integer, text)
    FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_save_tariff(jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_tariff_catalog() TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_tariff_basis(bigint) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_save_price_category(text, text, text) TO counter_admin;
GRANT EXECUTE ON FUNCTION counter_save_fee_component(text, text, boolean, integer, text)
    TO counter_admin;
GRANT EXECUTE ON FUNCTION counter_save_tariff(jsonb, text) TO counter_admin;

GRANT SELECT ON fee_components TO counter_clerk, counter_batch;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON fee_components, price_categories
    FROM counter_clerk, counter_supervisor, counter_admin, counter_batch;
