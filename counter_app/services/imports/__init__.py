"""Going live: customer master, opening balances and meter-reading files, each imported as one
server-side call, all or nothing, replayed files writing nothing (migrations 0016, 0020).
"""
