-- Migration 0018: what a bill still asks for counts its credit adjustments.
--
-- 0016 made a correction of an issued bill a new, linked adjustment bill; a
-- credit (negative) reduces what the corrected bill asks for, as
-- services/ledger.py shows it. 0012's counter_open_bills (the payment form,
-- the post's allocation, the over-allocation trigger) counted only the
-- bill's own amount, so a credited bill was still offered in full and a
-- credit stood as a negative "open bill" of its own. Now: issued bills and
-- debit adjustments are bills to pay; a credit counts on the bill it
-- corrects. Not floored at zero: a paid bill credited afterwards shows what
-- is to be given back (negative), and no allocation can be added to it.
CREATE OR REPLACE FUNCTION counter_open_bills(p_account_id bigint)
    RETURNS TABLE (bill_id bigint, period text, usage bigint, amount numeric, outstanding numeric,
                   due_on date)
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT b.id, b.period::text, b.usage, b.amount,
           b.amount
           + coalesce((SELECT sum(c.amount) FROM bills c
                       WHERE c.adjusts_bill_id = b.id AND c.amount < 0), 0)
           - coalesce((SELECT sum(a.amount) FROM allocations a
                       WHERE a.bill_id = b.id
                         AND NOT EXISTS (SELECT 1 FROM payment_reversals r
                                         WHERE r.payment_id = a.payment_id)), 0),
           b.due_on
    FROM bills b
    WHERE b.account_id = p_account_id
      AND (b.adjusts_bill_id IS NULL OR b.amount > 0)
    ORDER BY b.period, b.id
$$;
