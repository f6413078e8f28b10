-- Server-side actions: the helpers every action uses (migration 0011).
--
-- Every write of the app is one function: SECURITY DEFINER, owned by
-- counter_owner, search_path pinned, that checks its caller, validates, does
-- the whole use case and writes its audit row. These helpers are what they
-- share. None of them is executable by a login: they run inside the actions
-- (as the owner), never on their own.
--
-- Refusals are raised with an SQLSTATE of class 'CT' (Counter), the message
-- being a short code, DETAIL the field at fault (or ''), HINT the English
-- sentence; counter_app.services.actions maps them to ActionError:
--   CT400 invalid input    CT403 not allowed     CT404 not found
--   CT409 conflict (stale figures, version, already done, key reused)
--   CT423 locked (closed shift or till)

CREATE FUNCTION counter_fail(p_state text, p_code text, p_field text, p_message text)
    RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = p_state, MESSAGE = p_code,
        DETAIL = coalesce(p_field, ''), HINT = coalesce(p_message, p_code);
END
$$;

-- The signed-in clerk (session_user, never an argument), active, in a group
-- of at least p_min_role ('clerk' < 'supervisor' < 'admin'), by the role
-- recorded for the clerk AND the database's own membership.
CREATE FUNCTION counter_caller(p_min_role text DEFAULT 'clerk')
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
    v_rank := array_position(ARRAY['clerk', 'supervisor', 'admin'], v.role);
    IF v_need IS NULL OR v_rank < v_need
       OR NOT pg_has_role(session_user, 'counter_' || p_min_role, 'MEMBER') THEN
        PERFORM counter_fail('CT403', 'role', '',
                             format('this needs a %s; %s is a %s', p_min_role, v.username, v.role));
    END IF;
    RETURN v;
END
$$;

-- One audit row: the clerk and the time are the server's; the workstation
-- is what the client says it is (and is recorded as such).
CREATE FUNCTION counter_audit(
    p_workstation text, p_action text, p_entity text, p_entity_id text, p_details jsonb
) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    INSERT INTO audit_events (at, clerk, workstation, action, entity, entity_id, details)
    VALUES (now(), session_user, left(coalesce(p_workstation, ''), 64), p_action, p_entity,
            coalesce(p_entity_id, ''), coalesce(p_details, '{}'::jsonb)::text)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Money as the books keep it: two decimals, finite, not negative unless asked.
CREATE FUNCTION counter_money(p_value numeric, p_field text, p_allow_zero boolean DEFAULT true)
    RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_value IS NULL OR p_value = 'NaN'::numeric THEN
        PERFORM counter_fail('CT400', 'amount', p_field, 'an amount is required');
    END IF;
    IF p_value <> round(p_value, 2) THEN
        PERFORM counter_fail('CT400', 'decimals', p_field, 'at most two decimals (fen)');
    END IF;
    IF p_value < 0 OR (p_value = 0 AND NOT p_allow_zero) THEN
        PERFORM counter_fail('CT400', 'negative', p_field, 'the amount must be positive');
    END IF;
    IF p_value > 9999999999.99 THEN
        PERFORM counter_fail('CT400', 'too_large', p_field, 'the amount is too large');
    END IF;
    RETURN p_value;
END
$$;

REVOKE ALL ON FUNCTION counter_fail(text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_caller(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_audit(text, text, text, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_money(numeric, text, boolean) FROM PUBLIC;
