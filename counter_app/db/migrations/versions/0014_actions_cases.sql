-- Server-side actions of the cases area (migration 0014): complaints, their
-- event log and department list, data-correction requests, outages.
--
-- Every write is one function below (SECURITY DEFINER, owned by
-- counter_owner, search_path pinned): the caller comes from session_user
-- (counter_caller), the time is the server's now(), the audit row is written
-- in the same function. The group roles lose INSERT/UPDATE on complaints,
-- complaint_events, correction_requests, outages and the supervisors' UPDATE
-- on accounts' personal columns (see 0014_actions_cases.py); the raw proposed
-- value of a correction becomes readable by no app role (one value is shown
-- through counter_reveal_correction, audited).
--
-- Internal helpers (counter_complaint_*, counter_correction_json,
-- counter_mask_value, counter_check_correction) are executable by no login.

-- ------------------------------------------------------------------ helpers

-- The normalised value a correction may propose, or a CT400 refusal
-- (code 'format' / 'too_long' / 'empty', field 'value').
CREATE FUNCTION counter_check_correction(p_field text, p_value text)
    RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v text := btrim(regexp_replace(coalesce(p_value, ''), '\s+', ' ', 'g'));
    v_born date;
    v_digits text;
    v_sum int := 0;
BEGIN
    IF v = '' THEN
        PERFORM counter_fail('CT400', 'empty', 'value', 'a value is required');
    END IF;
    IF p_field = 'id_number' THEN
        IF v !~ '^([0-9]{17}[0-9X]|[0-9]{15})$' THEN
            PERFORM counter_fail('CT400', 'format', 'value', 'not an ID number');
        END IF;
        v_digits := CASE WHEN length(v) = 15 THEN '19' || substr(v, 7, 6) ELSE substr(v, 7, 8) END;
        BEGIN
            v_born := to_date(v_digits, 'YYYYMMDD');
            IF to_char(v_born, 'YYYYMMDD') <> v_digits THEN
                v_born := NULL;
            END IF;
        EXCEPTION WHEN others THEN
            v_born := NULL;
        END;
        IF v_born IS NULL OR v_born < date '1800-01-01' OR v_born > current_date THEN
            PERFORM counter_fail('CT400', 'format', 'value', 'the birth date is not a date');
        END IF;
        IF length(v) = 18 THEN
            FOR i IN 1..17 LOOP
                v_sum := v_sum + substr(v, i, 1)::int * ((2 ^ (18 - i))::bigint % 11)::int;
            END LOOP;
            IF substr('10X98765432', v_sum % 11 + 1, 1) <> substr(v, 18, 1) THEN
                PERFORM counter_fail('CT400', 'format', 'value', 'the check digit is wrong');
            END IF;
        END IF;
    ELSIF p_field = 'mobile' THEN
        IF v !~ '^1[3-9][0-9]{9}$' THEN
            PERFORM counter_fail('CT400', 'format', 'value', 'not a mobile number');
        END IF;
    ELSIF p_field = 'landline' THEN
        IF NOT (v ~ '^[2-9][0-9]{6,7}$'
                OR (v ~ '^0[12]' AND substr(v, 4) ~ '^[2-9][0-9]{6,7}$')
                OR (v ~ '^0[3-9][0-9]{2}' AND substr(v, 5) ~ '^[2-9][0-9]{6,7}$')) THEN
            PERFORM counter_fail('CT400', 'format', 'value', 'not a fixed-line number');
        END IF;
    ELSIF p_field IN ('name', 'meter_location', 'address') THEN
        IF char_length(v) > (CASE p_field WHEN 'address' THEN 200 ELSE 80 END) THEN
            PERFORM counter_fail('CT400', 'too_long', 'value', 'the value is too long');
        END IF;
    ELSE
        PERFORM counter_fail('CT400', 'field', 'field', 'this field is not corrected here');
    END IF;
    RETURN v;
END
$$;

-- A value as shown on screen: the ID number and phones masked as
-- counter_app.domain.masking masks them, anything else as it is.
CREATE FUNCTION counter_mask_value(p_field text, p_value text)
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v text := coalesce(p_value, '');
    n int := length(v);
    v_area int;
BEGIN
    IF p_field = 'id_number' THEN
        RETURN CASE n WHEN 18 THEN left(v, 6) || repeat('*', 8) || right(v, 4)
                      WHEN 15 THEN left(v, 6) || repeat('*', 6) || right(v, 3)
                      ELSE repeat('*', n) END;
    ELSIF p_field IN ('mobile', 'landline') THEN
        IF v ~ '^1[3-9][0-9]{9}$' THEN
            RETURN left(v, 3) || '****' || right(v, 4);
        ELSIF v ~ '^[2-9][0-9]{6,7}$' THEN
            RETURN repeat('*', n - 3) || right(v, 3);
        ELSIF v ~ '^0[0-9]' THEN
            v_area := CASE WHEN substr(v, 2, 1) IN ('1', '2') THEN 3 ELSE 4 END;
            IF substr(v, v_area + 1) ~ '^[2-9][0-9]{6,7}$' THEN
                RETURN left(v, v_area) || '-' || repeat('*', n - v_area - 3) || right(v, 3);
            END IF;
        END IF;
        RETURN CASE WHEN n >= 7 THEN repeat('*', n - 3) || right(v, 3) ELSE repeat('*', n) END;
    END IF;
    RETURN v;
