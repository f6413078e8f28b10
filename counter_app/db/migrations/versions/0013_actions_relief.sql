-- Server-side actions of low-income relief (特困低保户用水优惠), migration 0013.
--
-- A clerk files (counter_file_relief), a supervisor approves, rejects or
-- withdraws (counter_approve_relief, counter_reject_relief,
-- counter_withdraw_relief); the relief page loads with one call
-- (counter_relief_register) and the application form with another
-- (counter_relief_context). The filing clerk, the decider and every time are
-- the server's: session_user and now(), the day in Asia/Shanghai. After this
-- migration no group role may INSERT or UPDATE relief_applications.
--
-- Helpers named counter_relief_* without a verb are internal: no login may
-- execute them, the actions call them as the owner.

-- The hall's calendar day (dates of relief are local dates).
CREATE FUNCTION counter_relief_today() RETURNS date
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$ SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date $$;

-- A certificate number as stored, locked and compared: NFKC (full width to
-- ASCII), without blanks or invisible format characters, upper case. So
-- 'dbz 001', 'ＤＢＺ001' and 'DBZ001' are one certificate.
CREATE FUNCTION counter_relief_certificate_key(p text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
    SELECT upper(regexp_replace(normalize(coalesce(p, ''), NFKC),
                                '[[:space:]\u200b-\u200f\u2060\ufeff]', '', 'g'))
$$;

-- Relief settings of the utility: certificate types, direct approval, rule.
CREATE FUNCTION counter_relief_options() RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_types jsonb := '["城镇居民最低生活保障证", "破产企业困难职工生活救助证明"]';
    v_raw text;
    v_parsed jsonb;
    v_direct text;
    v_code text;
BEGIN
    SELECT value INTO v_raw FROM utility_settings WHERE key = 'relief.certificate_types';
    IF coalesce(v_raw, '') <> '' THEN
        BEGIN
            v_parsed := v_raw::jsonb;
        EXCEPTION WHEN others THEN
            v_parsed := NULL;
        END;
        IF jsonb_typeof(v_parsed) = 'array' AND jsonb_array_length(v_parsed) > 0
           AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_parsed) e
                           WHERE jsonb_typeof(e) <> 'string') THEN
            SELECT coalesce(jsonb_agg(btrim(e) ORDER BY n), '[]'::jsonb) INTO v_parsed
            FROM jsonb_array_elements_text(v_parsed) WITH ORDINALITY AS x(e, n)
            WHERE btrim(e) <> '';
            v_types := v_parsed;
        END IF;
    END IF;
    SELECT lower(btrim(value)) INTO v_direct FROM utility_settings
    WHERE key = 'relief.direct_approval';
    SELECT nullif(btrim(value), '') INTO v_code FROM utility_settings
    WHERE key = 'relief.rule_code';
    v_code := coalesce(v_code, 'DEFAULT');
    RETURN jsonb_build_object(
        'certificate_types', v_types,
        'direct_approval', coalesce(v_direct IN ('true', '1', 'yes'), false),
        'rule_code', v_code,
        'rule_name', coalesce((SELECT name FROM relief_rules WHERE code = v_code), ''));
END
$$;

-- An ID number's problem ('chars', 'length', 'birthdate', 'checksum'), or
-- NULL when it is a valid GB 11643 number (p is already normalised).
CREATE FUNCTION counter_relief_id_problem(p text, p_today date) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_birth text;
    v_born date;
    v_sum int := 0;
