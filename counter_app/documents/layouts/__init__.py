"""Document layouts: one description per document (receipt, statement, forms, tariff basis,
withholding form), independent of the renderer.
"""
