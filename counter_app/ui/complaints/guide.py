"""The consultation guide (咨询指引): searchable scripts, customer facts beside them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.consultation import Script, search
from counter_app.services.complaints.guide import CustomerFacts
from counter_app.ui import style
from counter_app.ui.complaints import labels


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GuideWidget(QWidget):
    """Emits ``facts_wanted`` when a script needs what the system knows."""

    facts_wanted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.facts: CustomerFacts | None = None
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setPlaceholderText(self.tr("Search the guide: e.g. 停水, 发黄, 阳台, 水价"))
        self.searchEdit.setClearButtonEnabled(True)
        self.scriptList = QListWidget(self)
        self.scriptList.setMaximumWidth(200)
        self.scriptText = QTextBrowser(self)
        self.factsText = QTextBrowser(self)
        self.factsText.setMaximumWidth(320)
        self.searchEdit.textChanged.connect(self._search)
        self.searchEdit.returnPressed.connect(self.scriptList.setFocus)
        self.scriptList.currentItemChanged.connect(self._show)
        body = QHBoxLayout()
        body.addWidget(self.scriptList)
        body.addWidget(self.scriptText, 1)
        body.addWidget(self.factsText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.searchEdit)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.searchEdit)
        self._search("")

    def _search(self, text: str) -> None:
        self.scriptList.clear()
        for script in search(text):
            item = QListWidgetItem(script.title, self.scriptList)
            item.setData(256, script)
        if self.scriptList.count():
            self.scriptList.setCurrentRow(0)
        else:
            self.scriptText.setHtml(_esc(self.tr("Nothing in the guide matches.")))
            self.factsText.hide()

    def current_script(self) -> Script | None:
        item = self.scriptList.currentItem()
        return item.data(256) if item else None

    def _show(self, *_args) -> None:
        script = self.current_script()
        if script is None:
            return
        steps = "".join(f"<li>{_esc(s)}</li>" for s in script.steps)
        self.scriptText.setHtml(f"<h3>{_esc(script.title)}</h3><ol>{steps}</ol>")
        self.factsText.setVisible(script.customer_checks)
        if script.customer_checks:
            if self.facts is None:  # once per customer, not per keystroke or arrow key
                self.facts_wanted.emit()
            self._render_facts()

    def set_facts(self, facts: CustomerFacts | None) -> None:
        self.facts = facts
        self._render_facts()

    def _render_facts(self) -> None:
        f = self.facts
        if f is None:
            self.factsText.setHtml(
                _esc(
                    self.tr(
                        "No customer chosen: open the customer from the search page to see arrears, "
                        "announced outages and repairs nearby."
                    )
                )
            )
            return
        heading = self.tr("What the system knows")
        parts = [
            f"<h4>{_esc(heading)}</h4>",
            f"<p>{_esc(f.account_no)} {_esc(f.name)}　{_esc(f.area_name)}</p>",
        ]
        if f.arrears > 0:
            parts.append(
                style.ERROR_PARAGRAPH
                + _esc(self.tr("(1) Arrears: {amount} yuan").format(amount=f.arrears))
                + "</p>"
            )
        else:
            parts.append("<p>" + _esc(self.tr("(1) No arrears.")) + "</p>")
        if f.outages:
            parts.append(style.ERROR_PARAGRAPH + _esc(self.tr("(5) Announced outage:")))
            for o in f.outages:
                parts.append(
                    "<br>"
                    + _esc(f"{labels.local(o.starts_at)} – {labels.local(o.ends_at)} {o.reason}")
                )
            parts.append("</p>")
        else:
            parts.append("<p>" + _esc(self.tr("(5) No outage announced in this area.")) + "</p>")
        if f.nearby:
            parts.append("<p>" + _esc(self.tr("(2) Open pressure complaints nearby:")))
            for n in f.nearby:
                parts.append("<br>" + _esc(f"{n.ticket_no} {n.address} {n.description[:20]}"))
            parts.append("</p>")
        else:
            parts.append("<p>" + _esc(self.tr("(2) No open repair complaint nearby.")) + "</p>")
        self.factsText.setHtml("".join(parts))
