"""Getting a rendered document out: printer settings, transports (network, USB, Windows raw
queue, file) and CUPS.
"""