BEGIN
    IF p !~ '^[0-9X]*$' THEN RETURN 'chars'; END IF;
    IF length(p) NOT IN (15, 18) THEN RETURN 'length'; END IF;
    IF position('X' IN left(p, 17)) > 0 OR (length(p) = 15 AND position('X' IN p) > 0) THEN
        RETURN 'chars';
    END IF;
    v_birth := CASE WHEN length(p) = 15 THEN '19' || substr(p, 7, 6) ELSE substr(p, 7, 8) END;
    BEGIN
        v_born := make_date(substr(v_birth, 1, 4)::int, substr(v_birth, 5, 2)::int,
                            substr(v_birth, 7, 2)::int);
    EXCEPTION WHEN others THEN
        RETURN 'birthdate';
    END;
    IF v_born < DATE '1800-01-01' OR v_born > p_today THEN RETURN 'birthdate'; END IF;
    IF length(p) = 15 THEN RETURN NULL; END IF;
    FOR i IN 1..17 LOOP
        v_sum := v_sum + substr(p, i, 1)::int * ((2 ^ (18 - i))::bigint % 11)::int;
    END LOOP;
    IF substr('10X98765432', v_sum % 11 + 1, 1) <> substr(p, 18, 1) THEN
        RETURN 'checksum';
    END IF;
    RETURN NULL;
END
$$;

-- A phone as the relief form stores it: digits only (separators and a +86
-- prefix dropped, as domain.phone.normalize_phone does).
CREATE FUNCTION counter_relief_phone(p text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    t text := regexp_replace(normalize(coalesce(p, ''), NFKC),
                             '[[:space:]\-\u2010-\u2015()\[\].]', '', 'g');
    v_prefix text;
BEGIN
    FOREACH v_prefix IN ARRAY ARRAY['+86', '0086'] LOOP
        IF left(t, length(v_prefix)) = v_prefix THEN
            t := substr(t, length(v_prefix) + 1);
            IF t <> '' AND t !~ '^1[3-9][0-9]{9}$' AND left(t, 1) <> '0' THEN
                t := '0' || t;
            END IF;
            EXIT;
        END IF;
    END LOOP;
    RETURN t;
END
$$;

-- '138****5678', '0537-****345', '****345'; NULL for no mobile or fixed line.
CREATE FUNCTION counter_relief_phone_mask(p text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_area text := '';
    v_local text := p;
BEGIN
    IF p ~ '^1[3-9][0-9]{9}$' THEN
        RETURN left(p, 3) || '****' || right(p, 4);
    END IF;
    IF p !~ '^[2-9][0-9]{6,7}$' THEN
        v_area := substring(p FROM '^(0[12][0-9]|0[03-9][0-9]{2})');
        v_local := substr(p, length(coalesce(v_area, '')) + 1);
        IF v_area IS NULL OR v_local !~ '^[2-9][0-9]{6,7}$' THEN
            RETURN NULL;
        END IF;
        v_area := v_area || '-';
    END IF;
    RETURN v_area || repeat('*', length(v_local) - 3) || right(v_local, 3);
END
$$;

-- The account's first read period that starts strictly after p_applied_on
-- (a read period closes with a reading and starts the day after the
-- previous one; the next closes read_cycle_months later). As 'YYYY-MM'.
CREATE FUNCTION counter_relief_effective_period(p_account_id bigint, p_applied_on date)
    RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_cycle int;
    v_later record;
    v_last record;
    v_period date;  -- first day of the period's month
    v_start date;
BEGIN
    SELECT read_cycle_months INTO v_cycle FROM accounts WHERE id = p_account_id;
    SELECT period, read_on INTO v_later FROM readings
    WHERE account_id = p_account_id AND read_on >= p_applied_on
    ORDER BY read_on, period LIMIT 1;
    IF FOUND THEN  -- read on or after the application day: the period after that reading
        v_period := to_date(v_later.period, 'YYYY-MM') + make_interval(months => v_cycle);
        v_start := v_later.read_on + 1;
    ELSE
        SELECT period, read_on INTO v_last FROM readings
        WHERE account_id = p_account_id ORDER BY read_on DESC, period DESC LIMIT 1;
        IF FOUND THEN  -- the period open on the application day is not relieved
            v_period := to_date(v_last.period, 'YYYY-MM') + make_interval(months => 2 * v_cycle);
            v_start := (v_period - make_interval(months => v_cycle - 1))::date;
        ELSE  -- never read: calendar-aligned periods of the account's cycle
            v_period := date_trunc('month', p_applied_on)::date
                        + make_interval(months => v_cycle);
            v_start := (v_period - make_interval(months => v_cycle - 1))::date;
        END IF;
    END IF;
    WHILE v_start <= p_applied_on LOOP  -- a reading overdue on the application day
        v_period := v_period + make_interval(months => v_cycle);
        v_start := (v_period - make_interval(months => v_cycle - 1))::date;
    END LOOP;
    RETURN to_char(v_period, 'YYYY-MM');
END
$$;

-- One application as the register shows it (never the raw ID number or phone).
CREATE FUNCTION counter_relief_json(t relief_applications, p_today date) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'account_id', t.account_id, 'account_no', a.account_no,
        'account_name', a.name, 'address', a.address, 'area_code', a.area_code,
        'account_type', a.account_type, 'certificate_type', t.certificate_type,
        'certificate_no', t.certificate_no, 'issuing_office', t.issuing_office,
        'valid_from', t.valid_from, 'valid_to', t.valid_to, 'holder_name', t.holder_name,
        'holder_id_masked', t.holder_id_masked, 'contact_phone_masked', t.contact_phone_masked,
        'materials', t.materials_json::jsonb,
        'low_income_households', t.low_income_households,
        'total_households', t.total_households, 'notes', t.notes, 'status', t.status,
        'display_status', CASE WHEN t.status IN ('approved', 'pending') AND t.valid_to < p_today
                               THEN 'expired' ELSE t.status END,
        'applied_on', t.applied_on, 'effective_period', t.effective_period,
        'revoked_reason', t.revoked_reason, 'version', t.version,
        -- relief granted on the bills from its effective period up to the
        -- effective period of the account's next relief (a renewal's bills
        -- are counted on the renewal, not twice)
        'relief_total', -(SELECT coalesce(sum(bl.amount), 0) FROM bill_lines bl
                          JOIN bills b ON b.id = bl.bill_id
                          WHERE bl.kind = 'relief' AND b.account_id = t.account_id
                            AND b.period >= t.effective_period
                            AND NOT EXISTS (
                                SELECT 1 FROM relief_applications later
                                WHERE later.account_id = t.account_id
                                  AND later.effective_period > t.effective_period
                                  AND later.effective_period <= b.period)),
        'filed_by', (SELECT display_name FROM clerks WHERE id = t.created_by),
        'decided_by', coalesce((SELECT display_name FROM clerks WHERE id = t.decided_by), ''))
    FROM accounts a WHERE a.id = t.account_id
