"""Renderers of a laid-out document: PDF (ReportLab), Qt printing, ESC/POS bytes, rasters,
and the text flow, wrapping and fonts they share.
"""
