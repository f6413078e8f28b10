"""A printer's refusal is a CounterError now: explain() tells it by the one printer map,
never as a refused input."""

from __future__ import annotations

from counter_app.documents import PrintError
from counter_app.ui.errors import explain
from counter_app.ui.settings.print_errors import print_error_text


def test_explain_tells_a_printer_error_by_the_printer_map():
    for code in ("offline", "not_found", "config"):
        error = PrintError(code, "connection refused", printer="tcp://10.0.0.9:9100")
        assert explain(error) == print_error_text(error)
    offline = PrintError("offline", "connection refused", printer="tcp://10.0.0.9:9100")
    assert explain(offline).startswith("打印机 tcp://10.0.0.9:9100：打印机没有响应。")
    assert "未找到" not in explain(PrintError("not_found", "no queue", printer="Kitchen"))