$$;

-- The application locked for a decision: found, filed at the decider's
-- hall (the hall that saw the materials decides; an admin decides any), the
-- version the decider saw (CT409 otherwise: someone else decided first), in
-- an allowed status.
CREATE FUNCTION counter_relief_for_decision(p_me clerks, p_id bigint, p_version int,
                                            p_allowed text[])
    RETURNS relief_applications
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v relief_applications;
BEGIN
    SELECT * INTO v FROM relief_applications WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'missing', 'application',
                             format('no relief application %s', p_id));
    END IF;
    IF p_me.role <> 'admin' AND p_me.hall_code IS DISTINCT FROM
            (SELECT hall_code FROM clerks WHERE id = v.created_by) THEN
        PERFORM counter_fail('CT403', 'hall', 'supervisor',
                             format('application %s was filed at another hall', p_id));
    END IF;
    IF v.version IS DISTINCT FROM p_version THEN
        PERFORM counter_fail('CT409', 'conflict', 'version',
                             'the application was changed by someone else');
    END IF;
    IF NOT v.status = ANY (p_allowed) THEN
        PERFORM counter_fail('CT409', v.status, 'status', format('the application is %s', v.status));
    END IF;
    RETURN v;
END
$$;

-- A decision's reason: required, at most 2000 characters.
CREATE FUNCTION counter_relief_reason(p text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v text := btrim(normalize(coalesce(p, ''), NFKC));
BEGIN
    IF v = '' THEN
        PERFORM counter_fail('CT400', 'required', 'reason', 'give the reason');
    END IF;
    IF length(v) > 2000 THEN
        PERFORM counter_fail('CT400', 'too_long', 'reason', 'the reason is too long');
    END IF;
    RETURN v;
END
$$;

-- A required text field of the form: trimmed, not empty, not too long.
CREATE FUNCTION counter_relief_text(p text, p_field text, p_max int, p_required boolean)
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v text := btrim(regexp_replace(normalize(coalesce(p, ''), NFKC), '[[:space:]]+', ' ', 'g'));
BEGIN
    IF p_required AND v = '' THEN
        PERFORM counter_fail('CT400', 'required', p_field, format('%s is required', p_field));
    END IF;
    IF length(v) > p_max THEN
        PERFORM counter_fail('CT400', 'too_long', p_field, format('%s is too long', p_field));
    END IF;
    RETURN v;
END
$$;

-- ---------------------------------------------------------------------------
-- counter_file_relief: a clerk files an application (approved at once when
-- the utility configures direct approval).
-- ---------------------------------------------------------------------------
CREATE FUNCTION counter_file_relief(
    p_workstation text, p_account_id bigint, p_certificate_type text, p_certificate_no text,
    p_issuing_office text, p_valid_from date, p_valid_to date, p_holder_name text,
    p_holder_id_number text, p_contact_phone text, p_materials text[],
    p_low_income_households int, p_total_households int, p_notes text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_today date := counter_relief_today();
    v_options jsonb := counter_relief_options();
    v_rule text := v_options ->> 'rule_code';
    v_direct boolean := (v_options ->> 'direct_approval')::boolean;
    v_account accounts;
    v_type text;
    v_cert text;
    v_office text;
    v_holder text;
    v_id text;
    v_problem text;
    v_phone text;
    v_phone_masked text;
    v_low int;
    v_total int;
    v_notes text;
    v_other bigint;
    v_row relief_applications;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM relief_rules WHERE code = v_rule) THEN
        PERFORM counter_fail('CT400', 'missing', 'rule', format('no relief rule %s', v_rule));
    END IF;
    SELECT * INTO v_account FROM accounts WHERE id = p_account_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'missing', 'account', format('no account %s', p_account_id));
    END IF;
    IF v_account.status <> 'active' THEN
        PERFORM counter_fail('CT400', 'inactive', 'account', 'the account is not active');
    END IF;
    IF v_account.account_type NOT IN ('household', 'collective') THEN
        PERFORM counter_fail('CT400', 'not_residential', 'account',
                             'relief is for residential (household or collective) accounts');
    END IF;
    v_type := counter_relief_text(p_certificate_type, 'certificate_type', 40, true);
    IF NOT (v_options -> 'certificate_types') ? v_type THEN
        PERFORM counter_fail('CT400', 'unknown', 'certificate_type',
                             format('unknown certificate type %s', v_type));
    END IF;
    v_cert := counter_relief_certificate_key(
        counter_relief_text(p_certificate_no, 'certificate_no', 40, true));
    v_office := counter_relief_text(p_issuing_office, 'issuing_office', 80, true);
    IF p_valid_from IS NULL THEN
        PERFORM counter_fail('CT400', 'required', 'valid_from', 'valid from is required');
    END IF;
    IF p_valid_to IS NULL THEN
        PERFORM counter_fail('CT400', 'required', 'valid_to', 'valid to is required');
    END IF;
    IF p_valid_from < DATE '2000-01-01' THEN
        PERFORM counter_fail('CT400', 'too_early', 'valid_from', 'valid from is before 2000');
    END IF;
    IF p_valid_from > v_today + interval '10 years' THEN
        PERFORM counter_fail('CT400', 'too_far', 'valid_from', 'more than 10 years ahead');
    END IF;
    IF p_valid_to < p_valid_from THEN
        PERFORM counter_fail('CT400', 'before_from', 'valid_to', 'valid to is before valid from');
    END IF;
    IF p_valid_to > v_today + interval '10 years' THEN
        PERFORM counter_fail('CT400', 'too_far', 'valid_to', 'more than 10 years ahead');
    END IF;
    IF p_valid_from > v_today THEN
        PERFORM counter_fail('CT400', 'not_yet_valid', 'valid_from',
                             'the certificate is not valid yet');
    END IF;
    IF p_valid_to < v_today THEN
        PERFORM counter_fail('CT400', 'expired', 'valid_to', 'the certificate has expired');
    END IF;
    v_holder := counter_relief_text(p_holder_name, 'holder_name', 80, true);
    v_id := upper(regexp_replace(normalize(coalesce(p_holder_id_number, ''), NFKC),
                                 '[[:space:]]', '', 'g'));
    IF v_id = '' THEN
        PERFORM counter_fail('CT400', 'required', 'holder_id_number', 'the ID number is required');
    END IF;
    v_problem := counter_relief_id_problem(v_id, v_today);
    IF v_problem IS NOT NULL THEN
        PERFORM counter_fail('CT400', v_problem, 'holder_id_number', 'invalid ID number');
    END IF;
    v_phone := counter_relief_phone(p_contact_phone);
    IF v_phone = '' THEN
        PERFORM counter_fail('CT400', 'required', 'contact_phone', 'the phone is required');
    END IF;
    v_phone_masked := counter_relief_phone_mask(v_phone);
    IF v_phone_masked IS NULL THEN
        PERFORM counter_fail('CT400', 'format', 'contact_phone', 'not a mobile or fixed line');
    END IF;
    IF NOT coalesce(p_materials, '{}') @> ARRAY['certificate_original', 'certificate_copy',
                                                 'holder_id_copy'] THEN
        PERFORM counter_fail('CT400', 'missing', 'materials', 'materials not all seen');
    END IF;
    IF v_account.account_type = 'collective' THEN
        v_low := p_low_income_households;
        v_total := p_total_households;
        IF v_low IS NULL THEN
            PERFORM counter_fail('CT400', 'required', 'low_income_households',
                                 'low-income households needed');
        END IF;
        IF v_total IS NULL THEN
            PERFORM counter_fail('CT400', 'required', 'total_households',
                                 'total households needed');
        END IF;
        IF v_low <= 0 THEN
            PERFORM counter_fail('CT400', 'range', 'low_income_households',
                                 'low-income households must be > 0');
        END IF;
        IF v_total < v_low THEN
            PERFORM counter_fail('CT400', 'below_low', 'total_households',
                                 'total households below the low-income households');
        END IF;
        IF coalesce(v_account.households_total, 0) > 0
           AND v_total > v_account.households_total THEN
            PERFORM counter_fail('CT400', 'above_account', 'total_households',
                                 format('more than the account''s %s households',
                                        v_account.households_total));
        END IF;
    END IF;
    v_notes := counter_relief_text(p_notes, 'notes', 2000, false);

    -- One active relief per certificate: two clerks filing it on two accounts
    -- lock different account rows, so filings of one number are serialised
    -- here before the check (READ COMMITTED: it then sees the first filing).
    -- A unique index cannot say it: "active" depends on today (valid_to).
    PERFORM pg_advisory_xact_lock(7320, hashtext(v_cert));
    SELECT id INTO v_other FROM relief_applications
    WHERE certificate_no = v_cert AND status IN ('pending', 'approved') AND valid_to >= v_today
    LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'duplicate', 'certificate_no',
                             format('certificate already has active relief %s', v_other));
    END IF;
    SELECT id INTO v_other FROM relief_applications
    WHERE account_id = p_account_id AND status IN ('pending', 'approved')
      AND valid_to >= v_today
    LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'duplicate', 'account',
                             format('account already has active relief %s', v_other));
    END IF;

    INSERT INTO relief_applications (
        account_id, rule_code, certificate_type, certificate_no, issuing_office, valid_from,
        valid_to, holder_name, holder_id_number, holder_id_masked, contact_phone,
        contact_phone_masked, materials_json, low_income_households, total_households, notes,
        status, applied_on, effective_period, created_by, decided_by, decided_at,
        revoked_reason, version, created_at)
    VALUES (
        p_account_id, v_rule, v_type, v_cert, v_office, p_valid_from, p_valid_to, v_holder,
        v_id,
        CASE length(v_id) WHEN 18 THEN left(v_id, 6) || '********' || right(v_id, 4)
                          ELSE left(v_id, 6) || '******' || right(v_id, 3) END,
        v_phone, v_phone_masked, '["证件原件", "证件复印件", "持证人身份证复印件"]',
        v_low, v_total, v_notes,
        CASE WHEN v_direct THEN 'approved' ELSE 'pending' END, v_today,
        CASE WHEN v_direct THEN counter_relief_effective_period(p_account_id, v_today) END,
        v_me.id, CASE WHEN v_direct THEN v_me.id END, CASE WHEN v_direct THEN now() END,
        '', 1, now())
    RETURNING * INTO v_row;
    PERFORM counter_audit(p_workstation, 'relief.apply', 'relief_application', v_row.id::text,
                          jsonb_build_object('account_id', p_account_id,
                                             'certificate_type', v_type,
                                             'certificate_no', v_cert,
                                             'direct_approval', v_direct));
    IF v_direct THEN
        PERFORM counter_audit(p_workstation, 'relief.approve', 'relief_application',
                              v_row.id::text,
                              jsonb_build_object('effective_period', v_row.effective_period,
                                                 'direct', true));
    END IF;
    RETURN counter_relief_json(v_row, v_today);
