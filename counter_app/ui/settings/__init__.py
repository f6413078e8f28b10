"""Per-workstation printer settings (打印机设置) on the settings page."""
