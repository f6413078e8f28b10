"""Money at the counter: the payment form and the post, receipts, reversals and their policy, the
shift and its close, late fees. Every write is one server-side action (migration 0012).
"""
