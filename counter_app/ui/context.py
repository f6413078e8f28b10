"""What a signed-in window works with (:class:`Workplace`), built once by the composition root.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.documents.output.printing import DocumentPrinter
from counter_app.documents.render.qt import print_document
from counter_app.services.accounts.archive import ArchiveService
from counter_app.services.accounts.search import SearchService
from counter_app.services.accounts.service import AccountService
from counter_app.services.audit import Actor
from counter_app.services.auth import Authenticator, ClerkIdentity
from counter_app.services.channels.service import ChannelService
from counter_app.services.channels.withholding import WithholdingService
from counter_app.services.complaints.corrections import CorrectionService
from counter_app.services.complaints.guide import GuideService
from counter_app.services.complaints.outages import OutageService
from counter_app.services.complaints.service import ComplaintService
from counter_app.services.installation.connection import Database
from counter_app.services.payments.late_fees import LateFeeService
from counter_app.services.payments.reversals import ReversalService
from counter_app.services.payments.service import PaymentService
from counter_app.services.payments.shifts import ShiftService
from counter_app.services.relief.service import ReliefService
from counter_app.services.tariffs.admin import TariffAdminService
from counter_app.services.tariffs.billing import AdjustmentService
from counter_app.settings import Settings
from counter_app.ui.account_events import AccountEvents
from counter_app.ui.tasks import TaskRunner


@dataclass(frozen=True)
class Services:
    """Every service of one login, built here and nowhere else: pages and
    dialogs call ``workplace.services.<name>`` (on the task runner)."""

    search: SearchService
    accounts: AccountService
    payments: PaymentService
    shifts: ShiftService
    reversals: ReversalService
    late_fees: LateFeeService
    channels: ChannelService
    tariffs: TariffAdminService
    adjustments: AdjustmentService  # corrections of issued bills (supervisors)
    archive: ArchiveService
    withholding: WithholdingService
    relief: ReliefService
    complaints: ComplaintService
    corrections: CorrectionService
    guide: GuideService
    outages: OutageService


@dataclass
class Workplace:
    """``settings`` (and the printer's) follow a save on the settings page
    (:meth:`apply_settings`): pages read them when they print, so a new
    printer or paper width applies at once. The database, the clerk and the
    services are fixed for the session."""

    clerk: ClerkIdentity
    database: Database
    settings: Settings
    runner: TaskRunner
    services: Services
    printer: DocumentPrinter
    # checks a supervisor's credentials at this workstation (reversals, approvals)
    authenticator: Authenticator | None = None
    # the embedded server of this computer, started again if it dies under the app
    embedded_server: object | None = None

    def ping(self) -> bool:
        """On the task runner: does the database answer (reviving this
        computer's server when it died)?"""
        from counter_app.services.installation.embedded import ping

        return ping(self.database, self.embedded_server)  # type: ignore[arg-type]

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.printer.settings = settings

    @property
    def events(self) -> AccountEvents:
        """``changed(account_id)`` after a write on an account (the runner's)."""
        return self.runner.events

    @property
    def actor(self) -> Actor:
        return Actor(self.clerk.username, self.settings.workstation, self.clerk.id)

    def services_of(self, database: Database) -> Services:
        """The services on another login's connection at this workstation (a
        supervisor's one approval: a reversal, a waiver; ``ui/payments/supervisor.py``);
        payments would be this workstation's hall."""
        return build_services(database, self.clerk)

    @property
    def database_key(self) -> str:
        """The database this session works on, without a password (keys what
        is kept per database, e.g. the pending payments)."""
        return self.database.engine.url.render_as_string(hide_password=True)


def build_services(database: Database, clerk: ClerkIdentity) -> Services:
    """Plain objects; nothing here touches the database."""
    return Services(
        search=SearchService(database),
        accounts=AccountService(database),
        payments=PaymentService(database, hall_code=clerk.hall_code),
        shifts=ShiftService(database),
        reversals=ReversalService(database),
        late_fees=LateFeeService(database),
        channels=ChannelService(database),
        tariffs=TariffAdminService(database),
        adjustments=AdjustmentService(database),
        archive=ArchiveService(database),
        withholding=WithholdingService(database),
        relief=ReliefService(database),
        complaints=ComplaintService(database),
        corrections=CorrectionService(database),
        guide=GuideService(database),
        outages=OutageService(database),
    )


def build_workplace(
    clerk: ClerkIdentity,
    database: Database,
    settings: Settings,
    runner: TaskRunner,
    *,
    authenticator: Authenticator | None = None,
    embedded_server: object | None = None,
) -> Workplace:
    return Workplace(
        clerk=clerk,
        database=database,
        settings=settings,
        runner=runner,
        services=build_services(database, clerk),
        printer=DocumentPrinter(settings, system_printer=print_document),
        authenticator=authenticator,
        embedded_server=embedded_server,
    )
