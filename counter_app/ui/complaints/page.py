"""ComplaintsPage (投诉): form, list and detail, guide, corrections, outages, departments.
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from counter_app.documents import PrintError
from counter_app.export.complaints import write_complaints_xlsx
from counter_app.services.complaints.corrections import (
    AccountChanged,
    CorrectionError,
    StaleCorrection,
)
from counter_app.services.complaints.service import (
    ComplaintError,
    ComplaintView,
    StaleComplaint,
)
from counter_app.ui.account_events import AccountWatch
from counter_app.ui.complaints import labels
from counter_app.ui.complaints.corrections import CorrectionsWidget
from counter_app.ui.complaints.departments import DepartmentsEditor
from counter_app.ui.complaints.detail import ComplaintDetail
from counter_app.ui.complaints.form import ComplaintForm
from counter_app.ui.complaints.guide import GuideWidget
from counter_app.ui.complaints.list_view import ComplaintListWidget
from counter_app.ui.complaints.outages import OutagesWidget
from counter_app.ui.complaints.printing import print_slip
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.file_dialogs import save_file_name

log = logging.getLogger(__name__)


def _account_of(view) -> int | None:
    """The account a saved complaint or correction is about (None: no account)."""
    return getattr(view, "account_id", None)


class ComplaintsPage(QWidget):
    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.complaints = workplace.services.complaints
        self.corrections = workplace.services.corrections
        self.guide_service = workplace.services.guide
        self.account_id: int | None = None
        self.account_version: int | None = None
        self.last_printed: str = ""

        self.tabs = QTabWidget(self)
        self.form = ComplaintForm(self)
        self.list = ComplaintListWidget(self)
        self.detail = ComplaintDetail(self)
        self.guide = GuideWidget(self)
        can_decide = workplace.clerk.role in ("supervisor", "admin")
        self.corrections_widget = CorrectionsWidget(can_decide, self)
        self.outages = OutagesWidget(workplace, self)
        self.departments: DepartmentsEditor | None = None
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.tabs.addTab(self.form, self.tr("&New complaint"))
        self.tabs.addTab(split, self.tr("Complaint &list"))
        self.tabs.addTab(self.guide, self.tr("&Quick answers (consultation guide)"))
        self.tabs.addTab(self.corrections_widget, self.tr("Data co&rrections"))
        self.tabs.addTab(self.outages, self.tr("O&utages"))
        if can_decide:  # supervisors see the list; the service says who may change it
            self.departments = DepartmentsEditor(workplace, self.complaints, self)
            self.departments.saved.connect(self._departments_loaded)
            self.tabs.addTab(self.departments, self.tr("Depart&ments"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.form.submitted.connect(self._save_new)
        self.list.refresh_requested.connect(self._load_list)
        self.list.export_requested.connect(self._export)
        self.list.opened.connect(self.open_complaint)
        self.list.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.list._activated(cur)
        )
        self.detail.action_requested.connect(self._act)
        self.detail.print_requested.connect(self._reprint)
        self.detail.set_can_reveal(workplace.clerk.role in ("supervisor", "admin"))
        self.detail.reveal_requested.connect(self._reveal_contact)
        self.guide.facts_wanted.connect(self._load_facts)
        self.corrections_widget.file_requested.connect(self._file_correction)
        self.corrections_widget.decide_requested.connect(self._decide_correction)
        self.corrections_widget.reveal_requested.connect(self._reveal_correction)
        self._departments_wanted = True
        # a payment, a relief or a decided correction changed the customer shown
        self.account_watch = AccountWatch(
            self,
            workplace.events,
            lambda account_id: account_id == self.account_id,
            self._reload_account,
        )

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._departments_wanted:  # loaded when first shown, not at sign-in
            self._departments_wanted = False
            self._submit(
                self.complaints.departments,
                self._departments_loaded,
                key="cmp-depts",
                on_error=lambda exc: log.warning("department list not loaded: %s", exc),
            )

    # -- entry points ------------------------------------------------------------

    def open_account(self, account_id: int) -> None:
        """The search page's 投诉 button: the form for this customer."""
        self.tabs.setCurrentWidget(self.form)
        self._submit(
            self.workplace.services.accounts.account_view,
            self._account_loaded,
            account_id,
            key="cmp-account",
        )

    def _account_loaded(self, view) -> None:
        self.account_id, self.account_version = view.account_id, view.version
        text = f"{view.account_no}　{view.name}　{view.address}"
        self.form.start(view.account_id, text, view.name)
        self.corrections_widget.set_account(text, True)
        self.guide.set_facts(None)
        self._load_corrections()

    def _reload_account(self) -> None:
        """The customer's record changed: its version (for corrections), the
        corrections and the guide's facts; what the clerk typed stays."""
        if self.account_id is not None:
            self._submit(
                self.workplace.services.accounts.account_view,
                self._account_reloaded,
                self.account_id,
                key="cmp-account",
            )

    def _account_reloaded(self, view) -> None:
        if view.account_id != self.account_id:
            return
        self.account_version = view.version
        self._load_corrections()
        self._load_facts()

    def open_complaint(self, complaint_id: int) -> None:
        self._submit(self.complaints.get, self.detail.show_complaint, complaint_id, key="cmp-get")

    # -- plumbing ------------------------------------------------------------------

    def _submit(
        self, fn, on_done, *args, key: str | None = None, on_error=None, changes=None
    ) -> None:
        # a key names a kind of request of this page: another page's request
        # of the same kind (two workstations in one test) does not supersede it
        self.workplace.runner.submit(
            fn,
            *args,
            on_done=on_done,
            on_error=on_error or self._failed,
            key=key and f"{key}@{id(self):x}",
            changes=changes,
        )

    def _failed(self, exc: BaseException) -> None:
        # not modal: a background load that fails must not stop the window
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Complaints"),
            explain(exc),
            parent=self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _departments_loaded(self, names: tuple[str, ...]) -> None:
        for widget in (self.form, self.list, self.detail):
            widget.set_departments(names)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.form:
            self.form.setFocus()
        elif widget is self.guide:
            self._load_facts()  # fresh each time the guide is opened
            self.guide.setFocus()
        elif widget is self.corrections_widget:
            self._load_corrections()
        elif widget is self.outages:
            self.outages.refresh()
            self.outages.setFocus()
        elif self.departments is not None and widget is self.departments:
            if self.departments.loaded is None:
                self.departments.load()
            self.departments.setFocus()
        else:
            self.list.refresh()
            self.list.table.setFocus()

    # -- new complaint ---------------------------------------------------------------

    def _save_new(self, new) -> None:
        self.form.set_busy(True)
        self._submit(
            self.complaints.receive,
            self._saved,
            new,
            self.workplace.actor,
            key="cmp-save",
            on_error=self._save_failed,
            changes=_account_of,
        )

    def _save_failed(self, exc: BaseException) -> None:
        self.form.set_busy(False)
        if not self.form.handle_error(exc):
            self.form.show_error(self.tr("Not saved: {e}").format(e=exc))

    def _saved(self, view: ComplaintView) -> None:
        self.form.set_busy(False)
        self.form.saved(
            self.tr("Saved as {ticket}; printing the slip.").format(ticket=view.ticket_no)
        )
        self._print(view)

    def _print(self, view: ComplaintView) -> None:
        category = labels.name(labels.category_names(), view.category)
        self.workplace.runner.submit(
            print_slip,
            self.workplace,
            self.complaints,
            view,
            category,
            on_done=self._printed,
            on_error=self._print_failed,
        )

    def _printed(self, ticket: str) -> None:
        self.last_printed = ticket
        self.form.show_ok(self.tr("Saved as {ticket}; slip printed.").format(ticket=ticket))

    def _print_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PrintError):
            QMessageBox.warning(
                self,
                self.tr("Printing"),
                self.tr(
                    "The complaint is saved, but the slip was not printed ({e}). "
                    "Print it again from the list."
                ).format(e=exc),
            )
        else:
            self._failed(exc)

    def _reveal_contact(self, complaint_id: int) -> None:
        self._submit(
            self.complaints.reveal_contact,
            self.detail.show_contact,
            complaint_id,
            self.workplace.clerk,
            self.workplace.actor,
            key="cmp-reveal",
        )

    def _reprint(self, complaint_id: int) -> None:
        if self.detail.view is not None and self.detail.view.id == complaint_id:
            self._print(self.detail.view)

    # -- list and detail ---------------------------------------------------------------

    def _load_list(self, flt) -> None:
        year = datetime.now(labels.CST).year  # the counts are by Beijing month

        def show(screen) -> None:
            rows, counts = screen
            self.list.set_rows(rows)
            self.list.set_counts(year, counts)

        # one call: the rows and the monthly counts
        self._submit(self.complaints.screen, show, flt, year, key="cmp-list")

    def _export(self) -> None:
        path = save_file_name(
            self,
            "complaints",
            self.tr("Export complaints"),
            "complaints.xlsx",
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return
        rows = self.list.model.rows

        def label(kind: str, code: str) -> str:
            table = labels.category_names() if kind == "category" else labels.status_names()
            return labels.name(table, code)

        self._submit(write_complaints_xlsx, lambda _r: None, path, rows, label, key="cmp-xlsx")

    def _act(self, action: str, complaint_id: int, version: int, values: dict) -> None:
        s, actor, text = self.complaints, self.workplace.actor, values["text"]
        calls = {
            "follow_up": lambda: s.follow_up(
                complaint_id, version, text, actor, recall_on=values.get("recall_on")
            ),
            "forward": lambda: s.forward(
                complaint_id, version, values["department"], values["due_at"], actor, note=text
            ),
            "resolve": lambda: s.resolve(complaint_id, version, text, actor),
            "reply": lambda: s.reply(complaint_id, version, text, values["channel"], actor),
            "close": lambda: s.close(
                complaint_id, version, values["satisfaction"], actor, note=text
            ),
            "reopen": lambda: s.reopen(complaint_id, version, text, actor),
        }
        self.detail.set_busy(True)
        self._submit(
            calls[action],
            self._acted,
            key="cmp-act",
            on_error=self._act_failed,
            changes=_account_of,
        )

    def _acted(self, view: ComplaintView) -> None:
        self.detail.set_busy(False)
        self.detail.show_complaint(view)
        self.list.refresh()

    def _act_failed(self, exc: BaseException) -> None:
        self.detail.set_busy(False)
        if isinstance(exc, StaleComplaint):
            self.detail.show_error(
                self.tr(
                    "Someone else saved this complaint meanwhile; your entry was NOT saved. "
                    "The complaint is reloaded below and your text is kept: check it and apply again."
                )
            )
            complaint_id = self.detail.view.id if self.detail.view else None
            if complaint_id is not None:
                self._submit(
                    self.complaints.get,
                    lambda v: self.detail.show_complaint(v, keep_text=True),
                    complaint_id,
                    key="cmp-get",
                )
        elif isinstance(exc, ComplaintError):
            self.detail.show_error(labels.error_text(exc.code, exc.field))
        else:
            self.detail.show_error(self.tr("Not saved: {e}").format(e=exc))

    # -- guide --------------------------------------------------------------------------

    def _load_facts(self) -> None:
        if self.account_id is not None:
            self._submit(
                self.guide_service.facts, self.guide.set_facts, self.account_id, key="cmp-facts"
            )

    # -- corrections ----------------------------------------------------------------------

    def _load_corrections(self) -> None:
        if self.corrections_widget.can_decide:
            # masked like everywhere; one value in full on request (_reveal_correction)
            self._submit(
                self.corrections.pending, self.corrections_widget.set_requests, key="cmp-corr"
            )
        elif self.account_id is not None:
            self._submit(
                self.corrections.for_account,
                self.corrections_widget.set_requests,
                self.account_id,
                key="cmp-corr",
            )

    def _file_correction(self, field: str, value: str, evidence: str) -> None:
        if self.account_id is None or self.account_version is None:
            return
        self._submit(
            self.corrections.file,
            self._correction_filed,
            self.account_id,
            field,
            value,
            evidence,
            self.account_version,
            self.workplace.actor,
            key="cmp-corr-file",
            on_error=self._correction_failed,
            changes=_account_of,
        )

    def _decide_correction(self, view, ok: bool, note: str) -> None:
        s, clerk, actor = self.corrections, self.workplace.clerk, self.workplace.actor
        fn = (
            (lambda: s.approve(view.id, view.version, clerk, actor, note, shown=view))
            if ok
            else (lambda: s.reject(view.id, view.version, clerk, actor, note))
        )
        self._submit(
            fn,
            self._correction_done,
            key="cmp-corr-decide",
            on_error=lambda exc: self._correction_failed(exc, deciding=True),
            changes=_account_of,
        )

    def _reveal_correction(self, request_id: int) -> None:
        self._submit(
            self.corrections.reveal,
            lambda value: self.corrections_widget.show_revealed(request_id, value),
            request_id,
            self.workplace.clerk,
            self.workplace.actor,
            key="cmp-corr-reveal",
            on_error=self._reveal_failed,
        )

    def _reveal_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PermissionError):
            text = self.tr("Only a supervisor may see the full value.")
        else:
            text = self.tr("The full value could not be shown: {e}").format(e=exc)
        self.corrections_widget.show_message(text, error=True)
        self.corrections_widget.update_reveal()

    def _correction_filed(self, view) -> None:
        self.corrections_widget.clear_entry()
        self._correction_done(view)

    def _correction_done(self, view) -> None:
        status = labels.name(labels.correction_status_names(), view.status)
        self.corrections_widget.show_message(
            self.tr("Request {n}: {status}.").format(n=view.id, status=status)
        )
        self._load_corrections()

    def _correction_failed(self, exc: BaseException, deciding: bool = False) -> None:
        if isinstance(exc, AccountChanged) and deciding:
            text = self.tr(
                "The account was changed after the request was filed; nothing "
                "applied. Check the record, then reject the request (the clerk "
                "files a new one if it is still needed)."
            )
        elif isinstance(exc, AccountChanged):
            text = self.tr(
                "The account was changed since it was opened; nothing filed. "
                "Open the customer again and file again."
            )
        elif isinstance(exc, StaleCorrection):
            text = self.tr("Someone else decided this request meanwhile.")
            self._load_corrections()
        elif isinstance(exc, CorrectionError):
            text = {
                "format": self.tr("Correct value: the format is not valid for this field."),
                "empty": self.tr("Please fill in the value (and a note to reject)."),
                "same": self.tr("Correct value: it is the same as the record."),
                "too_long": self.tr("Correct value: too long."),
            }.get(exc.code, self.tr("Refused: {c}").format(c=exc.code))
        elif isinstance(exc, PermissionError):
            text = self.tr("Only a supervisor may decide correction requests.")
        else:
            text = self.tr("Failed: {e}").format(e=exc)
        self.corrections_widget.show_message(text, error=True)