END
$$;

-- ---------------------------------------------------------------------------
-- Decisions: a supervisor (the caller, now) approves, rejects or withdraws.
-- ---------------------------------------------------------------------------
CREATE FUNCTION counter_approve_relief(p_workstation text, p_id bigint, p_version int)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_today date := counter_relief_today();
    v relief_applications := counter_relief_for_decision(v_me, p_id, p_version,
                                                           ARRAY['pending']);
BEGIN
    IF v.valid_to < v_today THEN
        PERFORM counter_fail('CT400', 'expired', 'valid_to', 'the certificate has expired');
    END IF;
    UPDATE relief_applications
    SET status = 'approved',
        effective_period = counter_relief_effective_period(v.account_id, v.applied_on),
        decided_by = v_me.id, decided_at = now(), version = v.version + 1
    WHERE id = v.id
    RETURNING * INTO v;
    PERFORM counter_audit(p_workstation, 'relief.approve', 'relief_application', v.id::text,
                          jsonb_build_object('effective_period', v.effective_period,
                                             'version', v.version));
    RETURN counter_relief_json(v, v_today);
END
$$;

-- Reject (a pending application) or withdraw (pending or approved): the reason
-- is kept, the certificate is free again.
CREATE FUNCTION counter_relief_close(p_workstation text, p_id bigint, p_version int,
                                     p_reason text, p_status text, p_allowed text[],
                                     p_action text)
    RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_reason text := counter_relief_reason(p_reason);
    v relief_applications := counter_relief_for_decision(v_me, p_id, p_version, p_allowed);
