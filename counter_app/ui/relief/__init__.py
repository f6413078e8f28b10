"""低保减免 (low-income relief): application form, decisions, register, recall list."""
