"""Display texts of the search area: hints, kinds, statuses (English sources,
translated in counter_search_<lang>.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def hint_text(code: str) -> str:
    """The clerk-facing message for a hint code of SearchService / parse_query."""
    texts = {
        "empty": QCoreApplication.translate(
            "SearchTexts", "Type an account no., name, phone, ID number or address…"
        ),
        "too_long": QCoreApplication.translate(
            "SearchTexts", "Too long: type at most 64 characters."
        ),
        "no_searchable_text": QCoreApplication.translate(
            "SearchTexts", "Type letters, digits or Chinese characters."
        ),
        "too_short": QCoreApplication.translate(
            "SearchTexts", "1-2 digits: only an exact account or meter number is looked up."
        ),
        "not_a_phone": QCoreApplication.translate(
            "SearchTexts", "tel: needs a mobile number, its last 4 digits or a fixed line."
        ),
        "not_an_id_number": QCoreApplication.translate(
            "SearchTexts", "id: needs 18 or 15 characters, or the last 4."
        ),
        "not_an_account_no": QCoreApplication.translate(
            "SearchTexts", "no: needs an account number."
        ),
        "not_a_meter_no": QCoreApplication.translate("SearchTexts", "meter: needs a meter number."),
        "not_an_archive_no": QCoreApplication.translate(
            "SearchTexts", "archive: needs an archive number."
        ),
        "timeout": QCoreApplication.translate(
            "SearchTexts", "The search took too long; type more to narrow it."
        ),
        "rate_limited": QCoreApplication.translate(
            "SearchTexts",
            "Too many full phone or ID number searches in a minute; wait a "
            "minute. Your supervisor has been told.",
        ),
    }
    return texts.get(code, code)


def kind_text(kind: str) -> str:
    texts = {
        "account_no": QCoreApplication.translate("SearchTexts", "account no."),
        "mobile": QCoreApplication.translate("SearchTexts", "mobile"),
        "mobile_tail": QCoreApplication.translate("SearchTexts", "mobile tail"),
        "landline": QCoreApplication.translate("SearchTexts", "fixed line"),
        "id_number": QCoreApplication.translate("SearchTexts", "ID number"),
        "id_tail": QCoreApplication.translate("SearchTexts", "ID tail"),
        "name": QCoreApplication.translate("SearchTexts", "name"),
        "pinyin": QCoreApplication.translate("SearchTexts", "pinyin"),
        "address": QCoreApplication.translate("SearchTexts", "address"),
        "meter_no": QCoreApplication.translate("SearchTexts", "meter no."),
        "archive_no": QCoreApplication.translate("SearchTexts", "archive no."),
    }
    return texts.get(kind, kind)


def searching_text(kinds: tuple[str, ...]) -> str:
    """按手机尾号、证件尾号查找… for the kinds the query is read as."""
    separator = QCoreApplication.translate("SearchTexts", ", ")
    return QCoreApplication.translate("SearchTexts", "Searching by {kinds}…").format(
        kinds=separator.join(kind_text(k) for k in kinds)
    )


def status_text(status: str) -> str:
    texts = {
        "active": QCoreApplication.translate("SearchTexts", "Active"),
        "suspended": QCoreApplication.translate("SearchTexts", "Suspended"),
        "closed": QCoreApplication.translate("SearchTexts", "Closed"),
    }
    return texts.get(status, status)


def account_type_text(kind: str) -> str:
    texts = {
        "household": QCoreApplication.translate("SearchTexts", "Household meter"),
        "bulk": QCoreApplication.translate("SearchTexts", "Bulk meter"),
        "collective": QCoreApplication.translate("SearchTexts", "Collective"),
        "nonresidential": QCoreApplication.translate("SearchTexts", "Non-residential"),
    }
    return texts.get(kind, kind)