BEGIN
    UPDATE relief_applications
    SET status = p_status, revoked_reason = v_reason, decided_by = v_me.id, decided_at = now(),
        version = v.version + 1
    WHERE id = v.id
    RETURNING * INTO v;
    PERFORM counter_audit(p_workstation, p_action, 'relief_application', v.id::text,
                          jsonb_build_object('reason', v_reason, 'version', v.version));
    RETURN counter_relief_json(v, counter_relief_today());
END
$$;

CREATE FUNCTION counter_reject_relief(p_workstation text, p_id bigint, p_version int,
                                      p_reason text)
    RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT counter_relief_close(p_workstation, p_id, p_version, p_reason, 'rejected',
                                ARRAY['pending'], 'relief.reject')
$$;

CREATE FUNCTION counter_withdraw_relief(p_workstation text, p_id bigint, p_version int,
                                        p_reason text)
    RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT counter_relief_close(p_workstation, p_id, p_version, p_reason, 'revoked',
                                ARRAY['pending', 'approved'], 'relief.revoke')
$$;

-- ---------------------------------------------------------------------------
-- Screen loads.
-- ---------------------------------------------------------------------------

-- The relief page: the register rows (filtered), the reliefs expiring within
-- p_expiring_days, relief granted per bill period, the settings and the areas.
CREATE FUNCTION counter_relief_register(
    p_status text, p_area text, p_certificate_type text, p_expiring_within int,
    p_account_id bigint, p_limit int, p_expiring_days int, p_from_period text,
    p_to_period text
) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_today date := counter_relief_today();
    v_rows jsonb;
    v_expiring jsonb := '[]';
    v_totals jsonb;
