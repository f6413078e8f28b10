"""The application form (特困低保户用水优惠申请) for one account; a refusal names its field.
Rules: docs/rules/relief.md
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QWidget

from counter_app.domain.dates import validity_problem
from counter_app.services.action_values import required
from counter_app.services.relief.service import (
    MATERIALS,
    AccountBrief,
    ReliefError,
    ReliefInput,
    ReliefOptions,
    ReliefRow,
    ReliefService,
)
from counter_app.ui.context import Workplace
from counter_app.ui.dates import configure_date_edit, to_date
from counter_app.ui.errors import explain
from counter_app.ui.forms.ui_relief_form import Ui_ReliefForm
from counter_app.ui.relief.labels import account_type_text, error_text
from counter_app.ui.style import ALARM_STYLE, MUTED_STYLE

RESIDENTIAL = ("household", "collective")  # the account types relief is for (0013)

APPLY_KEY = "relief-apply"


class ReliefFormDialog(QDialog):
    filed = Signal(object)  # ReliefRow

    def __init__(
        self,
        workplace: Workplace,
        service: ReliefService,
        account: AccountBrief,
        options: ReliefOptions,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_ReliefForm()
        self.ui.setupUi(self)
        self.workplace = workplace
        self.service = service
        self.account = account
        self.options = options
        self.result_row: ReliefRow | None = None
        ui = self.ui
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Submit"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        ui.accountLabel.setText(
            self.tr("Account {no}  {name}  ({kind})").format(
                no=account.account_no,
                name=account.name,
                kind=account_type_text(account.account_type),
            )
            + "\n"
            + account.address
        )
        ui.certificateTypeCombo.addItems(list(options.certificate_types))
        today = QDate.currentDate()
        for edit in (ui.validFromEdit, ui.validToEdit):
            configure_date_edit(edit)
        ui.validFromEdit.setDate(today)
        ui.validToEdit.setDate(today.addYears(1))
        collective = account.account_type == "collective"
        for widget in (
            ui.lowIncomeLabel,
            ui.lowIncomeSpin,
            ui.totalHouseholdsLabel,
            ui.totalHouseholdsSpin,
        ):
            widget.setVisible(collective)
        if collective and account.households_total:
            ui.totalHouseholdsSpin.setValue(account.households_total)
        rule = options.rule_name or self.tr("the utility's relief rule")
        direct = (
            self.tr(" Approved at once (direct approval is configured).")
            if options.direct_approval
            else self.tr(" A supervisor approves it.")
        )
        ui.ruleLabel.setText(
            self.tr("Relief: {rule}, from the next read period after today.").format(rule=rule)
            + direct
        )
        ui.ruleLabel.setStyleSheet(MUTED_STYLE)
        ui.errorLabel.setStyleSheet(ALARM_STYLE)
        ui.errorLabel.hide()
        self.materials = {
            "certificate_original": ui.certificateOriginalCheck,
            "certificate_copy": ui.certificateCopyCheck,
            "holder_id_copy": ui.holderIdCopyCheck,
        }
        assert set(self.materials) == {key for key, _ in MATERIALS}
        self.field_widgets = {
            "certificate_type": ui.certificateTypeCombo,
            "certificate_no": ui.certificateNoEdit,
            "issuing_office": ui.issuingOfficeEdit,
            "valid_from": ui.validFromEdit,
            "valid_to": ui.validToEdit,
            "holder_name": ui.holderNameEdit,
            "holder_id_number": ui.holderIdEdit,
            "contact_phone": ui.phoneEdit,
            "materials": ui.certificateOriginalCheck,
            "low_income_households": ui.lowIncomeSpin,
            "total_households": ui.totalHouseholdsSpin,
            "notes": ui.notesEdit,
        }
        ui.buttonBox.accepted.connect(self.submit)
        ui.buttonBox.rejected.connect(self.reject)
        ui.certificateTypeCombo.setFocus()
        if account.account_type not in RESIDENTIAL:  # the database refuses it too: say it now
            self.show_error(error_text(ReliefError("account", "not_residential", "")), None)
            self.ok_button.setEnabled(False)

    # -- input -------------------------------------------------------------------------

    def form_input(self) -> ReliefInput:
        ui = self.ui
        collective = self.account.account_type == "collective"
        low = ui.lowIncomeSpin.value() if collective else 0
        total = ui.totalHouseholdsSpin.value() if collective else 0
        return ReliefInput(
            account_id=self.account.account_id,
            certificate_type=ui.certificateTypeCombo.currentText(),
            certificate_no=ui.certificateNoEdit.text(),
            issuing_office=ui.issuingOfficeEdit.text(),
            valid_from=to_date(ui.validFromEdit.date()),
            valid_to=to_date(ui.validToEdit.date()),
            holder_name=ui.holderNameEdit.text(),
            holder_id_number=ui.holderIdEdit.text(),
            contact_phone=ui.phoneEdit.text(),
            materials=tuple(k for k, box in self.materials.items() if box.isChecked()),
            low_income_households=low or None,
            total_households=total or None,
            notes=ui.notesEdit.text(),
        )

    # -- submit ------------------------------------------------------------------------

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        data = self.form_input()
        problem = validity_problem(
            required(data.valid_from, "valid_from"),
            required(data.valid_to, "valid_to"),
            date.today(),
        )
        if problem is not None:  # the service refuses it too; say so before asking it
            which, code = problem
            field = "valid_from" if which == "start" else "valid_to"
            self.show_error(error_text(ReliefError(field, code, code)), self.field_widgets[field])
            return
        self.ok_button.setEnabled(False)
        self.ui.errorLabel.hide()
        wp = self.workplace
        wp.runner.submit(
            self.service.apply,
            data,
            wp.actor,
            on_done=self._filed,
            on_error=self._refused,
            key=APPLY_KEY,
            changes=lambda row: row.account_id,
        )

    def _filed(self, row: ReliefRow) -> None:
        self.result_row = row
        self.ok_button.setEnabled(True)
        self.filed.emit(row)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ReliefError):
            self.show_error(error_text(exc), self.field_widgets.get(exc.field))
        else:
            self.show_error(explain(exc), None)

    def show_error(self, text: str, widget: QWidget | None) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
        if widget is not None and widget.isVisible():
            widget.setFocus()
            if isinstance(widget, QDateEdit):  # type the year again, arrows to month and day
                widget.setSelectedSection(QDateTimeEdit.Section.YearSection)
            elif hasattr(widget, "selectAll"):
                widget.selectAll()