END
$$;

-- The next ticket number of the Asia/Shanghai day of p_at: TSyyyymmdd + 4
-- digits. Callers hold the ticket lock (one writer at a time).
CREATE FUNCTION counter_complaint_ticket(p_at timestamptz)
    RETURNS text
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_prefix text := 'TS' || to_char(p_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD');
    v_last text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('counter_complaint_ticket'));
    SELECT max(ticket_no) INTO v_last FROM complaints WHERE ticket_no LIKE v_prefix || '%';
    RETURN v_prefix || lpad((coalesce(substr(v_last, length(v_prefix) + 1)::int, 0) + 1)::text,
                            4, '0');
END
$$;

-- The complaint as the detail screen shows it, with its event log.
CREATE FUNCTION counter_complaint_json(p_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'id', c.id, 'ticket_no', c.ticket_no, 'account_id', c.account_id,
        'account_no', coalesce(a.account_no, ''), 'address', coalesce(a.address, ''),
        'complainant', c.complainant, 'contact', c.contact, 'channel', c.channel,
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

-- One step of a complaint's life: the version checked (CT409 stale), the
-- state checked (CT400 state, field = the current status), the row updated
-- with the version bumped, the event and the audit row written; the
-- complaint returned as the detail screen shows it.
CREATE FUNCTION counter_complaint_step(
    p_me clerks, p_workstation text, p_id bigint, p_version int, p_kind text,
    p_allowed text[], p_values jsonb, p_content text, p_channel text
) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    c complaints;
BEGIN
    SELECT * INTO c FROM complaints WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'complaint', 'no such complaint');
    END IF;
    IF c.version <> p_version THEN
        PERFORM counter_fail('CT409', 'stale', 'version',
                             'someone saved this complaint after it was loaded');
    END IF;
    IF NOT c.status = ANY (p_allowed) THEN
        PERFORM counter_fail('CT400', 'state', c.status,
                             format('a %s complaint cannot be %s', c.status, p_kind));
    END IF;
    UPDATE complaints SET
        status = coalesce(p_values->>'status', status),
        department = coalesce(p_values->>'department', department),
        due_at = CASE WHEN p_values ? 'due_at' THEN (p_values->>'due_at')::timestamptz
                      ELSE due_at END,
        recall_on = CASE WHEN p_values ? 'recall_on' THEN (p_values->>'recall_on')::date
                         ELSE recall_on END,
        resolution = coalesce(p_values->>'resolution', resolution),
        satisfaction = coalesce(p_values->>'satisfaction', satisfaction),
        company_at_fault = coalesce((p_values->>'company_at_fault')::boolean, company_at_fault),
        apology_given = coalesce((p_values->>'apology_given')::boolean, apology_given),
        version = version + 1,
        updated_at = now()
    WHERE id = p_id;
    INSERT INTO complaint_events (complaint_id, kind, content, channel, clerk_id, created_at)
    VALUES (p_id, p_kind, p_content, coalesce(p_channel, ''), p_me.id, now());
    PERFORM counter_audit(p_workstation, 'complaint.' || p_kind, 'complaint', p_id::text,
                          (p_values - 'resolution') || jsonb_build_object('version', p_version + 1));
    RETURN counter_complaint_json(p_id);
END
$$;

-- A required text of at most p_max characters, trimmed (CT400 required /
-- too_long naming p_field).
CREATE FUNCTION counter_complaint_text(p_value text, p_field text, p_max int DEFAULT 500)
    RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v text := btrim(coalesce(p_value, ''));
BEGIN
    IF v = '' THEN
        PERFORM counter_fail('CT400', 'required', p_field, p_field || ' is required');
    END IF;
    IF char_length(v) > p_max THEN
        PERFORM counter_fail('CT400', 'too_long', p_field, p_field || ' is too long');
    END IF;
    RETURN v;
END
$$;

-- ------------------------------------------------------------------ complaints

