"""counter-admin import-accounts numbers the accounts that came without a
档案号 (属地-年度-序号, the batch action of migration 0019) in the same
command, keeps the imported numbers, and numbers nothing on a dry run."""

from __future__ import annotations

import json

from sqlalchemy import select

from counter_app.cli import main
from counter_app.db import models as m
from counter_app.demo.golive_files import ACCOUNT_HEADERS, account_rows, write_csv
from tests.support.builders import make_reference


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _archive_numbers(db) -> dict[str, str | None]:
    with db.read() as s:
        return dict(s.execute(select(m.Account.account_no, m.Account.archive_no)).all())


def test_import_numbers_the_accounts_without_an_archive_number(db, login_batch, capsys, tmp_path):
    with db.write() as s:
        make_reference(s)
    batch, _name = login_batch()
    url = batch.engine.url.render_as_string(hide_password=False)
    rows = account_rows(5, seed=11)
    for row in rows[1:4]:
        row["档案号"] = ""
    path = write_csv(tmp_path / "accounts.csv", ACCOUNT_HEADERS, rows)

    code, out, err = run(capsys, "--database-url", url, "import-accounts", str(path), "--dry-run")
    assert code == 0, err
    assert "archive numbers" not in out and _archive_numbers(db) == {}

    code, out, err = run(capsys, "--database-url", url, "import-accounts", str(path))
    assert code == 0, err
    assert "created 5 accounts" in out
    assert "archive numbers: 3 accounts numbered" in out
    numbers = _archive_numbers(db)
    assert numbers["00000001"] == "DA00000001" and numbers["00000005"] == "DA00000005"
    new = sorted(numbers[f"0000000{n}"] for n in (2, 3, 4))
    assert all(n and n.count("-") == 2 for n in new), new
    assert len(set(new)) == 3
    # gapless per locality and year (属地-年度): each group counts 1..k
    groups: dict[str, list[int]] = {}
    for n in new:
        prefix, seq = n.rsplit("-", 1)
        groups.setdefault(prefix, []).append(int(seq))
    assert all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in groups.values()), new

    # the same file again writes nothing and numbers nothing; the numbers stay
    code, out, err = run(capsys, "--database-url", url, "--json", "import-accounts", str(path))
    assert code == 0, err
    result = json.loads(out)
    assert result["replayed"] is True
    assert result["archive_numbers"]["assigned"] == 0
    assert _archive_numbers(db) == numbers


def test_a_refused_file_numbers_nothing(db, login_batch, capsys, tmp_path):
    with db.write() as s:
        make_reference(s)
    batch, _name = login_batch()
    url = batch.engine.url.render_as_string(hide_password=False)
    rows = account_rows(2, seed=3)
    rows[0]["档案号"] = ""
    rows[1]["价格类别"] = "no such category"
    path = write_csv(tmp_path / "accounts.csv", ACCOUNT_HEADERS, rows)
    code, out, _err = run(capsys, "--database-url", url, "import-accounts", str(path))
    assert code == 1
    assert "archive numbers" not in out and _archive_numbers(db) == {}