BEGIN
    IF p_status IS NOT NULL
       AND p_status NOT IN ('pending', 'approved', 'rejected', 'revoked', 'expired') THEN
        PERFORM counter_fail('CT400', 'unknown', 'status', format('no status %s', p_status));
    END IF;
    IF p_limit < 0 OR p_expiring_within < 0 OR p_expiring_days < 0 THEN
        PERFORM counter_fail('CT400', 'range', 'limit', 'a negative count');
    END IF;
    SELECT coalesce(jsonb_agg(counter_relief_json(q.r, v_today) ORDER BY q.o1, q.o2 DESC),
                    '[]')
    INTO v_rows
    FROM (
        SELECT t AS r,
               CASE WHEN p_expiring_within IS NOT NULL THEN t.valid_to END AS o1,
               t.id AS o2
        FROM relief_applications t JOIN accounts a ON a.id = t.account_id
        WHERE (p_area IS NULL OR a.area_code = p_area)
          AND (p_certificate_type IS NULL OR t.certificate_type = p_certificate_type)
          AND (p_account_id IS NULL OR t.account_id = p_account_id)
          AND CASE
                WHEN p_status IS NULL THEN true
                WHEN p_status = 'expired' THEN t.status = 'expired'
                    OR (t.status IN ('approved', 'pending') AND t.valid_to < v_today)
                WHEN p_status IN ('approved', 'pending') THEN
                    t.status = p_status AND t.valid_to >= v_today
                ELSE t.status = p_status END
          AND (p_expiring_within IS NULL
               OR (t.status = 'approved' AND t.valid_to >= v_today
                   AND t.valid_to <= v_today + p_expiring_within))
        ORDER BY o1, o2 DESC
        LIMIT p_limit
    ) q;
    IF p_expiring_days IS NOT NULL THEN
        SELECT coalesce(jsonb_agg(counter_relief_json(t, v_today) ORDER BY t.valid_to, t.id DESC),
                        '[]')
        INTO v_expiring
        FROM relief_applications t
        WHERE t.status = 'approved' AND t.valid_to >= v_today
          AND t.valid_to <= v_today + p_expiring_days;
    END IF;
    SELECT coalesce(jsonb_agg(jsonb_build_object('period', period, 'bills', bills,
                                                 'volume', volume, 'amount', amount)
                              ORDER BY period), '[]')
    INTO v_totals
    FROM (
        SELECT b.period, count(DISTINCT b.id) AS bills, coalesce(sum(bl.volume), 0) AS volume,
               -coalesce(sum(bl.amount), 0) AS amount
        FROM bills b JOIN bill_lines bl ON bl.bill_id = b.id
        JOIN accounts a ON a.id = b.account_id
        WHERE bl.kind = 'relief'
          AND (p_area IS NULL OR a.area_code = p_area)
          AND (p_from_period IS NULL OR b.period >= p_from_period)
          AND (p_to_period IS NULL OR b.period <= p_to_period)
        GROUP BY b.period
    ) per_period;
    RETURN jsonb_build_object(
        'today', v_today, 'rows', v_rows, 'expiring', v_expiring, 'totals', v_totals,
        'options', counter_relief_options(),
        'areas', (SELECT coalesce(jsonb_agg(jsonb_build_array(code, name) ORDER BY code), '[]')
                  FROM areas));