CREATE FUNCTION counter_receive_complaint(p_workstation text, p_new jsonb)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_complainant text := counter_complaint_text(p_new->>'complainant', 'complainant', 40);
    v_contact text := btrim(coalesce(p_new->>'contact', ''));
    v_description text := counter_complaint_text(p_new->>'description', 'description');
    v_channel text := coalesce(p_new->>'channel', '');
    v_category text := coalesce(p_new->>'category', '');
    v_account bigint := (p_new->>'account_id')::bigint;
    v_fault boolean := coalesce((p_new->>'company_at_fault')::boolean, false);
    v_apology boolean := coalesce((p_new->>'apology_given')::boolean, false);
    v_resolution text := btrim(coalesce(p_new->>'resolution', ''));
    v_department text := btrim(coalesce(p_new->>'department', ''));
    v_due timestamptz := (p_new->>'due_at')::timestamptz;
    v_recall date := (p_new->>'recall_on')::date;
    v_status text;
    v_ticket text;
    v_id bigint;
BEGIN
    IF v_contact <> '' AND v_contact !~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[2-9][0-9]{6,7})$' THEN
        PERFORM counter_fail('CT400', 'phone', 'contact', 'not a phone number');
    END IF;
    IF char_length(v_resolution) > 500 THEN
        PERFORM counter_fail('CT400', 'too_long', 'resolution', 'resolution is too long');
    END IF;
    IF v_channel NOT IN ('counter', 'hotline', 'online', 'letter') THEN
        PERFORM counter_fail('CT400', 'choice', 'channel', 'unknown channel');
    END IF;
    IF v_category NOT IN ('water_quality', 'pressure', 'billing', 'meter', 'service',
                          'construction', 'other') THEN
        PERFORM counter_fail('CT400', 'choice', 'category', 'unknown category');
    END IF;
    IF v_apology AND NOT v_fault THEN
        PERFORM counter_fail('CT400', 'apology_without_fault', 'apology_given',
                             'an apology is given only when the company is at fault');
    END IF;
    IF v_resolution <> '' AND v_department <> '' THEN
        PERFORM counter_fail('CT400', 'resolved_and_forwarded', 'department',
                             'solved on the spot or forwarded, not both');
    END IF;
    IF char_length(v_department) > 40 THEN
        PERFORM counter_fail('CT400', 'too_long', 'department', 'department is too long');
    END IF;
    IF v_department <> '' AND (v_due IS NULL OR v_due <= now()) THEN
        PERFORM counter_fail('CT400', 'due_in_past', 'due_at', 'the due time must be ahead');
    END IF;
    IF v_account IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts WHERE id = v_account) THEN
        PERFORM counter_fail('CT400', 'unknown_account', 'account', 'no such account');
    END IF;
    v_status := CASE WHEN v_resolution <> '' THEN 'resolved'
                     WHEN v_department <> '' THEN 'forwarded' ELSE 'open' END;
    v_ticket := counter_complaint_ticket(now());
    INSERT INTO complaints (ticket_no, account_id, complainant, contact, channel, category,
                            description, company_at_fault, apology_given, status, department,
                            resolution, due_at, recall_on, satisfaction, created_by, version,
                            created_at, updated_at)
    VALUES (v_ticket, v_account, v_complainant, v_contact, v_channel, v_category, v_description,
            v_fault, v_apology, v_status, v_department, v_resolution,
            CASE WHEN v_department <> '' THEN v_due END,
            CASE WHEN v_resolution = '' THEN v_recall END, '', v_me.id, 1, now(), now())
    RETURNING id INTO v_id;
    INSERT INTO complaint_events (complaint_id, kind, content, channel, clerk_id, created_at)
    VALUES (v_id, 'received', CASE WHEN v_apology THEN '已致歉' ELSE '' END, v_channel, v_me.id,
            now());
    IF v_status = 'resolved' THEN
        INSERT INTO complaint_events (complaint_id, kind, content, channel, clerk_id, created_at)
        VALUES (v_id, 'resolved', v_resolution, '', v_me.id, now());
    ELSIF v_status = 'forwarded' THEN
        INSERT INTO complaint_events (complaint_id, kind, content, channel, clerk_id, created_at)
        VALUES (v_id, 'forwarded', v_department, '', v_me.id, now());
    END IF;
    PERFORM counter_audit(p_workstation, 'complaint.receive', 'complaint', v_id::text,
        jsonb_build_object('ticket', v_ticket, 'category', v_category, 'channel', v_channel,
                           'account_id', v_account, 'at_fault', v_fault,
                           'apology', v_apology, 'status', v_status,
                           'department', v_department, 'hall', v_me.hall_code,
                           'due_at', CASE WHEN v_department <> '' THEN v_due END));
    RETURN counter_complaint_json(v_id);
END
$$;

