-- 0027: opening an account is one round trip again.
--
-- The account view's withholding line (代扣: bank, account tail, last
-- result) was read with the withholding dialog's own screen call after the
-- account opened (a second round trip), and the prepayment deduction state
-- (预存扣款, migration 0022) was not shown at all. Both come with the
-- account screen now. The dialog keeps counter_withholding_screen.

-- Whether the account's prepayment pays its bills at billing: the account's
-- own switch (no row: on), the utility's (prepayment_deduction), the result,
-- and the supervisor's last change (who, when, why). account_channel_settings
-- is read by no group role: this one account's row only, for any clerk who
-- may open the account.
CREATE FUNCTION counter_account_deduction(p_account_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'account', coalesce(s.deduction, true),
        'utility', coalesce((SELECT value FROM utility_settings
                             WHERE key = 'prepayment_deduction'), 'on') <> 'off',
        'effective', counter_deduction_on(p_account_id),
        'reason', s.reason, 'changed_by', coalesce(c.display_name, s.changed_by),
        'changed_at', s.changed_at)
    FROM (SELECT p_account_id AS id) a
    LEFT JOIN account_channel_settings s ON s.account_id = a.id
    LEFT JOIN clerks c ON c.username = s.changed_by
$$;

-- 0019's screen exactly, with two keys more: 'withholding' (the latest
-- agreement, an active one first, as the dialog shows it; masked: clerks
-- read withholding_agreements_masked and the banks' names) and 'deduction'.
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
                                          FROM accounts a WHERE a.id = p_account_id),
                              'withholding', (
                                  SELECT jsonb_build_object(
                                      'id', g.id, 'bank_code', g.bank_code, 'bank_name', b.name,
                                      'bank_account_masked', g.bank_account_masked,
                                      'bank_account_tail', g.bank_account_tail,
                                      'status', g.status, 'cancelled_on', g.cancelled_on,
                                      'last_result', g.last_result,
                                      'last_result_at', g.last_result_at,
                                      'last_amount', g.last_amount, 'last_reason', g.last_reason)
                                  FROM withholding_agreements_masked g
                                  JOIN withholding_banks b ON b.code = g.bank_code
                                  WHERE g.account_id = p_account_id
                                  ORDER BY (g.status = 'active') DESC, g.id DESC LIMIT 1),
                              'deduction', counter_account_deduction(p_account_id));
END
$$;

REVOKE ALL ON FUNCTION counter_account_deduction(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_account_deduction(bigint) TO counter_clerk;