END
$$;

-- The application form: the settings, the caller's utility and hall (printed
-- on the form) and, when asked, the account the application is for.
CREATE FUNCTION counter_relief_context(p_account_id bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_account jsonb;
BEGIN
    IF p_account_id IS NOT NULL THEN
        SELECT jsonb_build_object(
            'account_id', id, 'account_no', account_no, 'name', name, 'address', address,
            'account_type', account_type, 'households_total', households_total,
            'area_code', area_code, 'read_cycle_months', read_cycle_months)
        INTO v_account FROM accounts WHERE id = p_account_id;
        IF NOT FOUND THEN
            PERFORM counter_fail('CT404', 'missing', 'account',
                                 format('no account %s', p_account_id));
        END IF;
    END IF;
    RETURN jsonb_build_object(
        'options', counter_relief_options(),
        'utility_name', coalesce((SELECT value FROM utility_settings WHERE key = 'utility_name'),
                                 ''),
        'hall_name', coalesce((SELECT name FROM halls WHERE code = v_me.hall_code),
                              v_me.hall_code),
        'account', v_account);
END
$$;

-- ---------------------------------------------------------------------------
-- The books: what an action with a bug still cannot store (NOT VALID: rows
-- stored before this migration are left as they were).
-- ---------------------------------------------------------------------------
ALTER TABLE relief_applications ADD CONSTRAINT relief_applications_certificate_key
    CHECK (certificate_no = counter_relief_certificate_key(certificate_no)) NOT VALID;

-- ---------------------------------------------------------------------------
-- Privileges: the actions for the groups, the helpers for nobody, and no
-- group writes relief_applications any more.
-- ---------------------------------------------------------------------------
REVOKE ALL ON FUNCTION counter_relief_today() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_certificate_key(text) FROM PUBLIC;
-- pure, and evaluated by the CHECK above with the writer's privileges (the
-- owner in the actions, an administrator seeding a demo)
GRANT EXECUTE ON FUNCTION counter_relief_certificate_key(text) TO counter_clerk;
REVOKE ALL ON FUNCTION counter_relief_options() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_id_problem(text, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_phone(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_phone_mask(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_effective_period(bigint, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_json(relief_applications, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_for_decision(clerks, bigint, int, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_reason(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_text(text, text, int, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_close(text, bigint, int, text, text, text[], text)
    FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_file_relief(text, bigint, text, text, text, date, date, text,
    text, text, text[], int, int, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_approve_relief(text, bigint, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reject_relief(text, bigint, int, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withdraw_relief(text, bigint, int, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_register(text, text, text, int, bigint, int, int, text,
    text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_relief_context(bigint) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION counter_file_relief(text, bigint, text, text, text, date, date, text,
    text, text, text[], int, int, text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_relief_register(text, text, text, int, bigint, int, int, text,
    text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_relief_context(bigint) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_approve_relief(text, bigint, int) TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_reject_relief(text, bigint, int, text) TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_withdraw_relief(text, bigint, int, text) TO counter_supervisor;

REVOKE INSERT ON relief_applications FROM counter_clerk;
REVOKE UPDATE ON relief_applications FROM counter_supervisor;
REVOKE USAGE ON SEQUENCE relief_applications_id_seq FROM counter_clerk;