CREATE FUNCTION counter_resolve_complaint(
    p_workstation text, p_id bigint, p_version int, p_resolution text,
    p_company_at_fault boolean DEFAULT NULL, p_apology_given boolean DEFAULT NULL
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_text text := counter_complaint_text(p_resolution, 'resolution');
BEGIN
    RETURN counter_complaint_step(v_me, p_workstation, p_id, p_version, 'resolved',
        ARRAY['open', 'forwarded', 'replied'],
        jsonb_strip_nulls(jsonb_build_object(
            'status', 'resolved', 'resolution', v_text, 'company_at_fault', p_company_at_fault,
            'apology_given', p_apology_given)) || '{"recall_on": null}'::jsonb,
        v_text, '');
END
$$;

CREATE FUNCTION counter_forward_complaint(
    p_workstation text, p_id bigint, p_version int, p_department text, p_due_at timestamptz,
    p_note text DEFAULT ''
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_dept text := counter_complaint_text(p_department, 'department', 40);
    v_note text := btrim(coalesce(p_note, ''));
BEGIN
    IF p_due_at IS NULL OR p_due_at <= now() THEN
        PERFORM counter_fail('CT400', 'due_in_past', 'due_at', 'the due time must be ahead');
    END IF;
    IF char_length(v_note) > 500 THEN
        PERFORM counter_fail('CT400', 'too_long', 'note', 'note is too long');
    END IF;
    RETURN counter_complaint_step(v_me, p_workstation, p_id, p_version, 'forwarded',
        ARRAY['open', 'forwarded'],
        jsonb_build_object('status', 'forwarded', 'department', v_dept, 'due_at', p_due_at),
        CASE WHEN v_note = '' THEN v_dept ELSE v_dept || '：' || v_note END, '');
END
$$;

CREATE FUNCTION counter_follow_up_complaint(
    p_workstation text, p_id bigint, p_version int, p_note text, p_recall_on date DEFAULT NULL
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_text text := counter_complaint_text(p_note, 'note');
BEGIN
    RETURN counter_complaint_step(v_me, p_workstation, p_id, p_version, 'follow_up',
        ARRAY['open', 'forwarded', 'resolved', 'replied'],
        CASE WHEN p_recall_on IS NULL THEN '{}'::jsonb
             ELSE jsonb_build_object('recall_on', p_recall_on) END,
        v_text, '');
END
$$;

CREATE FUNCTION counter_reply_complaint(
    p_workstation text, p_id bigint, p_version int, p_content text, p_channel text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_text text := counter_complaint_text(p_content, 'reply');
BEGIN
    IF coalesce(p_channel, '') NOT IN ('counter', 'hotline', 'online', 'letter') THEN
        PERFORM counter_fail('CT400', 'choice', 'reply_channel', 'unknown channel');
    END IF;
    RETURN counter_complaint_step(v_me, p_workstation, p_id, p_version, 'reply',
        ARRAY['open', 'forwarded', 'resolved', 'replied'], '{"status": "replied"}'::jsonb,
        v_text, p_channel);
END
$$;

CREATE FUNCTION counter_close_complaint(
    p_workstation text, p_id bigint, p_version int, p_satisfaction text, p_note text DEFAULT ''
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_note text := btrim(coalesce(p_note, ''));
BEGIN
    IF coalesce(p_satisfaction, '') NOT IN ('satisfied', 'neutral', 'dissatisfied') THEN
        PERFORM counter_fail('CT400', 'choice', 'satisfaction', 'unknown satisfaction');
    END IF;
    IF char_length(v_note) > 500 THEN
        PERFORM counter_fail('CT400', 'too_long', 'note', 'note is too long');
    END IF;
    RETURN counter_complaint_step(v_me, p_workstation, p_id, p_version, 'closed',
        ARRAY['resolved', 'replied'],
        jsonb_build_object('status', 'closed', 'satisfaction', p_satisfaction, 'recall_on', NULL),
        CASE WHEN v_note = '' THEN p_satisfaction ELSE v_note END, '');
END
$$;

CREATE FUNCTION counter_reopen_complaint(
    p_workstation text, p_id bigint, p_version int, p_reason text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_text text := counter_complaint_text(p_reason, 'reason');
BEGIN
    RETURN counter_complaint_step(v_me, p_workstation, p_id, p_version, 'reopened',
        ARRAY['resolved', 'replied', 'closed'], '{"status": "open", "satisfaction": ""}'::jsonb,
        v_text, '');
END
$$;

-- The detail screen: the complaint and its events, one call.
CREATE FUNCTION counter_complaint_detail(p_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v jsonb := counter_complaint_json(p_id);
BEGIN
    IF v IS NULL THEN
        PERFORM counter_fail('CT404', 'not_found', 'complaint', 'no such complaint');
    END IF;
    RETURN v;
END
$$;

-- The list screen: the rows matching p_filter (status or 'unclosed',
-- category, department, account_id, overdue_only, limit; overdue as of
-- p_as_of, the server's now when NULL) and the complaints received per
-- (month, category) in p_year by the Asia/Shanghai calendar, one call.
CREATE FUNCTION counter_complaint_list(p_filter jsonb, p_year int, p_as_of timestamptz DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    f jsonb := coalesce(p_filter, '{}'::jsonb);
    v_at timestamptz := coalesce(p_as_of, now());
    v_status text := nullif(f->>'status', '');
    v_limit int := least(greatest(coalesce((f->>'limit')::int, 500), 1), 5000);
    v_rows jsonb;
    v_counts jsonb;
BEGIN
    SELECT coalesce(jsonb_agg(r ORDER BY r.created_at DESC, r.id DESC), '[]'::jsonb) INTO v_rows
    FROM (
        SELECT c.id, c.ticket_no, c.created_at, c.complainant,
               coalesce(a.account_no, '') AS account_no, c.category, c.status, c.department,
               c.due_at, c.recall_on,
               (c.due_at IS NOT NULL AND c.status <> 'closed' AND c.due_at < v_at) AS overdue
        FROM complaints c LEFT JOIN accounts a ON a.id = c.account_id
        WHERE (v_status IS NULL OR (v_status = 'unclosed' AND c.status <> 'closed')
               OR c.status = v_status)
          AND (nullif(f->>'category', '') IS NULL OR c.category = f->>'category')
          AND (nullif(f->>'department', '') IS NULL OR c.department = f->>'department')
          AND (f->>'account_id' IS NULL OR c.account_id = (f->>'account_id')::bigint)
          AND (NOT coalesce((f->>'overdue_only')::boolean, false)
               OR (c.status <> 'closed' AND c.due_at < v_at))
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT v_limit
    ) r;
    SELECT coalesce(jsonb_agg(jsonb_build_array(month, category, n)), '[]'::jsonb) INTO v_counts
    FROM (
        SELECT extract(month FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS month,
               category, count(*) AS n
        FROM complaints
        WHERE created_at >= make_timestamptz(p_year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
          AND created_at < make_timestamptz(p_year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        GROUP BY 1, 2
    ) m;
    RETURN jsonb_build_object('rows', v_rows, 'counts', v_counts, 'as_of', v_at);
END
$$;

-- The department list of forwarded complaints (utility_settings key
-- complaint_departments, one name per line), kept by supervisors: only that
-- key, through this action. p_loaded is the list the editor started from
-- (p_default standing for an absent key): another save meanwhile is CT409
-- stale. A refused entry is named in the refusal's field.
CREATE FUNCTION counter_set_complaint_departments(
    p_workstation text, p_names text[], p_loaded text[], p_default text[]
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_clean text[] := '{}';
    v_name text;
    v_stored text;
    v_current text[];
BEGIN
    FOREACH v_name IN ARRAY coalesce(p_names, '{}') LOOP
        v_name := btrim(regexp_replace(coalesce(v_name, ''), '\s+', ' ', 'g'));
        IF v_name = '' THEN
            PERFORM counter_fail('CT400', 'required', '', 'a department has no name');
        END IF;
        IF char_length(v_name) > 40 THEN
            PERFORM counter_fail('CT400', 'too_long', v_name, 'the name is too long');
        END IF;
        IF lower(v_name) = ANY (SELECT lower(x) FROM unnest(v_clean) x) THEN
            PERFORM counter_fail('CT400', 'duplicate', v_name, 'the name is listed twice');
        END IF;
        v_clean := v_clean || v_name;
    END LOOP;
    IF cardinality(v_clean) = 0 THEN
        PERFORM counter_fail('CT400', 'empty_list', '', 'the list is empty');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('counter_complaint_departments'));
    SELECT value INTO v_stored FROM utility_settings WHERE key = 'complaint_departments';
    SELECT array_agg(btrim(line)) INTO v_current
    FROM regexp_split_to_table(coalesce(v_stored, ''), '\n') line WHERE btrim(line) <> '';
    v_current := coalesce(v_current, p_default, '{}');
    IF v_current IS DISTINCT FROM coalesce(p_loaded, '{}') THEN
        PERFORM counter_fail('CT409', 'stale', '', 'someone saved the list after it was loaded');
    END IF;
    IF v_clean = v_current THEN
        RETURN to_jsonb(v_current);
    END IF;
    INSERT INTO utility_settings (key, value)
    VALUES ('complaint_departments', array_to_string(v_clean, E'\n'))
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    PERFORM counter_audit(p_workstation, 'setting.change', 'utility_setting',
                          'complaint_departments',
                          jsonb_build_object('old', to_jsonb(v_current), 'new', to_jsonb(v_clean)));
    RETURN to_jsonb(v_clean);
END
$$;

-- ------------------------------------------------------------ corrections

CREATE FUNCTION counter_correction_json(p_where text, p_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'id', r.id, 'account_id', r.account_id, 'account_no', a.account_no,
               'account_name', a.name, 'field', r.field, 'old_value', r.old_value,
               'proposed_value', r.proposed_masked, 'evidence', r.evidence, 'status', r.status,
               'requested_by', coalesce(q.display_name, ''), 'requested_at', r.created_at,
               'decided_by', coalesce(d.display_name, ''), 'decided_at', r.decided_at,
               'decision_note', r.decision_note, 'version', r.version)
           ORDER BY r.created_at DESC, r.id DESC), '[]'::jsonb)
    FROM (SELECT * FROM correction_requests r
          WHERE CASE p_where WHEN 'pending' THEN r.status = 'pending'
                             WHEN 'account' THEN r.account_id = p_id
                             ELSE r.id = p_id END
          ORDER BY r.created_at DESC, r.id DESC LIMIT 500) r
    JOIN accounts a ON a.id = r.account_id
    LEFT JOIN clerks q ON q.id = r.requested_by
    LEFT JOIN clerks d ON d.id = r.decided_by
$$;

-- The corrections screen: p_scope 'pending', 'account' (p_id the account)
-- or 'one' (p_id the request); the proposed value masked.
CREATE FUNCTION counter_correction_list(p_scope text, p_id bigint DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
BEGIN
    IF p_scope NOT IN ('pending', 'account', 'one') THEN
        PERFORM counter_fail('CT400', 'scope', 'scope', 'unknown list');
    END IF;
    RETURN counter_correction_json(p_scope, p_id);
END
$$;

CREATE FUNCTION counter_file_correction(
    p_workstation text, p_account_id bigint, p_field text, p_value text, p_evidence text,
    p_account_version int
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_value text := counter_check_correction(p_field, p_value);
    a accounts;
    v_old text;
    v_raw text;
    v_shown text := counter_mask_value(p_field, v_value);
    v_id bigint;
BEGIN
    SELECT * INTO a FROM accounts WHERE id = p_account_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'account', 'no such account');
    END IF;
    IF a.version <> p_account_version THEN
        PERFORM counter_fail('CT409', 'account_changed', 'account',
                             'the account was changed after it was loaded');
    END IF;
    v_raw := CASE p_field WHEN 'name' THEN a.name WHEN 'address' THEN a.address
                          WHEN 'meter_location' THEN a.meter_location WHEN 'mobile' THEN a.mobile
                          WHEN 'landline' THEN a.landline ELSE a.id_number END;
    v_old := CASE p_field WHEN 'mobile' THEN a.mobile_masked WHEN 'landline' THEN a.landline_masked
                          WHEN 'id_number' THEN a.id_masked ELSE v_raw END;
    IF v_raw IS NOT DISTINCT FROM v_value THEN
        PERFORM counter_fail('CT400', 'same', 'value', 'the record already says so');
    END IF;
    INSERT INTO correction_requests (account_id, field, old_value, proposed_value,
                                     proposed_masked, evidence, account_version, status,
                                     requested_by, decision_note, version, created_at)
    VALUES (p_account_id, p_field, coalesce(v_old, ''), v_value, v_shown,
            btrim(coalesce(p_evidence, '')), p_account_version, 'pending', v_me.id, '', 1, now())
    RETURNING id INTO v_id;
    PERFORM counter_audit(p_workstation, 'correction.file', 'correction_request', v_id::text,
        jsonb_build_object('account_id', p_account_id, 'field', p_field,
                           'old', coalesce(v_old, ''), 'proposed', v_shown));
    RETURN counter_correction_json('one', v_id)->0;
END
$$;

-- A pending request at p_version, locked (CT404 / CT409 stale / CT400 state).
CREATE FUNCTION counter_correction_pending(p_id bigint, p_version int)
    RETURNS correction_requests
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    r correction_requests;
BEGIN
    SELECT * INTO r FROM correction_requests WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'request', 'no such request');
    END IF;
    IF r.version <> p_version THEN
        PERFORM counter_fail('CT409', 'stale', 'version', 'someone decided this request meanwhile');
    END IF;
    IF r.status <> 'pending' THEN
        PERFORM counter_fail('CT400', 'state', 'status', 'the request is decided already');
    END IF;
    RETURN r;
END
$$;

-- A supervisor applies the proposed value (raw, read here only) to the
-- account if it is still at the version the clerk saw (CT409
-- account_changed otherwise). The name's search keys (pinyin) are the
-- client's (p_name_pinyin, p_name_initials): derived from the name, which
-- every clerk reads, by the Python pinyin table.
CREATE FUNCTION counter_approve_correction(
    p_workstation text, p_id bigint, p_version int, p_note text,
    p_name_pinyin text DEFAULT '', p_name_initials text DEFAULT ''
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    r correction_requests := counter_correction_pending(p_id, p_version);
    v text := r.proposed_value;
    f text := r.field;
BEGIN
    IF f = 'name' AND (char_length(coalesce(p_name_pinyin, '')) > 200
                       OR char_length(coalesce(p_name_initials, '')) > 40) THEN
        PERFORM counter_fail('CT400', 'too_long', 'name_pinyin', 'the search keys are too long');
    END IF;
    UPDATE accounts SET
        name = CASE WHEN f = 'name' THEN v ELSE name END,
        name_pinyin = CASE WHEN f = 'name' THEN coalesce(p_name_pinyin, '') ELSE name_pinyin END,
        name_initials = CASE WHEN f = 'name' THEN coalesce(p_name_initials, '')
                             ELSE name_initials END,
        address = CASE WHEN f = 'address' THEN v ELSE address END,
        meter_location = CASE WHEN f = 'meter_location' THEN v ELSE meter_location END,
        mobile = CASE WHEN f = 'mobile' THEN v ELSE mobile END,
        mobile_masked = CASE WHEN f = 'mobile' THEN r.proposed_masked ELSE mobile_masked END,
        landline = CASE WHEN f = 'landline' THEN v ELSE landline END,
        landline_masked = CASE WHEN f = 'landline' THEN r.proposed_masked ELSE landline_masked END,
        id_number = CASE WHEN f = 'id_number' THEN v ELSE id_number END,
        id_masked = CASE WHEN f = 'id_number' THEN r.proposed_masked ELSE id_masked END,
        id_tail = CASE WHEN f = 'id_number' THEN right(v, 6) ELSE id_tail END,
        version = version + 1,
        updated_at = now()
    WHERE id = r.account_id AND version = r.account_version;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT409', 'account_changed', 'account',
                             'the account was changed after the request was filed');
    END IF;
    UPDATE correction_requests SET status = 'approved', decided_by = v_me.id, decided_at = now(),
        decision_note = btrim(coalesce(p_note, '')), version = version + 1
    WHERE id = r.id;
    PERFORM counter_audit(p_workstation, 'correction.approve', 'correction_request', r.id::text,
        jsonb_build_object('account_id', r.account_id, 'field', f, 'old', r.old_value,
                           'new', r.proposed_masked, 'account_version', r.account_version + 1));
    PERFORM counter_audit(p_workstation, 'account.correct', 'account', r.account_id::text,
        jsonb_build_object('field', f, 'request_id', r.id));
    RETURN counter_correction_json('one', r.id)->0;
END
$$;

CREATE FUNCTION counter_reject_correction(
    p_workstation text, p_id bigint, p_version int, p_note text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_note text := btrim(coalesce(p_note, ''));
    r correction_requests;
BEGIN
    IF v_note = '' THEN
        PERFORM counter_fail('CT400', 'empty', 'note', 'a reason is required');
    END IF;
    r := counter_correction_pending(p_id, p_version);
    UPDATE correction_requests SET status = 'rejected', decided_by = v_me.id, decided_at = now(),
        decision_note = v_note, version = version + 1
    WHERE id = r.id;
    PERFORM counter_audit(p_workstation, 'correction.reject', 'correction_request', r.id::text,
        jsonb_build_object('account_id', r.account_id, 'field', r.field, 'note', v_note));
    RETURN counter_correction_json('one', r.id)->0;
END
$$;

-- One request's proposed value in full, for a supervisor checking it
-- against the evidence; audited (correction.reveal).
CREATE FUNCTION counter_reveal_correction(p_workstation text, p_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    r correction_requests;
BEGIN
    SELECT * INTO r FROM correction_requests WHERE id = p_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'request', 'no such request');
    END IF;
    PERFORM counter_audit(p_workstation, 'correction.reveal', 'correction_request', p_id::text,
        jsonb_build_object('account_id', r.account_id, 'field', r.field));
    RETURN to_jsonb(r.proposed_value);
END
$$;

-- ------------------------------------------------------------------ outages

CREATE FUNCTION counter_outage_json(p_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object('id', o.id, 'area_code', o.area_code, 'area_name', a.name,
                              'starts_at', o.starts_at, 'ends_at', o.ends_at,
                              'reason', o.reason, 'cancelled', o.cancelled,
                              'announced_by', coalesce(k.display_name, ''))
    FROM outages o JOIN areas a ON a.code = o.area_code
    LEFT JOIN clerks k ON k.id = o.created_by
    WHERE o.id = p_id
$$;

CREATE FUNCTION counter_announce_outage(
    p_workstation text, p_area_code text, p_starts_at timestamptz, p_ends_at timestamptz,
    p_reason text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_reason text := btrim(coalesce(p_reason, ''));
    v_id bigint;
BEGIN
    IF p_starts_at IS NULL OR p_ends_at IS NULL OR p_ends_at <= p_starts_at THEN
        PERFORM counter_fail('CT400', 'period', 'ends_at', 'the outage must end after it starts');
    END IF;
    IF v_reason = '' THEN
        PERFORM counter_fail('CT400', 'reason', 'reason', 'a reason is required');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM areas WHERE code = p_area_code) THEN
        PERFORM counter_fail('CT400', 'area', 'area', 'no such area');
    END IF;
    INSERT INTO outages (area_code, starts_at, ends_at, reason, cancelled, created_by, created_at)
    VALUES (p_area_code, p_starts_at, p_ends_at, v_reason, false, v_me.id, now())
    RETURNING id INTO v_id;
    PERFORM counter_audit(p_workstation, 'outage.announce', 'outage', v_id::text,
        jsonb_build_object('area', p_area_code, 'starts_at', p_starts_at, 'ends_at', p_ends_at,
                           'reason', v_reason));
    RETURN counter_outage_json(v_id);
END
$$;

-- Supply is back before the announced end: a running outage ends now.
CREATE FUNCTION counter_end_outage(p_workstation text, p_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
BEGIN
    UPDATE outages SET ends_at = now()
    WHERE id = p_id AND NOT cancelled AND starts_at < now() AND ends_at > now();
    IF NOT FOUND THEN
        PERFORM counter_fail('CT409', 'state', 'outage', 'only a running outage ends early');
    END IF;
    PERFORM counter_audit(p_workstation, 'outage.end', 'outage', p_id::text,
                          jsonb_build_object('ends_at', now()));
    RETURN counter_outage_json(p_id);
END
$$;

-- An outage announced in error (running or still to come) is withdrawn.
CREATE FUNCTION counter_withdraw_outage(p_workstation text, p_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
BEGIN
    UPDATE outages SET cancelled = true WHERE id = p_id AND NOT cancelled AND ends_at > now();
    IF NOT FOUND THEN
        PERFORM counter_fail('CT409', 'state', 'outage', 'only an active outage is withdrawn');
    END IF;
    PERFORM counter_audit(p_workstation, 'outage.cancel', 'outage', p_id::text, '{}'::jsonb);
    RETURN counter_outage_json(p_id);
END
$$;

-- The outages screen (and the guide's facts): the announced outages not
-- withdrawn and not over as of p_as_of (the server's now when NULL), of
-- p_area or all, by start; and the areas to announce for. One call.
CREATE FUNCTION counter_outage_list(p_area text DEFAULT NULL, p_as_of timestamptz DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_at timestamptz := coalesce(p_as_of, now());
BEGIN
    RETURN jsonb_build_object(
        'outages', coalesce((SELECT jsonb_agg(counter_outage_json(o.id) ORDER BY o.starts_at, o.id)
                             FROM outages o
                             WHERE NOT o.cancelled AND o.ends_at > v_at
                               AND (p_area IS NULL OR o.area_code = p_area)), '[]'::jsonb),
        'areas', coalesce((SELECT jsonb_agg(jsonb_build_array(code, name) ORDER BY code)
                           FROM areas), '[]'::jsonb));
END
$$;

-- ------------------------------------------------------------------ privileges

REVOKE ALL ON FUNCTION counter_check_correction(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_mask_value(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_ticket(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_json(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_step(clerks, text, bigint, int, text, text[], jsonb, text,
                                              text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_text(text, text, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_correction_json(text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_correction_pending(bigint, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_outage_json(bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION counter_receive_complaint(text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_resolve_complaint(text, bigint, int, text, boolean, boolean)
    FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_forward_complaint(text, bigint, int, text, timestamptz, text)
    FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_follow_up_complaint(text, bigint, int, text, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reply_complaint(text, bigint, int, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_close_complaint(text, bigint, int, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reopen_complaint(text, bigint, int, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_detail(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_complaint_list(jsonb, int, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_set_complaint_departments(text, text[], text[], text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_correction_list(text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_file_correction(text, bigint, text, text, text, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_approve_correction(text, bigint, int, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reject_correction(text, bigint, int, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reveal_correction(text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_announce_outage(text, text, timestamptz, timestamptz, text)
    FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_end_outage(text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withdraw_outage(text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_outage_list(text, timestamptz) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION
    counter_receive_complaint(text, jsonb),
    counter_resolve_complaint(text, bigint, int, text, boolean, boolean),
    counter_forward_complaint(text, bigint, int, text, timestamptz, text),
    counter_follow_up_complaint(text, bigint, int, text, date),
    counter_reply_complaint(text, bigint, int, text, text),
    counter_close_complaint(text, bigint, int, text, text),
    counter_reopen_complaint(text, bigint, int, text),
    counter_complaint_detail(bigint),
    counter_complaint_list(jsonb, int, timestamptz),
    counter_correction_list(text, bigint),
    counter_file_correction(text, bigint, text, text, text, int),
    counter_outage_list(text, timestamptz)
    TO counter_clerk;
GRANT EXECUTE ON FUNCTION
    counter_set_complaint_departments(text, text[], text[], text[]),
    counter_approve_correction(text, bigint, int, text, text, text),
    counter_reject_correction(text, bigint, int, text),
    counter_reveal_correction(text, bigint),
    counter_announce_outage(text, text, timestamptz, timestamptz, text),
    counter_end_outage(text, bigint),
    counter_withdraw_outage(text, bigint)
    TO counter_supervisor;
